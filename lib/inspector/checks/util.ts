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
