import { describe, expect, it } from "vitest";

import { nearestCodes, score, searchCodes, type SearchItem } from "./index";

const items: SearchItem[] = [
  { code: 400, reason: "Bad Request", keywords: ["validation", "malformed"], aliases: [] },
  { code: 401, reason: "Unauthorized", keywords: ["authentication", "login", "token"], aliases: [] },
  { code: 403, reason: "Forbidden", keywords: ["permission", "authorization"], aliases: [] },
  { code: 404, reason: "Not Found", keywords: ["missing"], aliases: [] },
  {
    code: 413,
    reason: "Content Too Large",
    keywords: ["upload size"],
    aliases: ["Payload Too Large (RFC 7231)"],
  },
  { code: 429, reason: "Too Many Requests", keywords: ["rate limit", "throttling"], aliases: [] },
  { code: 503, reason: "Service Unavailable", keywords: ["maintenance", "overload"], aliases: [] },
];
const codes = (q: string) => searchCodes(items, q).map((i) => i.code);

describe("searchCodes", () => {
  it("finds a code by its number, exact first", () => {
    expect(codes("404")).toEqual([404]);
    expect(codes("40")).toEqual([400, 401, 403, 404]);
    expect(codes("4")).toEqual([400, 401, 403, 404, 413, 429]);
  });
  it("finds a class", () => {
    expect(codes("5xx")).toEqual([503]);
  });
  it("finds by reason phrase, case and punctuation aside", () => {
    expect(codes("not found")).toEqual([404]);
    expect(codes("UNAUTHORIZED")[0]).toBe(401);
    expect(codes("too many")).toEqual([429]);
  });
  it("finds by keyword and by former name", () => {
    expect(codes("rate limit")).toEqual([429]);
    expect(codes("payload")).toEqual([413]);
    expect(codes("login")).toEqual([401]);
  });
  it("prefers registered codes when the match is as good", () => {
    const withUnofficial = [
      ...items,
      { code: 420, reason: "Enhance Your Calm", keywords: ["rate limit"], aliases: [], official: false },
    ];
    expect(searchCodes(withUnofficial, "rate limit").map((i) => i.code)).toEqual([429, 420]);
  });
  it("ranks reason matches above keyword matches", () => {
    expect(score(items[1]!, "unauthorized")).toBeGreaterThan(score(items[2]!, "authorization"));
  });
  it("returns nothing for nonsense and everything for an empty query", () => {
    expect(codes("zzzz")).toEqual([]);
    expect(codes("999")).toEqual([]);
    expect(codes("  ")).toHaveLength(items.length);
  });
});

describe("nearestCodes", () => {
  const all = [400, 401, 403, 404, 410, 429, 431, 451, 500, 503];
  it("suggests the closest codes of the same class", () => {
    expect(nearestCodes(all, "/432")).toEqual([431, 429, 451]);
    expect(nearestCodes(all, "505")).toEqual([503, 500, 451]);
  });
  it("reads letter-for-digit typos", () => {
    expect(nearestCodes(all, "/4o4")[0]).toBe(404);
  });
  it("suggests nothing for paths that are not codes", () => {
    expect(nearestCodes(all, "/about")).toEqual([]);
    expect(nearestCodes(all, "/4040")).toEqual([]);
  });
});
