/**
 * Finding a status code from what a person types: a number (or its start), words of the reason
 * phrase, or a keyword ("rate limit" finds 429). Pure and small enough to ship to the browser.
 */

export interface SearchItem {
  code: number;
  reason: string;
  keywords: string[];
  /** Older names ("Payload Too Large"), so people who know those still find the code. */
  aliases: string[];
  /** Registered codes win ties against unofficial ones. */
  official?: boolean;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well an item matches; 0 means not at all. Higher is better. */
export function score(item: SearchItem, query: string): number {
  const q = normalize(query);
  if (q === "") return 1;
  const code = String(item.code);
  if (/^\d+$/.test(q)) {
    if (code === q) return 100;
    if (code.startsWith(q)) return 80 - code.length;
    return 0;
  }
  if (/^[1-5]xx$/.test(q)) return code[0] === q[0] ? 60 : 0;
  const reason = normalize(item.reason);
  const words = q.split(" ");
  if (reason === q) return 90;
  if (reason.startsWith(q)) return 70;
  const haystacks = [reason, ...item.aliases.map(normalize), ...item.keywords.map(normalize)];
  const all = haystacks.join(" | ");
  if (!words.every((w) => all.includes(w))) return 0;
  if (words.every((w) => reason.includes(w))) return 50;
  if (item.aliases.some((a) => normalize(a).includes(q))) return 40;
  if (item.keywords.some((k) => normalize(k) === q)) return 35;
  if (item.keywords.some((k) => normalize(k).includes(q))) return 30;
  return 10;
}

/** The items that match, best first; ties keep numeric order. An empty query returns everything. */
export function searchCodes<T extends SearchItem>(items: readonly T[], query: string): T[] {
  return items
    .map((item) => ({ item, base: score(item, query) }))
    .filter((x) => x.base > 0)
    .map(({ item, base }) => ({ item, s: base + (item.official === false ? 0 : 0.5) }))
    .sort((a, b) => b.s - a.s || a.item.code - b.item.code)
    .map((x) => x.item);
}

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
