/**
 * Weighted random codes: `/api/status/200:3,503:1` answers 200 three times as often as 503.
 * With a seed the sequence is repeatable: draw N of seed S is always the same code.
 */
import type { InvalidParam } from "../problem";

import { MemoryStore } from "../state/memory";

import { MAX_CHOICES, MAX_WEIGHT } from "./options";

/** The per-seed store's byte bound: 4 MiB, some 30,000 typical seeds (the key bound is lower). */
export const DEFAULT_SEQUENCE_BYTES = 4 * 1024 * 1024;
const SEQUENCE_TTL_MS = 24 * 60 * 60 * 1000;

export interface Choice {
  code: string;
  weight: number;
}

export type ChoiceParse = { ok: true; choices: Choice[] } | { ok: false; invalid: InvalidParam[] };

/** True when the path segment lists several codes (or one with a weight). */
export function isWeighted(segment: string): boolean {
  return segment.includes(",") || segment.includes(":");
}

export function parseChoices(segment: string): ChoiceParse {
  const parts = segment.split(",");
  if (parts.length > MAX_CHOICES)
    return { ok: false, invalid: [{ name: "code", reason: `at most ${MAX_CHOICES} weighted codes` }] };
  const choices: Choice[] = [];
  for (const part of parts) {
    const m = /^\s*(\d{3})\s*(?::\s*(\d{1,4})\s*)?$/.exec(part);
    if (!m?.[1])
      return {
        ok: false,
        invalid: [
          { name: "code", reason: `"${part.slice(0, 20)}" is not code or code:weight (e.g. 200:3,503:1)` },
        ],
      };
    const weight = m[2] === undefined ? 1 : Number(m[2]);
    if (weight < 1 || weight > MAX_WEIGHT)
      return {
        ok: false,
        invalid: [{ name: "code", reason: `weights are whole numbers from 1 to ${MAX_WEIGHT}` }],
      };
    choices.push({ code: m[1], weight });
  }
  return { ok: true, choices };
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the same seed gives the same stream. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [0, 1) for draw `n` of `seed`, without generating the draws before it. */
export function drawValue(seed: number, n: number): number {
  // Mix seed and index into one 32-bit state, then take the first output of that stream.
  return mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca77)) >>> 0)();
}

export function pick(choices: Choice[], r: number): string {
  const total = choices.reduce((s, c) => s + c.weight, 0);
  let x = r * total;
  for (const c of choices) {
    if (x < c.weight) return c.code;
    x -= c.weight;
  }
  return choices[choices.length - 1]?.code ?? "";
}

/**
 * Per-seed counters, so consecutive requests with the same seed walk the sequence. Callers choose the
 * keys (seed and code list), so the store is bounded in bytes as well as in keys: the least recently
 * used seeds are forgotten past either bound, and a seed unused for a day is forgotten anyway.
 */
export class SequenceStore {
  private readonly store: MemoryStore;
  constructor(capacity = 10_000, maxBytes = DEFAULT_SEQUENCE_BYTES) {
    this.store = new MemoryStore({ maxBytes, maxEntries: capacity, sweepMs: 60_000 });
  }

  /** The draw index to use for this seed and code list, advancing the counter. */
  take(key: string): number {
    return this.store.increment(key, SEQUENCE_TTL_MS) - 1;
  }

  get size(): number {
    return this.store.size;
  }

  /** Bytes counted against the bound. */
  get bytes(): number {
    return this.store.bytes;
  }
}

/**
 * Caps how many delayed requests wait at once, so `delay` cannot be used to tie up the server.
 */
export class DelayGate {
  private active = 0;
  constructor(readonly limit: number) {}

  tryAcquire(): boolean {
    if (this.active >= this.limit) return false;
    this.active++;
    return true;
  }

  release(): void {
    if (this.active > 0) this.active--;
  }

  get inUse(): number {
    return this.active;
  }
}
