/** HTTP-date (RFC 9110 §5.6.7) and delay-seconds (§10.2.3), as Date, Expires, Last-Modified and Retry-After use them. */

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
