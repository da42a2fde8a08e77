/**
 * Suggestions for an address that is not a page, and comparison slugs in any order: apart from the
 * search itself, so the not-found page (part of every page's bundle) does not carry the scorer.
 */

/**
 * For a path that is not a page (`/432`, `/4o4`, `/foo`), the codes to suggest: the closest
 * documented codes in the same class first, by numeric distance. Empty when nothing code-like was asked.
 */
export function nearestCodes(codes: readonly number[], asked: string, limit = 3): number[] {
  const digits = asked.replace(/^\//, "").replace(/[oO]/g, "0").replace(/[lI]/g, "1");
  if (!/^\d{3}$/.test(digits)) return [];
  const n = Number(digits);
  const cls = Math.floor(n / 100);
  return [...codes]
    .sort((a, b) => {
      const sameA = Math.floor(a / 100) === cls ? 0 : 1;
      const sameB = Math.floor(b / 100) === cls ? 0 : 1;
      return sameA - sameB || Math.abs(a - n) - Math.abs(b - n) || a - b;
    })
    .slice(0, limit);
}

/** The codes a comparison slug names (`401-vs-403` → [401, 403]), or undefined if it is not one. */
export function compareSlugCodes(slug: string): number[] | undefined {
  if (!/^\d{3}(-vs-\d{3})+$/.test(slug)) return undefined;
  return slug.split("-vs-").map(Number);
}

/**
 * The comparison page a slug means when it is not one of ours verbatim: the same codes in another
 * order (`403-vs-401`), or some of a page's codes (`308-vs-301`). Undefined when none covers them all.
 */
export function resolveCompareSlug(asked: string, slugs: readonly string[]): string | undefined {
  const codes = compareSlugCodes(asked);
  if (!codes || new Set(codes).size < 2) return undefined;
  return slugs.find((s) => {
    const have = new Set(compareSlugCodes(s) ?? []);
    return codes.every((c) => have.has(c));
  });
}

/** Comparison pages sharing at least one code with what was asked, most shared first. */
export function nearComparisons(asked: string, slugs: readonly string[]): string[] {
  const codes = new Set(compareSlugCodes(asked.replace(/^\/?compare\//, "")) ?? []);
  if (codes.size === 0) return [];
  return slugs
    .map((s) => ({ s, n: (compareSlugCodes(s) ?? []).filter((c) => codes.has(c)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.s.localeCompare(b.s))
    .map((x) => x.s);
}
