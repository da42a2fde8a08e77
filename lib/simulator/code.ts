/** The `{code}` path segment: exactly three ASCII digits from 100 to 599, nothing around them. */
import type { InvalidParam } from "../problem";

export type CodeParse =
  { ok: true; code: number } | { ok: false; detail: string; invalidParams: InvalidParam[] };

function refuse(raw: string, reason: string): CodeParse {
  const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  return {
    ok: false,
    detail: raw === "" ? reason : `${shown} is not a status code this simulator can send. ${reason}`,
    invalidParams: [{ name: "code", reason }],
  };
}

/**
 * Validates the `{code}` segment (already percent-decoded). Nothing is trimmed: `%20401` and
 * `401%0A` are refused like any other text that is not three digits.
 */
export function parseCode(raw: string): CodeParse {
  if (/^[1-5][0-9][0-9]$/.test(raw)) return { ok: true, code: Number(raw) };
  if (raw === "") return refuse(raw, "The status code is missing: put three digits after /api/status/.");
  if (!/^[0-9]{3}$/.test(raw)) return refuse(raw, "A status code is exactly three digits, such as 404.");
  return refuse(raw, "HTTP status codes run from 100 to 599 (RFC 9110 §15).");
}
