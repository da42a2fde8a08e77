import { describe, expect, it } from "vitest";

import { nearComparisons, resolveCompareSlug } from "./index";

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
