/** Content-Range (RFC 9110 §14.4): which bytes a 206 carries, or a 416's current length. */
import { TOKEN_SOURCE } from "../../http";

const UNIT_AND_REST = new RegExp(`^(${TOKEN_SOURCE}) (.+)$`);

export type ContentRange =
  /** `bytes first-last/length` (length "*" when unknown). */
  | { kind: "range"; unit: "bytes"; first: number; last: number; length: number | null }
  /** `bytes *\/length`: the form a 416 uses. */
  | { kind: "unsatisfied"; unit: "bytes"; length: number }
  /** A unit other than bytes: legal, and opaque to us. */
  | { kind: "other-unit"; unit: string }
  /** Not a Content-Range at all. */
  | { kind: "invalid"; reason: "no-unit" | "bad-bytes-range"; rest: string };

export function parseContentRange(value: string): ContentRange {
  const m = UNIT_AND_REST.exec(value.trim());
  if (!m) return { kind: "invalid", reason: "no-unit", rest: value.trim() };
  const unit = m[1] ?? "";
  const rest = m[2] ?? "";
  if (unit !== "bytes") return { kind: "other-unit", unit };
  const unsatisfied = /^\*\/(\d+)$/.exec(rest);
  if (unsatisfied) return { kind: "unsatisfied", unit, length: Number(unsatisfied[1]) };
  const range = /^(\d+)-(\d+)\/(\d+|\*)$/.exec(rest);
  if (!range) return { kind: "invalid", reason: "bad-bytes-range", rest };
  return {
    kind: "range",
    unit,
    first: Number(range[1]),
    last: Number(range[2]),
    length: range[3] === "*" ? null : Number(range[3]),
  };
}
