/**
 * Scenarios through the simulator runtime (the same path both adapters take), with the memory store.
 */
import { describe, expect, it } from "vitest";

import type { SimRequest, SimResponse } from "../simulator";
import { SimulatorRuntime } from "../simulator/runtime";
import { MemoryStore } from "../state/memory";

import { parseScenarioOptions, hasScenarioOptions } from "./options";

import { ScenarioEngine } from "./index";

let clock = 1_000_000;
function runtime(ttlMs = 600_000) {
  return new SimulatorRuntime(
    256,
    () => Promise.resolve(),
    new ScenarioEngine(new MemoryStore({ now: () => clock, sweepMs: 0 }), ttlMs),
  );
}

async function ask(
  rt: SimulatorRuntime,
  path: string,
  headers: [string, string][] = [],
  canSendFaults = true,
) {
  const url = `/api/status/${path}`;
  const code = decodeURIComponent(path.split("?")[0] ?? "");
  const req: SimRequest = { method: "GET", url, code, headers, canSendFaults };
  const res: SimResponse = await rt.answer(req);
  const header = (n: string) => res.headers.find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1];
  const body = res.body && res.body.startsWith("{") ? (JSON.parse(res.body) as Record<string, any>) : {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
  return { res, status: res.status, header, body };
}

const unique = () => `t-${Math.random().toString(36).slice(2)}`;

describe("sequences", () => {
  it("answers the codes in order, then repeats the last", async () => {
    const rt = runtime();
    const name = unique();
    const got = [];
    for (let i = 0; i < 5; i++) got.push((await ask(rt, `503,503,200?scenario=${name}`)).status);
    expect(got).toEqual([503, 503, 200, 200, 200]);
  });

  it("cycles with cycle=1", async () => {
    const rt = runtime();
    const name = unique();
    const got = [];
    for (let i = 0; i < 7; i++) got.push((await ask(rt, `500,502,200?scenario=${name}&cycle=1`)).status);
    expect(got).toEqual([500, 502, 200, 500, 502, 200, 500]);
  });

  it("different names never interfere", async () => {
    const rt = runtime();
    const [a, b] = [unique(), unique()];
    expect((await ask(rt, `503,200?scenario=${a}`)).status).toBe(503);
    expect((await ask(rt, `503,200?scenario=${b}`)).status).toBe(503);
    expect((await ask(rt, `503,200?scenario=${a}`)).status).toBe(200);
  });

  it("the body says the scenario, the position and what comes next", async () => {
    const rt = runtime();
    const name = unique();
    const first = await ask(rt, `503,503,200?scenario=${name}`);
    expect(first.header("Simulated-Status")).toBe("503");
    expect(first.body.scenario).toMatchObject({
      name,
      request: 1,
      status: 503,
      next: { request: 2, status: 503 },
    });
    await ask(rt, `503,503,200?scenario=${name}`);
    const third = await ask(rt, `503,503,200?scenario=${name}`);
    expect(third.body.scenario.next).toMatchObject({ request: 4, status: 200 });
    expect(third.body.scenario.reset).toBe(`DELETE /api/scenarios/${name}`);
  });

  it("every option also works as a Simulate-* header", async () => {
    const rt = runtime();
    const name = unique();
    const h: [string, string][] = [
      ["Simulate-Scenario", name],
      ["Simulate-Cycle", "1"],
    ];
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await ask(rt, `404,200`, h)).status);
    expect(got).toEqual([404, 200, 404]);
    const n2 = unique();
    const f: [string, string][] = [
      ["Simulate-Scenario", n2],
      ["Simulate-Fail-Until", "1"],
    ];
    expect([(await ask(rt, "500", f)).status, (await ask(rt, "500", f)).status]).toEqual([500, 200]);
    const n3 = unique();
    const e: [string, string][] = [
      ["Simulate-Scenario", n3],
      ["Simulate-Fail-Every", "2"],
    ];
    expect([(await ask(rt, "500", e)).status, (await ask(rt, "500", e)).status]).toEqual([200, 500]);
    const n4 = unique();
    const l: [string, string][] = [
      ["Simulate-Scenario", n4],
      ["Simulate-Limit", "1"],
      ["Simulate-Window", "5"],
    ];
    expect([(await ask(rt, "200", l)).status, (await ask(rt, "200", l)).status]).toEqual([200, 429]);
    const flt = await ask(rt, "200", [["Simulate-Fault", "close"]]);
    expect(flt.res.fault?.kind).toBe("close");
  });
});

describe("seeded weighted lists per scenario", () => {
  it("the Nth request draws the Nth value, so a rerun with a fresh name repeats it", async () => {
    const rt = runtime();
    const run = async () => {
      const name = unique();
      const got = [];
      for (let i = 0; i < 12; i++) got.push((await ask(rt, `200:1,503:1?seed=7&scenario=${name}`)).status);
      return got;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBe(2);
    // And it is the same as the stateless draw=N of the same seed.
    for (let i = 0; i < 12; i++)
      expect((await ask(rt, `200:1,503:1?seed=7&draw=${i}`)).status).toBe(first[i]);
  });

  it("refuses draw with a scenario", async () => {
    const r = await ask(runtime(), `200:1,503:1?seed=7&draw=2&scenario=x`);
    expect(r.status).toBe(400);
    expect(r.body["invalid-params"][0].name).toBe("draw");
  });
});

describe("fail-until and fail-every", () => {
  it("fail-until=3 answers the code three times, then 200", async () => {
    const rt = runtime();
    const name = unique();
    const got = [];
    for (let i = 0; i < 5; i++) got.push((await ask(rt, `503?scenario=${name}&fail-until=3`)).status);
    expect(got).toEqual([503, 503, 503, 200, 200]);
  });

  it("fail-every=3 fails the 3rd, 6th, ... request", async () => {
    const rt = runtime();
    const name = unique();
    const got = [];
    for (let i = 0; i < 7; i++) got.push((await ask(rt, `500?scenario=${name}&fail-every=3`)).status);
    expect(got).toEqual([200, 200, 500, 200, 200, 500, 200]);
  });
});

describe("the counting rate limiter", () => {
  it("answers the code until the limit, then a simulated 429 with Retry-After and RateLimit fields", async () => {
    clock = 5_000_000;
    const rt = runtime();
    const name = unique();
    for (let i = 1; i <= 5; i++) {
      const r = await ask(rt, `200?scenario=${name}&limit=5&window=60`);
      expect(r.status).toBe(200);
      expect(r.header("RateLimit-Policy")).toBe('"scenario";q=5;w=60');
      expect(r.header("RateLimit")).toBe(`"scenario";r=${5 - i};t=60`);
    }
    clock += 12_300; // 12.3 s later: 47.7 s of the window left, so 48 s to the second
    const over = await ask(rt, `200?scenario=${name}&limit=5&window=60`);
    expect(over.status).toBe(429);
    expect(over.header("Simulated-Status")).toBe("429");
    expect(over.header("Retry-After")).toBe("48");
    expect(over.header("RateLimit")).toBe('"scenario";r=0;t=48');
    expect(over.header("Access-Control-Expose-Headers")).toContain("RateLimit");
    expect(over.body.scenario.window).toMatchObject({ limit: 5, count: 6, remaining: 0, resetSeconds: 48 });
    clock += 48_000; // the window is over: a new one starts
    const again = await ask(rt, `200?scenario=${name}&limit=5&window=60`);
    expect(again.status).toBe(200);
    expect(again.header("RateLimit")).toBe('"scenario";r=4;t=60');
  });
});

describe("state lifetime", () => {
  it("forgets a scenario after its TTL of inactivity, and DELETE resets one", async () => {
    clock = 9_000_000;
    const rt = runtime(60_000);
    const name = unique();
    expect((await ask(rt, `503,200?scenario=${name}`)).status).toBe(503);
    clock += 59_000;
    expect((await ask(rt, `503,200?scenario=${name}`)).status).toBe(200);
    clock += 61_000;
    expect((await ask(rt, `503,200?scenario=${name}`)).status).toBe(503);
    const state = await rt.scenarios.inspect(name);
    expect(state).toMatchObject({ name, requests: 1, next: { request: 2, status: 200 } });
    expect(await rt.scenarios.reset(name)).toBe(true);
    expect(await rt.scenarios.inspect(name)).toBeNull();
    expect((await ask(rt, `503,200?scenario=${name}`)).status).toBe(503);
  });
});

describe("faults", () => {
  it("plans the fault, only on failing requests with fail-until", async () => {
    const rt = runtime();
    const name = unique();
    const a = await ask(rt, `503?scenario=${name}&fail-until=1&fault=reset`);
    expect(a.res.fault).toEqual({ kind: "reset", ms: 0 });
    const b = await ask(rt, `503?scenario=${name}&fail-until=1&fault=reset`);
    expect(b.res.fault).toBeUndefined();
    expect(b.status).toBe(200);
  });

  it("stall and slow-body take their time from delay, the delay cap or a default", async () => {
    const rt = runtime();
    expect((await ask(rt, `200?fault=stall`)).res.fault).toEqual({ kind: "stall", ms: 10_000 });
    const slow = await ask(rt, `200?fault=slow-body&delay=500`);
    expect(slow.res.fault).toEqual({ kind: "slow-body", ms: 500 });
    expect(slow.res.delayMs).toBe(0);
  });

  it("an adapter without socket access answers a real 501 problem+json naming fault", async () => {
    const r = await ask(runtime(), `200?fault=close`, [], false);
    expect(r.status).toBe(501);
    expect(r.header("Content-Type")).toBe("application/problem+json");
    expect(r.header("Simulated-Status")).toBeUndefined();
    expect(r.body.detail).toMatch(/site's own server/);
  });
});

describe("bad scenario options are 400s naming them", () => {
  it.each([
    ["200?scenario=" + "x".repeat(65), "scenario"],
    ["200?scenario=a%20b", "scenario"],
    ["200?fail-until=3", "fail-until"],
    ["200?scenario=x&fail-until=0", "fail-until"],
    ["200?scenario=x&fail-until=2&fail-every=2", "fail-every"],
    ["200?scenario=x&window=60", "window"],
    ["200?scenario=x&limit=5&window=0", "window"],
    ["200?fault=explode", "fault"],
    ["200?scenario=x&cycle=yes", "cycle"],
    ["200,600?scenario=x", "code"],
  ])("%s", async (path, param) => {
    const r = await ask(runtime(), path);
    expect(r.status).toBe(400);
    expect(r.header("Simulated-Status")).toBeUndefined();
    expect(r.body["invalid-params"].map((p: { name: string }) => p.name)).toContain(param);
  });

  it("a bad code in a later position is refused at the first request", async () => {
    const rt = runtime();
    const name = unique();
    expect((await ask(rt, `200,99?scenario=${name}`)).status).toBe(400);
    expect(await rt.scenarios.inspect(name)).toBeNull();
  });
});

describe("hasScenarioOptions", () => {
  it("is false for plain requests and true for any scenario option", () => {
    expect(hasScenarioOptions("/api/status/200", [["Accept", "*/*"]])).toBe(false);
    expect(hasScenarioOptions("/api/status/200?delay=5&limitless=1", [])).toBe(false);
    expect(hasScenarioOptions("/api/status/200?x=1&limit=5", [])).toBe(true);
    expect(hasScenarioOptions("/api/status/200", [["simulate-fault", "close"]])).toBe(true);
    expect(parseScenarioOptions(new URLSearchParams(""), () => undefined).ok).toBe(true);
  });
});

describe("the documented options are the ones read", () => {
  it("every scenario option reports a bad value under its documented name", async () => {
    const { SCENARIO_OPTION_DOCS } = await import("./options");
    for (const o of SCENARIO_OPTION_DOCS) {
      const q = o.name === "scenario" ? "scenario=%00bad" : `scenario=x&${o.name}=%00bad`;
      const r = await ask(runtime(), `200?${q}`);
      expect(r.status, o.name).toBe(400);
      expect(r.body["invalid-params"][0].name, o.name).toBe(o.name);
      // And the header form is read too.
      const h = await ask(runtime(), "200", [
        ["Simulate-Scenario", "x"],
        [o.header ?? "", "%00bad"],
      ]);
      expect(h.status, o.header).toBe(400);
    }
  });
});
