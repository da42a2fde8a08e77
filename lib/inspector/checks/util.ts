/** Small parsers the checks share. */

/** Splits a comma-separated field value, keeping quoted strings (and their commas) intact. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"' && value[i - 1] !== "\\") quoted = !quoted;
    if (c === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  out.push(cur.trim());
  return out.filter((s) => s !== "");
}

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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850 =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

export type DateForm = "imf-fixdate" | "rfc850" | "asctime";

/** Parses an HTTP-date (RFC 9110 §5.6.7) in any of its three forms; null when it is none of them. */
export function parseHttpDate(value: string | undefined): { date: Date; form: DateForm } | null {
  if (!value) return null;
  const v = value.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m)
    return {
      date: new Date(
        Date.UTC(
          Number(m[4]),
          MONTHS.indexOf(m[3] ?? ""),
          Number(m[2]),
          Number(m[5]),
          Number(m[6]),
          Number(m[7]),
        ),
      ),
      form: "imf-fixdate",
    };
  m = RFC850.exec(v);
  if (m) {
    const yy = Number(m[4]);
    return {
      date: new Date(
        Date.UTC(
          yy < 70 ? 2000 + yy : 1900 + yy,
          MONTHS.indexOf(m[3] ?? ""),
          Number(m[2]),
          Number(m[5]),
          Number(m[6]),
          Number(m[7]),
        ),
      ),
      form: "rfc850",
    };
  }
  m = ASCTIME.exec(v);
  if (m)
    return {
      date: new Date(
        Date.UTC(
          Number(m[7]),
          MONTHS.indexOf(m[2] ?? ""),
          Number(m[3]),
          Number(m[4]),
          Number(m[5]),
          Number(m[6]),
        ),
      ),
      form: "asctime",
    };
  return null;
}

export const isDelaySeconds = (v: string) => /^\d+$/.test(v.trim());

export { TOKEN } from "../../http";

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaType(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.split(";")[0]?.trim().toLowerCase();
}

/** Lower-cased values of a list-valued field. */
export function listValues(values: string[]): string[] {
  return values.flatMap(splitList).map((v) => v.toLowerCase());
}
