/** Set-Cookie (RFC 6265 §4.1, parsed as user agents do, §5.2): one cookie per field line. */

export interface Cookie {
  name: string;
  value: string;
  hasEquals: boolean;
  /** Attribute name (lower case) to value ("" for flags); the last occurrence wins, as in RFC 6265 §5.3. */
  attrs: Map<string, string>;
}

/** One Set-Cookie line: the name=value pair, then the `;`-separated attributes. */
export function parseSetCookie(raw: string): Cookie {
  const [pair = "", ...rest] = raw.split(";");
  const eq = pair.indexOf("=");
  const attrs = new Map<string, string>();
  for (const av of rest) {
    const i = av.indexOf("=");
    const name = (i < 0 ? av : av.slice(0, i)).trim().toLowerCase();
    if (name) attrs.set(name, i < 0 ? "" : av.slice(i + 1).trim());
  }
  return {
    name: eq < 0 ? "" : pair.slice(0, eq).trim(),
    value: (eq < 0 ? pair : pair.slice(eq + 1)).trim(),
    hasEquals: eq >= 0,
    attrs,
  };
}

/** The cookie name prefix browsers enforce rules for (RFC 6265bis §4.1.3), matched case-insensitively. */
export function cookiePrefix(name: string): "__Host-" | "__Secure-" | undefined {
  if (/^__host-/i.test(name)) return "__Host-";
  if (/^__secure-/i.test(name)) return "__Secure-";
  return undefined;
}
