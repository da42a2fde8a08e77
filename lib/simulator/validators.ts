/**
 * The simulated resource's validators and the conditional requests evaluated against them
 * (RFC 9110 §8.8, §13).
 *
 * Every URL under /api/status/ names a simulated resource. Its ETag depends only on what selects
 * its representation: the code asked for, the path and query, the body format and the Simulate-*
 * headers that apply, never on echoed request headers, so a client that sends the ETag back gets a
 * match whoever it is. Its Last-Modified is one fixed instant.
 */

/** When every simulated resource was last modified: a fixed instant, so If-Modified-Since works. */
export const SIMULATED_LAST_MODIFIED_MS = Date.UTC(2026, 0, 1, 0, 0, 0);
export const SIMULATED_LAST_MODIFIED = new Date(SIMULATED_LAST_MODIFIED_MS).toUTCString();

/**
 * A strong entity tag over the resource's identity: 64 bits from two FNV-1a (32-bit) lanes with
 * different offset bases, computed in one pass over the UTF-16 code units.
 */
export function resourceETag(identity: string): string {
  // Kept as int32 in the loop (the same bits as uint32 for ^ and imul), made unsigned once at the end.
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193;
  for (let i = 0; i < identity.length; i++) {
    const c = identity.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return `"${hex8(a >>> 0)}${hex8(b >>> 0)}"`;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Parses an IMF-fixdate (RFC 9110 §5.6.7) strictly: a real calendar date and time whose day name
 * is the right one. Returns the instant in ms, or null.
 */
export function parseImfFixdate(text: string): number | null {
  const m = IMF_FIXDATE.exec(text);
  if (!m) return null;
  const [, , dd, mon, yyyy, hh, mi, ss] = m;
  const ms = Date.UTC(
    Number(yyyy),
    MONTHS.indexOf(mon ?? ""),
    Number(dd),
    Number(hh),
    Number(mi),
    Number(ss),
  );
  // Round-tripping rejects 31 Feb, hour 24, second 60 and a day name that does not fit the date.
  return Number.isFinite(ms) && new Date(ms).toUTCString() === text ? ms : null;
}

const RFC850 =
  /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, ([0-9]{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/;
const ASCTIME =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ 0-9][0-9]) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([0-9]{4})$/;

function utc(y: number, mon: string, d: number, h: number, mi: number, s: number): number | null {
  if (d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, MONTHS.indexOf(mon), d, h, mi, s);
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/**
 * An HTTP-date in a request header: IMF-fixdate, or one of the obsolete forms recipients must
 * accept (RFC 9110 §5.6.7); null when it is none (the header is then ignored, §13.1.3).
 */
export function parseHttpDate(text: string): number | null {
  const t = text.trim();
  const strict = parseImfFixdate(t);
  if (strict !== null) return strict;
  const a = RFC850.exec(t);
  if (a) {
    const yy = Number(a[3]);
    // A two-digit year more than 50 years ahead is in the past century (RFC 9110 §5.6.7).
    const year = yy + 2000 > new Date().getUTCFullYear() + 50 ? 1900 + yy : 2000 + yy;
    return utc(year, a[2] ?? "", Number(a[1]), Number(a[4]), Number(a[5]), Number(a[6]));
  }
  const b = ASCTIME.exec(t);
  if (b)
    return utc(
      Number(b[6]),
      b[1] ?? "",
      Number((b[2] ?? "").trim()),
      Number(b[3]),
      Number(b[4]),
      Number(b[5]),
    );
  return null;
}

/** The entity tags in an If-Match / If-None-Match value; `"*"` alone means any. Null if malformed. */
function tags(
  value: string,
): { any: true } | { any: false; list: { weak: boolean; opaque: string }[] } | null {
  const v = value.trim();
  if (v === "*") return { any: true };
  const list: { weak: boolean; opaque: string }[] = [];
  const re = /\s*(W\/)?("[\x21\x23-\x7e\x80-\xff]*")\s*(,|$)/gy;
  let at = 0;
  while (at < v.length) {
    re.lastIndex = at;
    const m = re.exec(v);
    if (!m) return null;
    list.push({ weak: m[1] !== undefined, opaque: m[2] ?? "" });
    at = re.lastIndex;
    if (m[3] === "") break;
  }
  return list.length ? { any: false, list } : null;
}

/** If-Match: strong comparison (RFC 9110 §13.1.1). `current` undefined: the resource does not exist. */
export function ifMatchPasses(value: string, current: string | undefined): boolean {
  const t = tags(value);
  if (t === null) return false;
  if (t.any) return current !== undefined;
  return (
    current !== undefined && t.list.some((e) => !e.weak && !current.startsWith("W/") && e.opaque === current)
  );
}

/** If-None-Match: true when it matches, by weak comparison (RFC 9110 §13.1.2). */
export function ifNoneMatchMatches(value: string, current: string | undefined): boolean {
  const t = tags(value);
  if (t === null || current === undefined) return false;
  if (t.any) return true;
  const opaque = current.startsWith("W/") ? current.slice(2) : current;
  return t.list.some((e) => e.opaque === opaque);
}

export type Precondition = "pass" | "not-modified" | "failed";

export interface PreconditionInput {
  method: string;
  header: (name: string) => string | undefined;
  /** The current ETag, or undefined when the resource does not exist (a simulated 201). */
  etag: string | undefined;
  lastModifiedMs: number | undefined;
}

/**
 * Evaluates the preconditions in the order of RFC 9110 §13.2.2: If-Match, else If-Unmodified-Since;
 * then If-None-Match, else If-Modified-Since (GET and HEAD only). Only for answers that would be 2xx.
 */
export function evaluatePreconditions(p: PreconditionInput): Precondition {
  const getOrHead = p.method === "GET" || p.method === "HEAD";
  const ifMatch = p.header("if-match");
  if (ifMatch !== undefined) {
    if (!ifMatchPasses(ifMatch, p.etag)) return "failed";
  } else {
    const ius = p.header("if-unmodified-since");
    const date = ius === undefined ? null : parseHttpDate(ius);
    if (date !== null && (p.lastModifiedMs === undefined || p.lastModifiedMs > date)) return "failed";
  }
  const inm = p.header("if-none-match");
  if (inm !== undefined) {
    if (ifNoneMatchMatches(inm, p.etag)) return getOrHead ? "not-modified" : "failed";
  } else if (getOrHead) {
    const ims = p.header("if-modified-since");
    const date = ims === undefined ? null : parseHttpDate(ims);
    if (date !== null && p.lastModifiedMs !== undefined && p.lastModifiedMs <= date) return "not-modified";
  }
  return "pass";
}

/**
 * If-Range (RFC 9110 §13.1.5): true when the Range may be applied. An entity tag must match
 * strongly; a date must equal Last-Modified exactly.
 */
export function ifRangePasses(value: string | undefined, etag: string, lastModifiedMs: number): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  if (v.startsWith('"') || v.startsWith("W/")) return !etag.startsWith("W/") && v === etag;
  const date = parseHttpDate(v);
  return date !== null && date === lastModifiedMs;
}
