import { describe, expect, it } from "vitest";

import { isUnassigned, unassignedCode, unassignedSimulatorNote } from "./unassigned";

describe("unassigned codes", () => {
  it("covers the three-digit codes nothing documents, and nothing else", () => {
    expect(isUnassigned(432)).toBe(true);
    expect(isUnassigned(299)).toBe(true);
    for (const code of [404, 418, 420, 599, 99, 600, 43.2]) expect(isUnassigned(code), String(code)).toBe(false);
    expect(unassignedCode(404)).toBeUndefined();
  });

  it("treats 432 as 400 (RFC 9110 §15) and links its neighbours", () => {
    const u = unassignedCode(432);
    expect(u).toMatchObject({
      cls: "4xx",
      fallback: { code: 400, reason: "Bad Request" },
      previous: { code: 431 },
      simulator: "/api/status/432",
    });
    expect(u?.next?.code).toBeGreaterThan(432);
    expect(u?.sameClass.map((s) => s.code)).toContain(451);
  });

  it("applies the cache rule for codes no RFC defines (RFC 9111 §3), not the client's x00", () => {
    expect(unassignedCode(432)?.caching.rule).toMatch(/never heuristically cacheable/);
    expect(unassignedCode(150)?.caching.rule).toMatch(/interim response/);
  });

  it("says what the simulator really sends", () => {
    expect(unassignedSimulatorNote(432)).toContain("`432 Unassigned Client Error`");
    expect(unassignedSimulatorNote(150)).toMatch(/answers 200 OK/);
  });
});
