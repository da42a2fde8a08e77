/**
 * The in-memory state store: one process, bounded in bytes (keys and values counted, with a fixed
 * per-entry overhead), least recently used entries evicted past the bound, and every entry expiring
 * after its TTL (checked on access and swept periodically).
 */
import { MAX_VALUE_CHARS, type Peeked, type StateStore, type WindowCount } from "./index";

interface Entry {
  value: string;
  expiresAt: number;
  bytes: number;
  note: string | undefined;
}

/** What one entry costs besides its key and value: the Map slot, the object and its fields. */
export const ENTRY_OVERHEAD_BYTES = 96;

/** Default bound: 16 MiB, about 100,000 scenario counters. */
export const DEFAULT_MEMORY_BYTES = 16 * 1024 * 1024;

export interface MemoryStoreOptions {
  maxBytes?: number;
  /** A bound on the number of entries too (default: none besides bytes). */
  maxEntries?: number;
  /** The clock, for tests; defaults to Date.now. */
  now?: () => number;
  /** How often expired entries are swept (ms); 0 disables the timer (tests sweep by hand). */
  sweepMs?: number;
}

/** JS strings are UTF-16: two bytes a code unit is what they take in memory. */
function cost(key: string, value: string, note: string | undefined): number {
  return ENTRY_OVERHEAD_BYTES + 2 * (key.length + value.length + (note?.length ?? 0));
}

export class MemoryStore implements StateStore {
  readonly kind = "memory" as const;
  readonly maxBytes: number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();
  private used = 0;
  private readonly now: () => number;
  private readonly timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MEMORY_BYTES;
    this.maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
    const sweepMs = options.sweepMs ?? 30_000;
    if (sweepMs > 0) {
      this.timer = setInterval(() => this.sweep(), sweepMs);
      this.timer.unref();
    }
  }

  /** Bytes in use, as counted against `maxBytes`. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live entry at `key` (moved to most recently used), or undefined. */
  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.remove(key, e);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  private remove(key: string, e: Entry): void {
    this.entries.delete(key);
    this.used -= e.bytes;
  }

  /** Stores (or updates in place) the entry, as the most recently used one. */
  private put(key: string, value: string, expiresAt: number, note?: string, live?: Entry): void {
    const old = live ?? this.entries.get(key);
    const keep = note ?? (live ? live.note : undefined);
    const bytes = cost(key, value, keep);
    if (old && live) {
      // Already moved to the end by live(): update in place.
      this.used += bytes - old.bytes;
      old.value = value;
      old.expiresAt = expiresAt;
      old.bytes = bytes;
      old.note = keep;
    } else {
      if (old) this.remove(key, old);
      this.entries.set(key, { value, expiresAt, bytes, note: keep });
      this.used += bytes;
    }
    // Over the bound: forget the least recently used entries (Map order is use order).
    while ((this.used > this.maxBytes || this.entries.size > this.maxEntries) && this.entries.size > 1) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldestKey, oldest);
    }
  }

  /** Drops every expired entry. */
  sweep(): void {
    const now = this.now();
    for (const [key, e] of this.entries) if (e.expiresAt <= now) this.remove(key, e);
  }

  increment(key: string, ttlMs: number, note?: string): number {
    const e = this.live(key);
    const n = (e ? Number(e.value) || 0 : 0) + 1;
    this.put(key, String(n), this.now() + ttlMs, note?.slice(0, MAX_VALUE_CHARS), e);
    return n;
  }

  hit(key: string, windowMs: number): WindowCount {
    const now = this.now();
    const e = this.live(key);
    if (!e) {
      this.put(key, "1", now + windowMs);
      return { count: 1, resetMs: windowMs };
    }
    const n = (Number(e.value) || 0) + 1;
    this.put(key, String(n), e.expiresAt, undefined, e);
    return { count: n, resetMs: e.expiresAt - now };
  }

  peek(key: string): Peeked | null {
    const e = this.live(key);
    if (!e) return null;
    const p: Peeked = { value: e.value, ttlMs: e.expiresAt - this.now() };
    if (e.note !== undefined) p.note = e.note;
    return p;
  }

  set(key: string, value: string, ttlMs: number): void {
    this.put(key, value.slice(0, MAX_VALUE_CHARS), this.now() + ttlMs);
  }

  delete(keys: string[]): number {
    let n = 0;
    for (const key of keys) {
      const e = this.live(key);
      if (e) {
        this.remove(key, e);
        n++;
      }
    }
    return n;
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.entries.clear();
    this.used = 0;
    return Promise.resolve();
  }
}
