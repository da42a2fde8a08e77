import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RedisServer } from "../../tests/helpers/redis";

import { StoreUnavailableError, type StateStore } from "./index";
import { ENTRY_OVERHEAD_BYTES, MemoryStore } from "./memory";
import { RedisStore } from "./redis";

/** The same contract, held by both stores. */
function contract(name: string, make: () => StateStore) {
  describe(`${name} store`, () => {
    const store = () => make();
    const unique = () => `t${Math.random().toString(36).slice(2)}`;

    it("increments from 1, one at a time, and renews the TTL", async () => {
      const s = store();
      const k = unique();
      expect(await s.increment(k, 60_000)).toBe(1);
      expect(await s.increment(k, 60_000)).toBe(2);
      const p = await s.peek(k);
      expect(p?.value).toBe("2");
      expect(p?.ttlMs).toBeGreaterThan(59_000);
    });

    it("keeps a note with a counter, replaced by the next one given and kept when none is", async () => {
      const s = store();
      const k = unique();
      await s.increment(k, 60_000, "first");
      await s.increment(k, 60_000);
      expect(await s.peek(k)).toMatchObject({ value: "2", note: "first" });
      await s.increment(k, 60_000, "second");
      expect(await s.peek(k)).toMatchObject({ value: "3", note: "second" });
    });

    it("counts hits in a fixed window whose end does not move", async () => {
      const s = store();
      const k = unique();
      const first = await s.hit(k, 5_000);
      expect(first.count).toBe(1);
      expect(first.resetMs).toBeLessThanOrEqual(5_000);
      const second = await s.hit(k, 5_000);
      expect(second.count).toBe(2);
      expect(second.resetMs).toBeLessThanOrEqual(first.resetMs);
    });

    it("sets, peeks and deletes", async () => {
      const s = store();
      const k = unique();
      await s.set(k, "hello", 10_000);
      expect((await s.peek(k))?.value).toBe("hello");
      expect(await s.delete([k, unique()])).toBe(1);
      expect(await s.peek(k)).toBeNull();
    });

    it("forgets an entry after its TTL", async () => {
      const s = store();
      const k = unique();
      await s.increment(k, 50);
      await new Promise((r) => setTimeout(r, 120));
      expect(await s.peek(k)).toBeNull();
      expect(await s.increment(k, 50)).toBe(1);
    });
  });
}

contract("memory", () => new MemoryStore({ sweepMs: 0 }));

describe("memory store bounds", () => {
  it("is bounded in bytes, not only in keys: long keys evict sooner, least recently used first", () => {
    const s = new MemoryStore({ maxBytes: 64 * 1024, sweepMs: 0 });
    const long = "k".repeat(5_000); // a 5,000-character key costs about 10 KB
    for (let i = 0; i < 100; i++) s.increment(`${long}${i}`, 60_000);
    expect(s.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(s.size).toBeLessThan(10);
    // The newest survive, the oldest are gone.
    expect(s.peek(`${long}99`)).not.toBeNull();
    expect(s.peek(`${long}0`)).toBeNull();
    // Short keys: many more fit in the same bytes.
    const t = new MemoryStore({ maxBytes: 64 * 1024, sweepMs: 0 });
    for (let i = 0; i < 10_000; i++) t.increment(`s${i}`, 60_000);
    expect(t.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(t.size).toBeGreaterThan(400);
    expect(t.size).toBeLessThan((64 * 1024) / ENTRY_OVERHEAD_BYTES + 1);
  });

  it("a touched entry is kept over an untouched older one", () => {
    const s = new MemoryStore({ maxBytes: 3 * (ENTRY_OVERHEAD_BYTES + 6), sweepMs: 0 });
    s.increment("a", 60_000);
    s.increment("b", 60_000);
    s.increment("a", 60_000);
    s.increment("c", 60_000);
    s.increment("d", 60_000);
    expect(s.peek("a")?.value).toBe("2");
    expect(s.peek("b")).toBeNull();
  });

  it("sweeps expired entries and gives their bytes back", () => {
    let now = 1_000;
    const s = new MemoryStore({ now: () => now, sweepMs: 0 });
    for (let i = 0; i < 100; i++) s.increment(`k${i}`, 1_000);
    expect(s.size).toBe(100);
    now += 1_001;
    s.sweep();
    expect(s.size).toBe(0);
    expect(s.bytes).toBe(0);
  });

  it("a window ends to the millisecond and a new one starts", () => {
    let now = 0;
    const s = new MemoryStore({ now: () => now, sweepMs: 0 });
    expect(s.hit("w", 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    now = 59_999;
    expect(s.hit("w", 60_000)).toEqual({ count: 2, resetMs: 1 });
    now = 60_000;
    expect(s.hit("w", 60_000)).toEqual({ count: 1, resetMs: 60_000 });
  });
});

describe("redis store (a real redis-server)", () => {
  let redis: RedisServer;
  const stores: RedisStore[] = [];
  const open = async (url = redis.url) => {
    const s = new RedisStore({ url, commandTimeoutMs: 500 });
    await s.connect();
    stores.push(s);
    return s;
  };
  let shared: RedisStore;

  beforeAll(async () => {
    redis = await RedisServer.start();
    shared = await open();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await redis.stop();
  });

  contract("redis", () => shared);

  it("two clients incrementing one counter at once never get the same value", async () => {
    const a = await open();
    const b = await open();
    const key = `race${Date.now()}`;
    const all = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).increment(key, 60_000)),
    );
    expect(new Set(all).size).toBe(200);
    expect(Math.max(...all)).toBe(200);
    const hits = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).hit(`${key}w`, 60_000)),
    );
    expect(new Set(hits.map((h) => h.count)).size).toBe(50);
  });

  it("fails fast with StoreUnavailableError while Redis is down, and recovers when it is back", async () => {
    const s = await open();
    expect(await s.ping()).toBe(true);
    await redis.stop();
    const started = Date.now();
    await expect(s.increment("down", 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(s.hit("down", 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await s.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    await redis.start();
    const until = Date.now() + 10_000;
    while (!(await s.ping()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await s.increment("back", 1000)).toBe(1);
  }, 20_000);

  it("a store that cannot reach Redis at start says so, and does not hang", async () => {
    const s = new RedisStore({ url: "redis://127.0.0.1:1", commandTimeoutMs: 200 });
    stores.push(s);
    const started = Date.now();
    void s.connect();
    await expect(s.increment("x", 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await s.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
