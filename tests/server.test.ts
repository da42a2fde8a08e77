/**
 * The site's own server as a process: configuration, health and readiness, fair use, the access log
 * and graceful shutdown, with the in-memory store (the Redis tests are in redis-cluster.test.ts).
 */
import http from "node:http";

import { afterAll, describe, expect, it } from "vitest";

import { readConfig } from "@/server/config";

import { SiteProcess } from "./helpers/site";

const started: SiteProcess[] = [];
async function site(env: Record<string, string> = {}) {
  const s = await SiteProcess.start(env);
  started.push(s);
  return s;
}
afterAll(async () => {
  for (const s of started) await s.stop();
});

describe("configuration", () => {
  it.each([
    [{ PORT: "abc" }, /PORT="abc" must be a whole number/],
    [{ PORT: "70000" }, /PORT="70000" must be from 0 to 65535/],
    [{ FAIR_USE_LIMIT: "-1" }, /FAIR_USE_LIMIT="-1"/],
    [{ REDIS_URL: "http://example" }, /REDIS_URL=.* must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ REDIS_URL: "redis://:hunter2@" }, /REDIS_URL=/],
    [{ TRUSTED_PROXIES: "10.0.0.1,proxy" }, /TRUSTED_PROXIES=.* IP addresses/],
    [{ ACCESS_LOG: "yes" }, /ACCESS_LOG="yes" must be 0 or 1/],
    [
      { SITE_URL: "statuscodes.example" },
      /SITE_URL="statuscodes.example" must be an absolute http\(s\) origin/,
    ],
    [{ SITE_URL: "https://statuscodes.example/path" }, /SITE_URL=.* must be an origin only/],
  ])("a bad value is one clear line: %o", (env, line) => {
    const r = readConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toMatch(/^statuscodes: bad configuration: /);
      expect(r.line).toMatch(line);
      expect(r.line).not.toContain("\n");
      expect(r.line).not.toContain("hunter2");
    }
  });

  it("a bad value stops the start with that one line and exit status 1", async () => {
    const s = await SiteProcess.start({ PORT: "abc", DELAY_GATE: "0" }, false);
    started.push(s);
    expect(await s.exit).toBe(1);
    const lines = s.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^statuscodes: bad configuration: PORT="abc" must be a whole number; DELAY_GATE="0"/,
    );
  }, 30_000);
});

describe("health, readiness, configuration line", () => {
  it("answer 200 with the store's state; the configuration is printed once", async () => {
    const s = await site({ FAIR_USE_LIMIT: "77" });
    const lines = s.stdout.split("\n").filter((l) => l.startsWith("> config "));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!.slice("> config ".length))).toMatchObject({
      FAIR_USE_LIMIT: 77,
      SCENARIO_TTL: 600,
    });
    const health = await fetch(`${s.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${s.base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, store: { kind: "memory", reachable: true } });
  }, 30_000);
});

describe("fair use", () => {
  it("answers a real 429 problem+json past the limit, with Retry-After and RateLimit fields, no Simulated-Status", async () => {
    const s = await site({ FAIR_USE_LIMIT: "3", FAIR_USE_WINDOW: "60", FAIR_USE_EXEMPT: "" });
    for (let i = 0; i < 3; i++) expect((await fetch(`${s.base}/api/status/200`)).status).toBe(200);
    // Health and readiness are never counted.
    for (let i = 0; i < 5; i++) expect((await fetch(`${s.base}/api/health`)).status).toBe(200);
    const over = await fetch(`${s.base}/api/status/200`);
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(over.headers.get("simulated-status")).toBeNull();
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(over.headers.get("ratelimit-policy")).toBe('"fair-use";q=3;w=60');
    expect(over.headers.get("ratelimit")).toMatch(/^"fair-use";r=0;t=(59|60)$/);
    const body = (await over.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 429, "violated-policies": ["fair-use"] });
    expect(String(body.type)).toContain("quota-exceeded");
    // The inspector is counted too; a page or the scenario API is not.
    expect((await fetch(`${s.base}/api/inspect`, { method: "POST", body: "{}" })).status).toBe(429);
    expect((await fetch(`${s.base}/api/scenarios/none`)).status).toBe(404);
  }, 30_000);

  it("counts per client behind a trusted proxy, believing X-Forwarded-For only from it", async () => {
    const s = await site({ FAIR_USE_LIMIT: "2", FAIR_USE_EXEMPT: "", TRUSTED_PROXIES: "127.0.0.1" });
    const as = (xff: string) => fetch(`${s.base}/api/status/204`, { headers: { "X-Forwarded-For": xff } });
    expect((await as("203.0.113.5")).status).toBe(204);
    // A client-written entry on the left does not make a new client: the proxy appended the real one.
    expect((await as("198.51.100.1, 203.0.113.5")).status).toBe(204);
    expect((await as("203.0.113.5")).status).toBe(429);
    expect((await as("203.0.113.6")).status).toBe(204);
    // IPv6 clients count per /64.
    expect((await as("2001:db8:1:2::1")).status).toBe(204);
    expect((await as("2001:db8:1:2:ffff::9")).status).toBe(204);
    expect((await as("2001:db8:1:2::abc")).status).toBe(429);
  }, 30_000);

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const s = await site({ FAIR_USE_LIMIT: "2", FAIR_USE_EXEMPT: "" });
    const as = (xff: string) => fetch(`${s.base}/api/status/204`, { headers: { "X-Forwarded-For": xff } });
    expect((await as("203.0.113.1")).status).toBe(204);
    expect((await as("203.0.113.2")).status).toBe(204);
    expect((await as("203.0.113.3")).status).toBe(429);
  }, 30_000);

  it("exempts loopback by default", async () => {
    const s = await site({ FAIR_USE_LIMIT: "1" });
    for (let i = 0; i < 5; i++) expect((await fetch(`${s.base}/api/status/200`)).status).toBe(200);
  }, 30_000);
});

describe("access log", () => {
  it("writes one JSON line per request when ACCESS_LOG=1, none by default", async () => {
    const on = await site({ ACCESS_LOG: "1" });
    await fetch(`${on.base}/api/status/418?x=1`);
    await fetch(`${on.base}/api/health`);
    await new Promise((r) => setTimeout(r, 200));
    const lines = on.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      method: "GET",
      url: "/api/status/418?x=1",
      status: 418,
      client: "127.0.0.1",
    });
    expect(typeof lines[0]?.ms).toBe("number");
    const off = await site();
    await fetch(`${off.base}/api/status/418`);
    await new Promise((r) => setTimeout(r, 200));
    expect(off.stdout.split("\n").filter((l) => l.startsWith("{"))).toHaveLength(0);
  }, 30_000);
});

function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", (e) => resolve({ error: e.message }));
      })
      .on("error", (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
  });
}

describe("graceful shutdown on SIGTERM", () => {
  it("stops accepting, lets a delayed request finish, and exits 0", async () => {
    const s = await site();
    const pending = get(`${s.base}/api/status/200?delay=1500`);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    s.proc.kill("SIGTERM");
    // The listener closes soon after the signal (polled, bounded: the delayed request is still pending).
    let refused: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 20; i++) {
      refused = await get(`${s.base}/api/status/200`);
      if ("error" in refused && refused.error === "ECONNREFUSED") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(refused).toEqual({ error: "ECONNREFUSED" });
    expect(await pending).toMatchObject({ status: 200 });
    expect(await s.exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  }, 30_000);

  it("cuts what is still waiting after SHUTDOWN_TIMEOUT, and still exits 0", async () => {
    const s = await site({ SHUTDOWN_TIMEOUT: "300" });
    const pending = get(`${s.base}/api/status/200?delay=8000`);
    const stall = get(`${s.base}/api/status/200?fault=stall&delay=8000`);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    s.proc.kill("SIGTERM");
    expect(await s.exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await pending).toHaveProperty("error");
    expect(await stall).toHaveProperty("error");
  }, 30_000);
});
