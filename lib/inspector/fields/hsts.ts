/** Strict-Transport-Security (RFC 6797 §6.1): `;`-separated directives, each a name and maybe a value. */

export interface HstsDirective {
  /** Lower-cased. */
  name: string;
  /** Without quotes; undefined when the directive has no `=`. */
  value: string | undefined;
}

/** The directives of one field value, in order, repeats kept (RFC 6797 §6.1 forbids them; checks say so). */
export function parseHsts(value: string): HstsDirective[] {
  const out: HstsDirective[] = [];
  for (const raw of value.split(";")) {
    const d = raw.trim();
    if (!d) continue;
    const eq = d.indexOf("=");
    const name = (eq < 0 ? d : d.slice(0, eq)).trim().toLowerCase();
    const v =
      eq < 0
        ? undefined
        : d
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, "$1");
    out.push({ name, value: v });
  }
  return out;
}
