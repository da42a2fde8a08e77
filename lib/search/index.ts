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
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words a question carries that say nothing about the code ("i am a teapot", "what is a 404"). */
const STOP_WORDS = new Set([
  "a",
  "an",
  "am",
  "the",
  "i",
  "is",
  "im",
  "of",
  "to",
  "my",
  "what",
  "does",
  "mean",
  "for",
  "code",
  "status",
  "http",
  "error",
]);

/** Damerau-Levenshtein distance, capped: returns cap + 1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}

/** How many typos a query word may carry: none in short words, where one edit changes the meaning. */
function typoAllowance(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/** How well one query word matches one text's words: whole word 3, word prefix 2, typo 1.5, inside a word 0.5. */
function wordMatch(q: string, words: readonly string[]): number {
  let best = 0;
  for (const w of words) {
    if (w === q) return 3;
    if (w.startsWith(q)) best = Math.max(best, 2);
    else if (typoAllowance(q) > 0 && editDistance(q, w, typoAllowance(q)) <= typoAllowance(q))
      best = Math.max(best, 1.5);
    else if (q.length >= 4 && w.includes(q)) best = Math.max(best, 0.5);
  }
  return best;
}

const FIELD_WEIGHT = { reason: 1.2, alias: 1.1, keyword: 1 } as const;

/**
 * How well an item matches; 0 means not at all. Higher is better. Every query word is scored against
 * the reason phrase, former names and keywords (whole words above prefixes above typos above
 * fragments); the share of query words matched counts first, so "token expired" prefers a code
 * matching both words. Unregistered codes score a quarter less, so they follow an equal registered one.
 */
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
  const official = item.official === false ? 0.75 : 1;
  if (reason === q) return 90 * official;
  const all = q.split(" ");
  const words = all.filter((w) => !STOP_WORDS.has(w) || /^\d+$/.test(w));
  const terms = words.length > 0 ? words : all;
  const fields: { kind: keyof typeof FIELD_WEIGHT; words: string[]; text: string }[] = [
    { kind: "reason", words: reason.split(" "), text: reason },
    ...item.aliases.map((a) => ({
      kind: "alias" as const,
      words: normalize(a).split(" "),
      text: normalize(a),
    })),
    ...item.keywords.map((k) => ({
      kind: "keyword" as const,
      words: normalize(k).split(" "),
      text: normalize(k),
    })),
  ];
  let total = 0;
  let matched = 0;
  for (const w of terms) {
    if (/^\d+$/.test(w) && code === w) {
      total += 4;
      matched++;
      continue;
    }
    let best = 0;
    for (const f of fields) best = Math.max(best, wordMatch(w, f.words) * FIELD_WEIGHT[f.kind]);
    if (best > 0) matched++;
    total += best;
  }
  if (matched === 0) return 0;
  const phrase = terms.join(" ");
  // The whole query as a reason, keyword or former name, or its start.
  if (reason.startsWith(phrase)) total += 2;
  else if (fields.some((f) => f.text === phrase)) total += 1;
  const coverage = matched / terms.length;
  // Queries of several words need most of them: one stray match among many is noise.
  if (terms.length > 1 && coverage < 2 / 3) return 0;
  return (coverage * 10 + total) * official;
}

/** The items that match, best first; ties keep numeric order. An empty query returns everything. */
export function searchCodes<T extends SearchItem>(items: readonly T[], query: string): T[] {
  return items
    .map((item) => ({ item, s: score(item, query) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.item.code - b.item.code)
    .map((x) => x.item);
}

export { compareSlugCodes, nearComparisons, nearestCodes, resolveCompareSlug } from "./near";

/** A comparison page as the quick-jump offers it. */
export interface CompareItem {
  slug: string;
  title: string;
  codes: number[];
}

/** Words that ask for a comparison without saying which one. */
const COMPARE_WORDS = new Set([
  "vs",
  "versus",
  "compare",
  "comparison",
  "difference",
  "between",
  "or",
  "and",
]);

/**
 * Comparison pages for a query: every code it names must be on the page ("401 403", "403 vs 401"),
 * and every other word must be a word (or the start of one) of the title ("unauthorized forbidden").
 * Pages comparing fewer codes come first, as the more specific answer.
 */
export function searchComparisons<T extends CompareItem>(items: readonly T[], query: string): T[] {
  const words = normalize(query)
    .split(" ")
    .filter((w) => w !== "" && !STOP_WORDS.has(w) && !COMPARE_WORDS.has(w));
  const codes = words.filter((w) => /^\d{3}$/.test(w)).map(Number);
  const rest = words.filter((w) => !/^\d+$/.test(w));
  if (codes.length === 0 && rest.length === 0) return [];
  if (words.some((w) => /^\d+$/.test(w) && w.length !== 3)) return [];
  return items
    .filter((c) => {
      const title = normalize(c.title).split(" ");
      return codes.every((n) => c.codes.includes(n)) && rest.every((w) => wordMatch(w, title) >= 1.5);
    })
    .sort((a, b) => a.codes.length - b.codes.length || a.slug.localeCompare(b.slug));
}
