import { describe, expect, it } from "vitest";

import { CSP_KEYWORDS, parseCsp } from "./csp";

describe("parseCsp (CSP Level 3 §2.2.1)", () => {
  it("gives each policy its directives by lower-cased name, with their source lists", () => {
    const [policy, ...rest] = parseCsp(["Default-Src 'self'; img-src * data:"]);
    expect(rest).toEqual([]);
    expect([...policy!.directives]).toEqual([
      ["default-src", ["'self'"]],
      ["img-src", ["*", "data:"]],
    ]);
    expect(policy!.malformed).toEqual([]);
    expect(policy!.unknown).toEqual([]);
  });

  it("reads every comma-separated policy of every field value", () => {
    const policies = parseCsp(["default-src 'self', script-src 'none'", "frame-ancestors 'none'"]);
    expect(policies.map((p) => [...p.directives.keys()])).toEqual([
      ["default-src"],
      ["script-src"],
      ["frame-ancestors"],
    ]);
  });

  it("keeps the first of a repeated directive, as browsers do", () => {
    expect(parseCsp(["script-src a; script-src b"])[0]?.directives.get("script-src")).toEqual(["a"]);
  });

  it("sets apart names that do not parse and names no browser knows", () => {
    const [p] = parseCsp(["scrpt-src 'self'; img_src *; default-src 'none'"]);
    expect(p?.unknown).toEqual(["scrpt-src"]);
    expect(p?.malformed).toEqual(["img_src"]);
    expect([...(p?.directives.keys() ?? [])]).toEqual(["default-src"]);
  });

  it("has no policy for empty values or empty directives", () => {
    expect(parseCsp([""])).toEqual([]);
    expect(parseCsp([" ; ;, "])).toEqual([]);
  });

  it("knows the keywords that only work in quotes", () => {
    expect(CSP_KEYWORDS.has("self")).toBe(true);
    expect(CSP_KEYWORDS.has("unsafe-inline")).toBe(true);
    expect(CSP_KEYWORDS.has("example.com")).toBe(false);
  });
});
