import { describe, expect, it } from "vitest";

import { nearComparisons, resolveCompareSlug, searchComparisons } from "./index";

const SLUGS = ["401-vs-403", "301-vs-302-vs-307-vs-308", "429-vs-503", "500-vs-502-vs-503-vs-504"];

describe("comparison slugs", () => {
  it("accepts either order", () => {
    expect(resolveCompareSlug("403-vs-401", SLUGS)).toBe("401-vs-403");
    expect(resolveCompareSlug("308-vs-301", SLUGS)).toBe("301-vs-302-vs-307-vs-308");
  });
  it("refuses what no page covers, and non-slugs", () => {
    expect(resolveCompareSlug("401-vs-404", SLUGS)).toBeUndefined();
    expect(resolveCompareSlug("401-vs-401", SLUGS)).toBeUndefined();
    expect(resolveCompareSlug("401", SLUGS)).toBeUndefined();
    expect(resolveCompareSlug("../etc", SLUGS)).toBeUndefined();
  });
  it("suggests pages sharing a code, most shared first", () => {
    expect(nearComparisons("/compare/401-vs-404", SLUGS)).toEqual(["401-vs-403"]);
    expect(nearComparisons("/compare/503-vs-504", SLUGS)).toEqual(["500-vs-502-vs-503-vs-504", "429-vs-503"]);
    expect(nearComparisons("/compare/nope", SLUGS)).toEqual([]);
  });
});

describe("searchComparisons", () => {
  const ITEMS = [
    { slug: "401-vs-403", title: "401 Unauthorized vs 403 Forbidden", codes: [401, 403] },
    { slug: "429-vs-503", title: "429 Too Many Requests vs 503 Service Unavailable", codes: [429, 503] },
    {
      slug: "500-vs-502-vs-503-vs-504",
      title: "500 vs 502 vs 503 vs 504",
      codes: [500, 502, 503, 504],
    },
  ];
  const slugs = (q: string) => searchComparisons(ITEMS, q).map((c) => c.slug);

  it("finds a page by the codes it compares, in any order", () => {
    expect(slugs("401")).toEqual(["401-vs-403"]);
    expect(slugs("403 vs 401")).toEqual(["401-vs-403"]);
    expect(slugs("503")).toEqual(["429-vs-503", "500-vs-502-vs-503-vs-504"]);
    expect(slugs("502 504")).toEqual(["500-vs-502-vs-503-vs-504"]);
  });
  it("finds a page by the words of its title, with a typo", () => {
    expect(slugs("unauthorized vs forbidden")).toEqual(["401-vs-403"]);
    expect(slugs("forbiden")).toEqual(["401-vs-403"]);
    expect(slugs("too many")).toEqual(["429-vs-503"]);
  });
  it("offers nothing for a code start, an unrelated word or a bare 'vs'", () => {
    expect(slugs("40")).toEqual([]);
    expect(slugs("teapot")).toEqual([]);
    expect(slugs("vs")).toEqual([]);
    expect(slugs("401 404")).toEqual([]);
  });
});
