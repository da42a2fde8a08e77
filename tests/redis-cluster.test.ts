/**
 * Two instances of the site's own server sharing one real redis-server (Debian's, on a free port, no
 * persistence): scenario state and the fair-use limit continue across them; Redis going away gives a
 * real 503 and readiness false, never a hang or a crash; coming back, everything works again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RedisServer } from "./helpers/redis";
import { SiteProcess } from "./helpers/site";

let redis: RedisServer;
let a: SiteProcess;
let b: SiteProcess;

beforeAll(async () => {
  redis = await RedisServer.start();
  const env = { REDIS_URL: redis.url, TRUSTED_PROXIES: "127.0.0.1", FAIR_USE_LIMIT: "5" };
  [a, b] = await Promise.all([SiteProcess.start(env), SiteProcess.start(env)]);
  // Listening comes before the first connection to Redis: wait (bounded) for both to be ready.
  const until = Date.now() + 10_000;
  for (const s of [a, b])
    while ((await fetch(`${s.base}/api/ready`)).status !== 200 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
}, 60_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await redis?.stop();
});

const unique = () => `r-${Math.random().toString(36).slice(2)}`;
const status = async (site: SiteProcess, path: string, init?: RequestInit) =>
  (await fetch(`${site.base}${path}`, init)).status;

describe("two instances, one Redis", () => {
  it("both say they use Redis and are ready", async () => {
    for (const s of [a, b]) {
      expect(s.stdout).toContain("state: redis redis://127.0.0.1:");
      const r = await fetch(`${s.base}/api/ready`);
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ ready: true, store: { kind: "redis", reachable: true } });
    }
  });

  it("a sequence continues across them", async () => {
    const n = unique();
    const p = `/api/status/503,503,200?scenario=${n}`;
    expect([await status(a, p), await status(b, p), await status(a, p), await status(b, p)]).toEqual([
      503, 503, 200, 200,
    ]);
  });

  it("a fail-until count continues across them", async () => {
    const n = unique();
    const p = `/api/status/502?scenario=${n}&fail-until=3`;
    expect([await status(b, p), await status(a, p), await status(b, p), await status(a, p)]).toEqual([
      502, 502, 502, 200,
    ]);
  });

  it("a rate-limit window continues across them", async () => {
    const n = unique();
    const p = `/api/status/200?scenario=${n}&limit=3&window=60`;
    const got = [await status(a, p), await status(b, p), await status(a, p)];
    expect(got).toEqual([200, 200, 200]);
    const over = await fetch(`${b.base}${p}`);
    expect(over.status).toBe(429);
    expect(over.headers.get("simulated-status")).toBe("429");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(58);
    expect(over.headers.get("ratelimit")).toMatch(/^"scenario";r=0;t=(58|59|60)$/);
  });

  it("never hands out the same position twice, even for requests at once on both", async () => {
    const n = unique();
    const p = `/api/status/200?scenario=${n}&limit=20&window=60`;
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => status(i % 2 ? a : b, p)));
    expect(all.filter((s) => s === 200)).toHaveLength(20);
    expect(all.filter((s) => s === 429)).toHaveLength(20);
    const state = (await (await fetch(`${a.base}/api/scenarios/${n}`)).json()) as { requests: number };
    expect(state.requests).toBe(40);
  });

  it("GET shows the state on either instance, and DELETE on one resets it for both", async () => {
    const n = unique();
    await status(a, `/api/status/500,200?scenario=${n}`);
    const seen = await fetch(`${b.base}/api/scenarios/${n}`);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ name: n, requests: 1, next: { request: 2, status: 200 } });
    expect(await status(a, `/api/scenarios/${n}`, { method: "DELETE" })).toBe(204);
    expect(await status(b, `/api/scenarios/${n}`)).toBe(404);
    expect(await status(b, `/api/status/500,200?scenario=${n}`)).toBe(500);
  });

  it("the fair-use limit is one limit across both instances", async () => {
    const client = { "X-Forwarded-For": "203.0.113.77" };
    const got = [];
    for (let i = 0; i < 6; i++) got.push(await status(i % 2 ? a : b, "/api/status/204", { headers: client }));
    expect(got).toEqual([204, 204, 204, 204, 204, 429]);
  });
});

describe("Redis going away and coming back", () => {
  it("answers a real 503 problem+json and readiness false, fast, then recovers", async () => {
    await redis.stop();
    const t0 = Date.now();
    const down = await fetch(`${a.base}/api/status/503,200?scenario=${unique()}`);
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toBe("application/problem+json");
    expect(down.headers.get("simulated-status")).toBeNull();
    expect(((await down.json()) as { detail: string }).detail).toMatch(/store \(redis\) is unreachable/);
    expect(Date.now() - t0).toBeLessThan(3000);
    const ready = await fetch(`${b.base}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: { kind: "redis", reachable: false } });
    expect(await status(a, "/api/health")).toBe(200);
    // Requests that need no state still work; fair use lets them through rather than fail.
    expect(await status(b, "/api/status/418", { headers: { "X-Forwarded-For": "203.0.113.90" } })).toBe(418);
    expect(await status(a, `/api/scenarios/${unique()}`)).toBe(503);

    await redis.start();
    const until = Date.now() + 15_000;
    while (
      Date.now() < until &&
      ((await status(a, "/api/ready")) !== 200 || (await status(b, "/api/ready")) !== 200)
    )
      await new Promise((r) => setTimeout(r, 200));
    const n = unique();
    expect([
      await status(a, `/api/status/503,200?scenario=${n}`),
      await status(b, `/api/status/503,200?scenario=${n}`),
    ]).toEqual([503, 200]);
    // The processes never crashed.
    expect(a.proc.exitCode).toBeNull();
    expect(b.proc.exitCode).toBeNull();
  }, 40_000);

  it("SIGTERM closes the Redis connection and exits 0", async () => {
    a.proc.kill("SIGTERM");
    b.proc.kill("SIGTERM");
    expect(await a.exit).toBe(0);
    expect(await b.exit).toBe(0);
  }, 20_000);
});
