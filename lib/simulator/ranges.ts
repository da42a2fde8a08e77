/**
 * Byte ranges of the simulated representation (RFC 9110 §14): parsing a Range header against a
 * length, and the body of a multipart/byteranges answer.
 */

/** More ranges than this in one request are ignored (the whole representation is sent instead). */
export const MAX_RANGES = 16;

export type RangeOutcome =
  /** No Range, another unit, invalid syntax or too many ranges: ignore it (RFC 9110 §14.2). */
  | { kind: "ignore" }
  | { kind: "unsatisfiable" }
  /** Inclusive byte positions, sorted, with overlapping and adjacent ranges coalesced. */
  | { kind: "ranges"; ranges: [number, number][] };

const SPEC = /^(?:([0-9]{1,15})-([0-9]{0,15})|-([0-9]{1,15}))$/;

export function parseRange(value: string | undefined, length: number): RangeOutcome {
  if (value === undefined) return { kind: "ignore" };
  const eq = value.indexOf("=");
  if (eq < 0 || value.slice(0, eq).trim().toLowerCase() !== "bytes") return { kind: "ignore" };
  const specs = value.slice(eq + 1).split(",");
  if (specs.length > MAX_RANGES) return { kind: "ignore" };
  const wanted: [number, number][] = [];
  for (const raw of specs) {
    const m = SPEC.exec(raw.trim());
    if (!m) return { kind: "ignore" };
    if (m[3] !== undefined) {
      const n = Number(m[3]);
      if (n > 0 && length > 0) wanted.push([Math.max(0, length - n), length - 1]);
      continue;
    }
    const first = Number(m[1]);
    const last = m[2] === "" ? Infinity : Number(m[2]);
    // A last-pos before first-pos makes the whole field invalid (RFC 9110 §14.1.1).
    if (last < first) return { kind: "ignore" };
    if (first < length) wanted.push([first, Math.min(last, length - 1)]);
  }
  if (wanted.length === 0) return { kind: "unsatisfiable" };
  wanted.sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const r of wanted) {
    const prev = ranges[ranges.length - 1];
    if (prev && r[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], r[1]);
    else ranges.push([r[0], r[1]]);
  }
  return { kind: "ranges", ranges };
}

/** A multipart/byteranges body (RFC 9110 §14.6) of an ASCII representation. */
export function multipartBody(
  representation: string,
  type: string,
  ranges: [number, number][],
  boundary: string,
): string {
  const total = representation.length;
  let out = "";
  for (const [a, b] of ranges) {
    out += `--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${a}-${b}/${total}\r\n\r\n`;
    out += `${representation.slice(a, b + 1)}\r\n`;
  }
  return `${out}--${boundary}--\r\n`;
}
