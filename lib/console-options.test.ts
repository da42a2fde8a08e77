import { describe, expect, it } from "vitest";

import {
  applyRecipe,
  checkControls,
  controlParams,
  defaultControls,
  followStep,
  nextMethod,
  queryString,
  type ConsoleControls,
} from "./console-options";
import { followRules, recipesFor } from "./console-recipes";
import { simulate } from "./simulator";
import { SimulatorRuntime } from "./simulator/runtime";

const base = "http://127.0.0.1:3000/api/status/301";
const rules = followRules();
const with_ = (code: number, set: Partial<ConsoleControls>) => ({ ...defaultControls(code), ...set });

describe("console controls", () => {
  it("by default make the plain simulator URL", () => {
    expect(checkControls(defaultControls(404))).toEqual({
      ok: true,
      codes: "404",
      query: "",
      path: "/api/status/404",
      single: 404,
    });
  });

  it("put each option in the query under the simulator's name, in a fixed order", () => {
    const c = with_(503, {
      delay: "2000",
      retryAfter: "30",
      format: "problem",
      scenario: "run-1",
      cycle: true,
    });
    expect(controlParams(c)).toEqual([
      ["delay", "2000"],
      ["retry-after", "30"],
      ["format", "problem"],
      ["scenario", "run-1"],
      ["cycle", "1"],
    ]);
    const r = checkControls(c);
    expect(r).toMatchObject({
      ok: true,
      path: "/api/status/503?delay=2000&retry-after=30&format=problem&scenario=run-1&cycle=1",
    });
  });

  it("keep a location path readable and encode what must be", () => {
    expect(queryString([["location", "/v2/a b?x=1&y"]])).toBe("?location=/v2/a%20b%3Fx%3D1%26y");
    expect(queryString([["retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"]])).toBe(
      "?retry-after=Wed,%2021%20Oct%202026%2007:28:00%20GMT",
    );
    expect(queryString([])).toBe("");
  });

  it("build weighted codes and sequences into the path", () => {
    expect(checkControls(with_(503, { codes: "200:3, 503:1", seed: "7" }))).toMatchObject({
      ok: true,
      path: "/api/status/200:3,503:1?seed=7",
      single: null,
    });
    expect(checkControls(with_(503, { codes: "503,503,200", scenario: "s1" }))).toMatchObject({
      ok: true,
      path: "/api/status/503,503,200?scenario=s1",
    });
  });

  it("the URL they build is answered, not refused, by the simulator", () => {
    const c = with_(301, { delay: "0", location: "/v2", format: "text" });
    const r = checkControls(c);
    if (!r.ok) throw new Error("expected valid controls");
    const res = simulate({ method: "GET", code: r.codes, url: r.path, headers: [] });
    expect(res.status).toBe(301);
    expect(res.headers).toContainEqual(["Location", "/v2"]);
  });

  it("refuse bad values with a message naming the control, as the simulator would", () => {
    const cases: [Partial<ConsoleControls>, string, RegExp][] = [
      [{ delay: "abc" }, "delay", /^Delay: must be a whole number of milliseconds from 0 to 10000/],
      [{ delay: "20000" }, "delay", /^Delay: /],
      [{ retryAfter: "soon" }, "retryAfter", /^Retry-After: must be seconds/],
      [{ location: "https://evil.example/" }, "location", /^Location: must be a same-origin path/],
      [{ location: "//evil.example/" }, "location", /^Location: /],
      [{ seed: "-1" }, "seed", /^Seed: /],
      [{ codes: "" }, "codes", /^Codes: give a status code/],
      [{ codes: "abc" }, "codes", /^Codes: A status code is exactly three digits/],
      [{ codes: "600" }, "codes", /^Codes: HTTP status codes run from 100 to 599/],
      [{ codes: "200:3,700:1" }, "codes", /^Codes: 700: HTTP status codes run/],
      [{ codes: "200:0,503:1" }, "codes", /^Codes: weights are whole numbers/],
      [{ failUntil: "2" }, "failUntil", /^Fail until: needs a scenario name/],
      [{ scenario: "has space" }, "scenario", /^Scenario: must be 1 to 64/],
      [
        { scenario: "s", failUntil: "2", failEvery: "3" },
        "failEvery",
        /^Fail every: give fail-until or fail-every/,
      ],
      [{ window: "60" }, "window", /^Window: needs limit/],
    ];
    for (const [set, control, message] of cases) {
      const r = checkControls(with_(503, set));
      expect(r.ok, JSON.stringify(set)).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0]?.control, JSON.stringify(set)).toBe(control);
      expect(r.problems[0]?.message, JSON.stringify(set)).toMatch(message);
    }
  });

  it("every refusal is one the simulator makes too (a 400), so the console never sends a broken request", async () => {
    const runtime = new SimulatorRuntime();
    const sets: Partial<ConsoleControls>[] = [
      { delay: "abc" },
      { location: "//x" },
      { scenario: "a b" },
      { fault: "melt" as ConsoleControls["fault"] },
      { failUntil: "2" },
    ];
    for (const set of sets) {
      const c = with_(503, set);
      expect(checkControls(c).ok).toBe(false);
      const url = `/api/status/503${queryString(controlParams(c))}`;
      const res = await runtime.answer({ method: "GET", code: "503", url, headers: [] });
      expect(res.status, JSON.stringify(set)).toBe(400);
    }
  });
});

describe("recipes", () => {
  const labels = (code: number) => recipesFor(code).map((r) => r.label);

  it("come from the registry's facts", () => {
    expect(labels(429)).toContain("429 with Retry-After: 30");
    expect(labels(503)).toContain("1 request in 4 fails with 503");
    expect(labels(503)).toContain("503 with Retry-After: 30");
    expect(labels(301)).toContain("301 to /v2");
    expect(labels(301)).toContain("POST, then the browser follows with GET");
    expect(labels(307)).toContain("POST, then the browser follows with POST");
    expect(labels(401)).toContain("a Basic challenge instead of Bearer");
    expect(labels(444)[0]).toMatch(/close the connection/);
    expect(labels(200)).not.toContain("1 request in 4 fails with 200");
    expect(labels(404).some((l) => /Retry-After/.test(l))).toBe(false);
  });

  it("each fills controls the simulator accepts", () => {
    for (const code of [200, 201, 301, 303, 307, 401, 404, 429, 444, 500, 503]) {
      for (const r of recipesFor(code)) {
        const c = applyRecipe(code, r.controls, () => "fresh-1");
        expect(checkControls(c).ok, `${code} ${r.id}`).toBe(true);
      }
    }
  });

  it("a recipe that counts gets a fresh scenario name", () => {
    const r = recipesFor(503).find((x) => x.id === "fail-until");
    expect(r).toBeDefined();
    const c = applyRecipe(503, r?.controls ?? {}, () => "console-abc");
    expect(c).toMatchObject({ scenario: "console-abc", failUntil: "2", codes: "503" });
  });
});

describe("nextMethod", () => {
  const after = (code: number, method: string) => {
    const rule = rules[String(code)];
    return rule === undefined ? null : nextMethod(rule, method);
  };
  it("applies the Fetch Standard's rule to the registry's method for each followed redirect", () => {
    // 301 and 302 turn only POST into GET; 303 turns everything but GET and HEAD into GET; 307, 308 keep it.
    expect(["POST", "PUT", "GET"].map((m) => after(301, m))).toEqual(["GET", "PUT", "GET"]);
    expect(["POST", "DELETE"].map((m) => after(302, m))).toEqual(["GET", "DELETE"]);
    expect(["POST", "PUT", "HEAD", "GET"].map((m) => after(303, m))).toEqual(["GET", "GET", "HEAD", "GET"]);
    expect(["POST", "PATCH"].map((m) => after(307, m))).toEqual(["POST", "PATCH"]);
    expect(after(308, "POST")).toBe("POST");
    expect(Object.keys(rules)).toEqual(["301", "302", "303", "307", "308"]);
  });
});

describe("followStep", () => {
  it("follows a simulator Location with the method the registry's rule gives", () => {
    const h: [string, string][] = [
      ["Content-Type", "application/json"],
      ["X-Trace", "1"],
    ];
    expect(followStep(301, "/api/status/200", "POST", h, rules, base)).toEqual({
      kind: "simulator",
      method: "GET",
      changed: true,
      code: "200",
      query: "",
      path: "/api/status/200",
      headers: [["X-Trace", "1"]],
    });
    expect(followStep(307, "/api/status/201?x=1", "POST", h, rules, base)).toMatchObject({
      kind: "simulator",
      method: "POST",
      changed: false,
      code: "201",
      query: "?x=1",
      headers: h,
    });
    expect(followStep(303, "/api/status/200", "PUT", [], rules, base)).toMatchObject({ method: "GET" });
    expect(followStep(302, "/api/status/200", "PUT", [], rules, base)).toMatchObject({ method: "PUT" });
  });

  it("names a Location outside the simulator without following it", () => {
    expect(followStep(301, "/v2", "GET", [], rules, base)).toEqual({
      kind: "elsewhere",
      method: "GET",
      changed: false,
      path: "/v2",
    });
  });

  it("knows when there is nothing to follow", () => {
    expect(followStep(300, "/api/status/200", "GET", [], rules, base)).toEqual({ kind: "not-followed" });
    expect(followStep(200, undefined, "GET", [], rules, base)).toEqual({ kind: "not-followed" });
    expect(followStep(301, undefined, "GET", [], rules, base)).toEqual({ kind: "no-location" });
  });
});
