/**
 * A small key-value state store with the atomic operations scenarios and the fair-use limiter need.
 *
 * Two implementations: `MemoryStore` (one process; bounded in bytes, entries expire) and
 * `RedisStore` (shared by every instance pointed at the same Redis). The memory store answers
 * synchronously, so callers accept `T | Promise<T>` and keep the in-memory hot path free of promises.
 */

export type MaybePromise<T> = T | Promise<T>;

/** A fixed-window counter after a hit: how many hits fell in the window and when it ends. */
export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends and the count starts again from 0. */
  resetMs: number;
}

export interface Peeked {
  value: string;
  ttlMs: number;
  note?: string;
}

export interface StateStore {
  readonly kind: "memory" | "redis";
  /**
   * Atomically adds 1 to the counter at `key` (absent counts as 0) and gives it `ttlMs` to live from
   * now (an inactivity TTL: every increment renews it). Returns the new value. A `note` given is kept
   * with the counter (replacing the last one), so a caller can remember context in the same operation.
   */
  increment(key: string, ttlMs: number, note?: string): MaybePromise<number>;
  /**
   * Atomically counts a hit in the fixed window at `key`: the first hit opens a window of `windowMs`,
   * later hits in it only add to the count; when it ends the key is gone and the next hit opens a new one.
   */
  hit(key: string, windowMs: number): MaybePromise<WindowCount>;
  /** The value at `key` (with its note) and its remaining life, without changing it; null when absent. */
  peek(key: string): MaybePromise<Peeked | null>;
  /** Stores a short string (cut to MAX_VALUE_CHARS characters) for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): MaybePromise<void>;
  /** Deletes keys; returns how many existed. */
  delete(keys: string[]): MaybePromise<number>;
  /** True when the store can answer now (always for memory; a round trip for Redis). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Longest value `set` stores; callers keep their values short. */
export const MAX_VALUE_CHARS = 1024;

/** Thrown (or rejected with) when the store cannot be reached: the caller answers 503. */
export class StoreUnavailableError extends Error {
  constructor(readonly cause?: unknown) {
    super("The state store is unreachable");
    this.name = "StoreUnavailableError";
  }
}
