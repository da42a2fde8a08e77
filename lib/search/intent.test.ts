/** The searches issue 14 reported as failing, on the site's real index (registry + content keywords). */
import { describe, expect, it } from "vitest";

import { indexEntries } from "../content";

import { editDistance, searchCodes } from "./index";

const entries = indexEntries();
const top = (q: string, n = 1) =>
  searchCodes(entries, q)
    .slice(0, n)
    .map((e) => e.code);

describe("search on the real index", () => {
  it.each([
    ["auth", 401],
    ["token expired", 401],
    ["rate", 429],
    ["login", 401],
    ["unauthorised", 401],
    ["forbiden", 403],
    ["i am a teapot", 418],
    ["teapot", 418],
    ["not found", 404],
    ["too many requests", 429],
  ])("%s → %i first", (q, code) => {
    expect(top(q)).toEqual([code]);
  });
  it("still finds the unofficial codes, after the registered one", () => {
    const found = searchCodes(entries, "token expired").map((e) => e.code);
    expect(found).toContain(498);
    expect(found).toContain(401);
    expect(found.indexOf(401)).toBeLessThan(found.indexOf(498));
  });
  it("whole words above fragments: 'rate' does not rank 407 (corpo-rate proxy) above 429", () => {
    const found = searchCodes(entries, "rate").map((e) => e.code);
    if (found.includes(407)) expect(found.indexOf(429)).toBeLessThan(found.indexOf(407));
  });
  it("numbers still work as before", () => {
    expect(top("404")).toEqual([404]);
    expect(top("5xx", 3).every((c) => c >= 500)).toBe(true);
  });
});

describe("editDistance", () => {
  it("counts edits and transpositions, capped", () => {
    expect(editDistance("forbiden", "forbidden", 1)).toBe(1);
    expect(editDistance("unauthorised", "unauthorized", 2)).toBe(1);
    expect(editDistance("teh", "the", 1)).toBe(1);
    expect(editDistance("gone", "done", 1)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
