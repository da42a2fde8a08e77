/**
 * Comma-separated lists (RFC 9110 §5.6.1): the shape most header fields share. Linear in the value:
 * one pass, no backtracking, no copies per element.
 */

/** Splits a comma-separated field value, keeping quoted strings (and their commas) intact. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A quote opens or closes a quoted string unless a backslash escapes it (RFC 9110 §5.6.4).
    if (c === 0x22 /* " */ && value.charCodeAt(i - 1) !== 0x5c /* \\ */) quoted = !quoted;
    else if (c === 0x2c /* , */ && !quoted) {
      const item = value.slice(start, i).trim();
      if (item !== "") out.push(item);
      start = i + 1;
    }
  }
  const last = value.slice(start).trim();
  if (last !== "") out.push(last);
  return out;
}

/** Lower-cased values of a list-valued field. */
export function listValues(values: string[]): string[] {
  return values.flatMap(splitList).map((v) => v.toLowerCase());
}
