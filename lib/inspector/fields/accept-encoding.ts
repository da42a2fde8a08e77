/** Accept-Encoding (RFC 9110 §12.5.3): codings with an optional weight (q, §12.4.2). */
import { splitList } from "./list";

/** x-gzip and x-compress are aliases of gzip and compress (RFC 9110 §8.4.1.1, §8.4.1.3). */
export const canonicalCoding = (coding: string) => coding.replace(/^x-(gzip|compress)$/, "$1");

/** Accept-Encoding as coding (lower-cased, canonical) → q; the first mention of a coding counts. */
export function acceptedCodings(value: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const member of splitList(value)) {
    const [name = "", ...params] = member.split(";").map((s) => s.trim());
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam ? Number(qParam.replace(/^q\s*=\s*/i, "")) : 1;
    const key = canonicalCoding(name.toLowerCase());
    if (!out.has(key)) out.set(key, Number.isFinite(q) ? q : 0);
  }
  return out;
}
