/** The field parsers the checks share, re-exported from `lib/inspector/fields`. */
export { parseCacheControl, type Directive } from "../fields/cache-control";
export { isDelaySeconds, parseHttpDate, type DateForm } from "../fields/http-date";
export { listValues, splitList } from "../fields/list";
export { mediaType } from "../fields/media-type";
export { TOKEN } from "../../http";

/**
 * Judges each distinct value once, in order of first appearance; a value that repeats repeats the
 * same finding, which the inspector then groups with a count. Keeps a check linear and allocation-free
 * on inputs that repeat one value thousands of times.
 */
export function judgeEach<T>(values: Iterable<string>, judge: (value: string) => T | null): T[] {
  const judged = new Map<string, T | null>();
  const out: T[] = [];
  for (const v of values) {
    let found = judged.get(v);
    if (found === undefined) {
      found = judge(v);
      judged.set(v, found);
    }
    if (found !== null) out.push(found);
  }
  return out;
}

/**
 * A length of time as a person would say it: minutes below an hour and a half, then hours, days
 * (from a day and a half) and years (from a year and a half), rounded: 35704 s is "about 10 hours".
 */
export function aboutDuration(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return plural(Math.max(1, minutes), "minute");
  const hours = seconds / 3600;
  if (hours < 36) return `about ${plural(Math.round(hours), "hour")}`;
  const days = seconds / 86400;
  if (days < 548) return `about ${plural(Math.round(days), "day")}`;
  return `about ${plural(Math.round(days / 365.25), "year")}`;
}
