/**
 * Link (RFC 8288 §3): comma-separated link-values, each `<target>` followed by `;`-separated
 * parameters, a parameter a token name and an optional token or quoted-string value. Commas inside
 * the target or a quoted string do not separate links. One pass over the value, no backtracking.
 */

export interface LinkValue {
  /** The URI-Reference between < and >, as written. */
  target: string;
  /** Parameter name (lower case) to value, unquoted ("" for a name without value); the first wins. */
  params: Map<string, string>;
  /** The relation types of the first rel parameter, lower-cased (RFC 8288 §2.1.1, §3.3). */
  rel: string[];
}

const isSpace = (c: number) => c === 0x20 || c === 0x09;

/** Parses one field value, from `at`, into `out`. */
function parseValue(v: string, out: LinkValue[]): void {
  const n = v.length;
  let i = 0;
  /** Skips to just after the next comma outside a quoted string (a malformed link-value). */
  const skipElement = () => {
    let quoted = false;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (quoted && c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) quoted = !quoted;
      else if (c === 0x2c /* , */ && !quoted) break;
    }
    i++;
  };
  while (i < n) {
    while (i < n && (isSpace(v.charCodeAt(i)) || v.charCodeAt(i) === 0x2c)) i++;
    if (i >= n) return;
    if (v.charCodeAt(i) !== 0x3c /* < */) {
      skipElement();
      continue;
    }
    const close = v.indexOf(">", i + 1);
    if (close < 0) return;
    const link: LinkValue = { target: v.slice(i + 1, close), params: new Map(), rel: [] };
    i = close + 1;
    for (;;) {
      while (i < n && isSpace(v.charCodeAt(i))) i++;
      if (i >= n || v.charCodeAt(i) !== 0x3b /* ; */) break;
      i++;
      while (i < n && isSpace(v.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < n && !/[=;,\s]/.test(v[i]!)) i++;
      const name = v.slice(nameStart, i).toLowerCase();
      while (i < n && isSpace(v.charCodeAt(i))) i++;
      let value = "";
      if (v.charCodeAt(i) === 0x3d /* = */) {
        i++;
        while (i < n && isSpace(v.charCodeAt(i))) i++;
        if (v.charCodeAt(i) === 0x22 /* " */) {
          let text = "";
          let from = ++i;
          for (; i < n && v.charCodeAt(i) !== 0x22; i++) {
            if (v.charCodeAt(i) === 0x5c /* \ */) {
              text += v.slice(from, i);
              from = ++i;
            }
          }
          value = text + v.slice(from, i);
          i++;
        } else {
          const start = i;
          while (i < n && !/[;,\s]/.test(v[i]!)) i++;
          value = v.slice(start, i);
        }
      }
      if (name && !link.params.has(name)) link.params.set(name, value);
    }
    const rel = link.params.get("rel");
    if (rel) link.rel = rel.toLowerCase().split(/\s+/).filter(Boolean);
    out.push(link);
    // Anything after the parameters up to the next comma is not part of a link-value.
    if (i < n && v.charCodeAt(i) !== 0x2c) skipElement();
  }
}

/** Every link of every field line, in order; elements without a <target> are skipped. */
export function parseLink(values: string[]): LinkValue[] {
  const out: LinkValue[] = [];
  for (const v of values) parseValue(v, out);
  return out;
}

/** The relation types of every link (lower-cased). */
export function linkRels(values: string[]): Set<string> {
  return new Set(parseLink(values).flatMap((l) => l.rel));
}
