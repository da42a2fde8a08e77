/** Cache-Control (RFC 9111 §5.2): the directives of a response, in order. */
import { splitList } from "./list";

export interface Directive {
  name: string;
  /** The directive's value without quotes, or undefined when it has none. */
  value: string | undefined;
  raw: string;
}

/** Cache-Control directives (RFC 9111 §5.2), names lower-cased. */
export function parseCacheControl(value: string | undefined): Directive[] {
  if (!value) return [];
  return splitList(value).map((raw) => {
    const eq = raw.indexOf("=");
    if (eq < 0) return { name: raw.trim().toLowerCase(), value: undefined, raw };
    const v = raw.slice(eq + 1).trim();
    return { name: raw.slice(0, eq).trim().toLowerCase(), value: v.replace(/^"(.*)"$/, "$1"), raw };
  });
}
