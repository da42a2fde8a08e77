import { describe, expect, it } from "vitest";

import { allStatuses, getStatus, type StatusInfo } from "../registry";

import { headerChips } from "./header-chips";

function status(code: number): StatusInfo {
  const s = getStatus(code);
  if (!s) throw new Error(`no ${code}`);
  return s;
}

describe("headerChips", () => {
  it("lists Date as required where the table says MUST, optional where it says MAY", () => {
    expect(headerChips(status(401)).required).toEqual(["WWW-Authenticate", "Date"]);
    expect(headerChips(status(404)).required).toEqual(["Date"]);
    expect(headerChips(status(503)).required).toEqual([]);
    expect(headerChips(status(503)).optional).toContain("Date");
  });

  it("keeps the registry's lists and never lists a header twice", () => {
    const chips = headerChips(status(304));
    expect(chips.required.slice(0, 6)).toEqual(status(304).requiredHeaders);
    for (const s of allStatuses()) {
      const names = Object.values(headerChips(s)).flat().map((n: string) => n.toLowerCase());
      expect(new Set(names).size, String(s.code)).toBe(names.length);
    }
  });

  it("leaves out no single-header rule of the table", () => {
    for (const s of allStatuses()) {
      const names = new Set(Object.values(headerChips(s)).flat());
      for (const r of s.headerRules)
        if (/^[A-Za-z][A-Za-z0-9-]*$/.test(r.header)) expect(names, `${s.code} ${r.header}`).toContain(r.header);
    }
  });
});
