/**
 * The Redis state store, shared by every instance pointed at the same Redis (`REDIS_URL`).
 *
 * Each operation is one Lua script, which Redis runs atomically: two instances incrementing the same
 * counter at once get consecutive values, never the same one. While Redis is unreachable every
 * operation fails at once with `StoreUnavailableError` (commands are not queued for later, and each
 * has a timeout), so callers answer 503 instead of hanging; the client reconnects in the background.
 */
import { createClient } from "redis";

import {
  MAX_VALUE_CHARS,
  StoreUnavailableError,
  type Peeked,
  type StateStore,
  type WindowCount,
} from "./index";

// Every key is a hash: field v holds the value (a counter or a string), field note a caller's note.

/** HINCRBY then renew the TTL (an inactivity timeout); a note, when given, replaces the last one. */
const INCREMENT = `local n = redis.call('HINCRBY', KEYS[1], 'v', 1)
if ARGV[2] then redis.call('HSET', KEYS[1], 'note', ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return n`;

/** A fixed window: the first hit sets the TTL (the window's end); later hits leave it. */
const HIT = `local n = redis.call('HINCRBY', KEYS[1], 'v', 1)
local t = redis.call('PTTL', KEYS[1])
if t < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  t = tonumber(ARGV[1])
end
return {n, t}`;

const SET = `redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/** Value, note and remaining life in one round trip. */
const PEEK = `local f = redis.call('HMGET', KEYS[1], 'v', 'note')
return {f[1], f[2], redis.call('PTTL', KEYS[1])}`;

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key, so one Redis can serve several sites. */
  prefix?: string;
  /** How long one command may take before it counts as a failure (ms). */
  commandTimeoutMs?: number;
}

type Client = ReturnType<typeof createClient>;

export class RedisStore implements StateStore {
  readonly kind = "redis" as const;
  private readonly client: Client;
  private readonly prefix: string;
  private closed = false;
  /** The last connection error, for readiness and logs; cleared on connect. */
  lastError: string | undefined;

  constructor(options: RedisStoreOptions) {
    this.prefix = options.prefix ?? "statuscodes:";
    this.client = createClient({
      url: options.url,
      // Fail at once while disconnected rather than queueing commands until Redis is back.
      disableOfflineQueue: true,
      commandOptions: { timeout: options.commandTimeoutMs ?? 1000 },
      socket: {
        connectTimeout: 2000,
        // Keep trying, at most every 2 s, for as long as the process runs.
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
      },
    });
    // Without a listener an 'error' event would crash the process.
    this.client.on("error", (err: unknown) => {
      this.lastError = err instanceof Error ? err.message : String(err);
    });
    this.client.on("ready", () => {
      this.lastError = undefined;
    });
  }

  /** Starts connecting; resolves when connected or after the first failure (reconnects go on). */
  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }

  private async run<T>(op: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) throw new StoreUnavailableError(this.lastError);
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailableError(err);
    }
  }

  increment(key: string, ttlMs: number, note?: string): Promise<number> {
    return this.run(async () => {
      const args = [String(Math.max(1, Math.round(ttlMs)))];
      if (note !== undefined) args.push(note.slice(0, MAX_VALUE_CHARS));
      const reply = await this.client.eval(INCREMENT, { keys: [this.prefix + key], arguments: args });
      return Number(reply);
    });
  }

  hit(key: string, windowMs: number): Promise<WindowCount> {
    return this.run(async () => {
      const reply = (await this.client.eval(HIT, {
        keys: [this.prefix + key],
        arguments: [String(Math.max(1, Math.round(windowMs)))],
      })) as unknown as [number, number];
      return { count: Number(reply[0]), resetMs: Number(reply[1]) };
    });
  }

  peek(key: string): Promise<Peeked | null> {
    return this.run(async () => {
      const [value, note, ttl] = (await this.client.eval(PEEK, { keys: [this.prefix + key] })) as unknown as [
        string | null,
        string | null,
        number,
      ];
      if (value === null) return null;
      const p: Peeked = { value: String(value), ttlMs: Number(ttl) };
      if (note !== null) p.note = String(note);
      return p;
    });
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.run(async () => {
      await this.client.eval(SET, {
        keys: [this.prefix + key],
        arguments: [String(Math.max(1, Math.round(ttlMs))), value.slice(0, MAX_VALUE_CHARS)],
      });
    });
  }

  delete(keys: string[]): Promise<number> {
    if (keys.length === 0) return Promise.resolve(0);
    return this.run(async () => Number(await this.client.del(keys.map((k) => this.prefix + k))));
  }

  async ping(): Promise<boolean> {
    if (!this.client.isReady) return false;
    try {
      return (await this.client.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      // close() waits for replies, so only when connected; otherwise drop the socket and retries.
      if (this.client.isReady) await this.client.close();
      else this.client.destroy();
    } catch {
      this.client.destroy();
    }
  }
}
