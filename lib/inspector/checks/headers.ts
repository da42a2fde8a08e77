/** B. Required and code-specific headers. */
import { TOKEN_SOURCE } from "../../http";
import { codesWithRow, followedRedirect, getStatus, headerRule, headerRows } from "../../registry";
import { parseContentRange } from "../fields/content-range";
import { linkRels } from "../fields/link";
import type { CheckDef, Context, FindingDraft } from "../types";

import { aboutDuration, isDelaySeconds, listValues, parseHttpDate, splitList } from "./util";

/** The registry's MUST rule for `header` on this status, if it has one. */
function mustRule(status: number, header: string) {
  return headerRule(status, header, ["MUST"]);
}

/** A challenge starts with its auth scheme, a token (RFC 9110 §11.3). */
const AUTH_SCHEME_FIRST = new RegExp(`^${TOKEN_SOURCE}(\\s|$)`);

/** Fields whose requirements have checks of their own, so hdr.required leaves them alone. */
const JUDGED_ELSEWHERE = new Set([
  "www-authenticate",
  "proxy-authenticate",
  "allow",
  "upgrade",
  "connection",
  "content-range",
  "location",
  "date",
  "content-type",
]);

/** Codes whose correct response carries Content-Range (206, 416): the only ones it means something on. */
const CONTENT_RANGE_CODES = new Set(codesWithRow("Content-Range"));

/** Codes whose correct response carries Location (the registry's rows: 201 and the redirects). */
const LOCATION_MEANINGFUL = new Set(codesWithRow("Location"));

/** Fields that may appear once only (RFC 9110 §5.3: not list-valued). */
const SINGLETONS = [
  "Content-Type",
  "Content-Length",
  "Location",
  "ETag",
  "Date",
  "Retry-After",
  "Last-Modified",
  "Expires",
  "Age",
  "Content-Range",
  "Access-Control-Allow-Origin",
  "Content-Location",
];

const REQUEST_ONLY = [
  "Host",
  "Authorization",
  "Proxy-Authorization",
  "Range",
  "If-Match",
  "If-None-Match",
  "If-Modified-Since",
  "If-Unmodified-Since",
  "If-Range",
  "Expect",
  "Max-Forwards",
  "TE",
  "Referer",
  "User-Agent",
  "Cookie",
];

const OBSOLETE: Record<string, [explanation: string, cite: string]> = {
  "content-md5": [
    "Content-MD5 was dropped from HTTP and is listed as obsoleted; use a digest field such as Content-Digest (RFC 9530).",
    "RFC 9110 §18.4",
  ],
  p3p: [
    "P3P is obsolete and ignored by every current browser; unknown fields are simply ignored.",
    "RFC 9110 §5.1",
  ],
  "public-key-pins": [
    "HTTP Public Key Pinning was withdrawn from browsers; a stale pin could lock users out.",
    "RFC 7469 §2.1",
  ],
  "x-xss-protection": [
    "Browsers removed their XSS auditors, so the header does nothing (and some of its values caused flaws). Use a Content-Security-Policy.",
    "RFC 9110 §5.1",
  ],
};

function contentRangeProblem(value: string): string | null {
  const cr = parseContentRange(value);
  if (cr.kind === "invalid")
    return cr.reason === "no-unit"
      ? "it has no range unit"
      : `"${cr.rest}" is neither first-last/length nor */length`;
  if (cr.kind !== "range") return null; // */length, or another unit: we only know how to check byte ranges
  if (cr.last < cr.first) return "the last byte comes before the first";
  if (cr.length !== null && cr.length <= cr.last)
    return "the complete length is not greater than the last byte position";
  return null;
}

function authChallenge(ctx: Context, field: string): FindingDraft | null {
  const rule = mustRule(ctx.status, field);
  if (!rule) return null;
  const { status } = ctx;
  const cite = rule.cite;
  const values = ctx.all(field).filter((v) => v.trim() !== "");
  if (values.length === 0) {
    return {
      severity: "error",
      title: `${status} without ${field}`,
      explanation: `A ${status} must carry at least one challenge in ${field}, naming a scheme such as Bearer or Basic; without it the client cannot know how to authenticate.`,
      cite,
      subject: field,
    };
  }
  if (!AUTH_SCHEME_FIRST.test(values[0]?.trim() ?? "")) {
    return {
      severity: "error",
      title: `${field} does not start with an auth scheme`,
      explanation: 'A challenge is a scheme name followed by its parameters, e.g. Bearer realm="api".',
      cite: "RFC 9110 §11.3",
      subject: field,
    };
  }
  return null;
}

export const HEADER_CHECKS: CheckDef[] = [
  {
    id: "hdr.auth-challenge",
    group: "headers",
    summary: "401 carries WWW-Authenticate and 407 carries Proxy-Authenticate",
    // httplint is silent here (its status401/status407 are empty); RFC 9110 makes both a MUST.
    run: (ctx) => authChallenge(ctx, "WWW-Authenticate") ?? authChallenge(ctx, "Proxy-Authenticate"),
  },
  {
    id: "hdr.405-allow",
    group: "headers",
    summary: "405 carries Allow",
    run(ctx) {
      const rule = mustRule(ctx.status, "Allow");
      if (!rule || ctx.has("allow")) return null;
      return {
        severity: "error",
        title: `${ctx.status} without Allow`,
        explanation: `A ${ctx.status} must list the methods the resource does support in Allow (an empty value is allowed).`,
        cite: rule.cite,
        subject: "Allow",
      };
    },
  },
  {
    id: "hdr.upgrade",
    group: "headers",
    summary: "101 and 426 carry Upgrade, and Upgrade comes with Connection: upgrade",
    run(ctx) {
      const out: FindingDraft[] = [];
      const rule = mustRule(ctx.status, "Upgrade");
      if (rule && !ctx.has("upgrade")) {
        out.push({
          severity: "error",
          title: `${ctx.status} without Upgrade`,
          explanation: `A ${ctx.status} must name the protocol(s) in Upgrade.`,
          cite: rule.cite,
          subject: "Upgrade",
        });
      }
      if (
        ctx.has("upgrade") &&
        !listValues(ctx.all("connection")).includes("upgrade") &&
        ctx.input.response.httpVersion !== "2" &&
        ctx.input.response.httpVersion !== "3"
      ) {
        out.push({
          severity: "error",
          title: "Upgrade without Connection: upgrade",
          explanation:
            "A sender of Upgrade must also send Connection: upgrade, so intermediaries do not forward it.",
          cite: "RFC 9110 §7.8",
          subject: "Connection",
        });
      }
      return out;
    },
  },
  {
    id: "hdr.required",
    group: "headers",
    summary: "Headers the registry requires on every response with this code (226: ETag and IM)",
    run(ctx) {
      // The registry's unconditional MUSTs (`always`) for fields no other check judges.
      const out: FindingDraft[] = [];
      for (const rule of getStatus(ctx.status)?.headerRules ?? []) {
        if (rule.level !== "MUST" || !rule.always || !/^[A-Za-z-]+$/.test(rule.header)) continue;
        if (JUDGED_ELSEWHERE.has(rule.header.toLowerCase()) || ctx.has(rule.header)) continue;
        out.push({
          severity: "error",
          title: `${ctx.status} without ${rule.header}`,
          explanation: `A ${ctx.status} must carry ${rule.header} (${rule.when.replace(/^always[:;,]?\s*/, "")}); clients that rely on this code cannot work without it.`,
          cite: rule.cite,
          subject: rule.header,
        });
      }
      return out;
    },
  },
  {
    id: "hdr.redirect-location",
    group: "headers",
    summary: "The redirects browsers follow (301, 302, 303, 307, 308) carry Location",
    run(ctx) {
      if (!followedRedirect(ctx.status) || ctx.has("location")) return null;
      const rule = headerRule(ctx.status, "Location");
      const section = getStatus(ctx.status)?.section;
      return {
        severity: rule?.level === "MUST" ? "error" : "warning",
        title: `${ctx.status} without Location`,
        explanation:
          "A redirect without Location gives the client nowhere to go: it will stop here and show this response.",
        cite: section ? `RFC 9110 §${section}, §10.2.2` : "RFC 9110 §10.2.2",
        subject: "Location",
      };
    },
  },
  {
    id: "hdr.201-location",
    group: "headers",
    summary: "201 says where the new resource is",
    run(ctx) {
      // The successes whose registry rules ask for Location (201).
      const rule = headerRule(ctx.status, "Location", ["SHOULD"]);
      if (!rule || ctx.status >= 300 || ctx.has("location")) return null;
      // httplint calls this bad; RFC 9110 lets the target URI stand in, and only POST's section says SHOULD.
      return {
        severity: ctx.method === "POST" ? "warning" : "info",
        title: `${ctx.status} without Location`,
        explanation: "Without Location the client must assume the request's own URI is the new resource.",
        cite: ctx.method === "POST" ? "RFC 9110 §9.3.3, §15.3.2" : "RFC 9110 §15.3.2",
        subject: "Location",
      };
    },
  },
  {
    id: "hdr.location-meaningless",
    group: "headers",
    summary: "Location only on 201 and 3xx",
    run(ctx) {
      if (
        !ctx.has("location") ||
        LOCATION_MEANINGFUL.has(ctx.status) ||
        (ctx.status >= 300 && ctx.status < 400)
      )
        return null;
      return {
        severity: "warning",
        title: `Location on a ${ctx.status}`,
        explanation:
          "Location has no defined meaning on this status; clients ignore it. Did you mean Content-Location?",
        cite: "RFC 9110 §10.2.2",
        subject: "Location",
      };
    },
  },
  {
    id: "hdr.location-syntax",
    group: "headers",
    summary: "Location is a single valid URI reference",
    run(ctx) {
      const values = ctx.all("location");
      const v = values[0];
      if (v === undefined) return null;
      if (values.length > 1 || /[\s<>"{}|\\^`]/.test(v.trim()) || v.trim() === "") {
        return {
          severity: "error",
          title: "Location is not a valid URI reference",
          explanation:
            "It holds several values, spaces or characters a URI cannot contain; clients will fail or disagree on where to go.",
          cite: "RFC 9110 §10.2.2",
          subject: "Location",
        };
      }
      if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(v.trim())) {
        return {
          severity: "info",
          title: "Location is relative",
          explanation: `That is allowed: clients resolve "${v.trim()}" against the request URI, and a redirect keeps the original fragment when Location has none.`,
          cite: "RFC 9110 §10.2.2",
          subject: "Location",
        };
      }
      return null;
    },
  },
  {
    id: "hdr.206-content-range",
    group: "headers",
    summary: "206 says which bytes it carries",
    run(ctx) {
      if (ctx.status !== 206) return null;
      const multipart = /^multipart\/byteranges/i.test(ctx.get("content-type") ?? "");
      if (multipart) {
        if (ctx.has("content-range"))
          return {
            severity: "error",
            title: "Multipart 206 with a top-level Content-Range",
            explanation: "Each part carries its own Content-Range; the header section must not.",
            cite: "RFC 9110 §15.3.7.2",
            subject: "Content-Range",
          };
        if (!/boundary=/i.test(ctx.get("content-type") ?? ""))
          return {
            severity: "error",
            title: "multipart/byteranges without a boundary",
            explanation: "Without the boundary parameter the parts cannot be separated.",
            cite: "RFC 9110 §15.3.7.2",
            subject: "Content-Type",
          };
        return null;
      }
      if (!ctx.has("content-range"))
        return {
          severity: "error",
          title: "206 without Content-Range",
          explanation:
            "A single-part 206 must say which range it carries; the client cannot place the bytes otherwise.",
          cite: "RFC 9110 §15.3.7.1, §14.4",
          subject: "Content-Range",
        };
      return null;
    },
  },
  {
    id: "hdr.416-content-range",
    group: "headers",
    summary: "416 tells the current length with Content-Range: bytes */length",
    run(ctx) {
      if (ctx.status !== 416 || /^bytes \*\/\d+$/.test(ctx.get("content-range")?.trim() ?? "")) return null;
      return {
        severity: "warning",
        title: "416 without Content-Range: bytes */length",
        explanation:
          "Tell the client the representation's current length so it can ask for a range that exists.",
        cite: "RFC 9110 §15.5.17, §14.4",
        subject: "Content-Range",
      };
    },
  },
  {
    id: "hdr.content-range",
    group: "headers",
    summary: "Content-Range is well formed and only on 206 and 416",
    run(ctx) {
      const v = ctx.get("content-range");
      if (v === undefined) return null;
      if (!CONTENT_RANGE_CODES.has(ctx.status)) {
        return {
          severity: "warning",
          title: `Content-Range on a ${ctx.status}`,
          explanation: `Content-Range has meaning only on ${[...CONTENT_RANGE_CODES].join(" and ")}.`,
          cite: "RFC 9110 §14.4",
          subject: "Content-Range",
        };
      }
      const problem = contentRangeProblem(v);
      if (problem)
        return {
          severity: "error",
          title: "Content-Range is malformed",
          explanation: `Clients cannot use it: ${problem}.`,
          cite: "RFC 9110 §14.4",
          subject: "Content-Range",
        };
      if (ctx.status === 206 && /^bytes \*\//.test(v.trim())) {
        return {
          severity: "error",
          title: "206 with an unsatisfied range",
          explanation: "bytes */length is the 416 form; a 206 must give the range it carries.",
          cite: "RFC 9110 §14.4",
          subject: "Content-Range",
        };
      }
      return null;
    },
  },
  {
    id: "hdr.retry-after",
    group: "headers",
    summary: "Retry-After is a delay in seconds or an HTTP date, sent where it means something",
    run(ctx) {
      const values = ctx.all("retry-after");
      const out: FindingDraft[] = [];
      const v = values[0];
      if (v !== undefined && !isDelaySeconds(v) && !parseHttpDate(v)) {
        out.push({
          severity: "error",
          title: "Retry-After is neither seconds nor an HTTP date",
          explanation: `"${v}" cannot be read; clients will retry on their own schedule.`,
          cite: "RFC 9110 §10.2.3",
          subject: "Retry-After",
        });
      }
      const row = headerRows(ctx.status).find((r) => r.header === "Retry-After");
      if (v === undefined && row) {
        out.push({
          severity: "info",
          title: `${ctx.status} without Retry-After`,
          explanation: "Say when to come back; clients otherwise guess and may retry too soon.",
          cite: row.cite,
          subject: "Retry-After",
        });
      }
      if (
        v !== undefined &&
        !headerRule(ctx.status, "Retry-After") &&
        !(ctx.status >= 300 && ctx.status < 400)
      ) {
        out.push({
          severity: "info",
          title: `Retry-After on a ${ctx.status}`,
          explanation:
            "Retry-After is defined for 503, 429, 413 and redirects; here clients will most likely ignore it.",
          cite: "RFC 9110 §10.2.3",
          subject: "Retry-After",
        });
      }
      return out;
    },
  },
  {
    id: "hdr.date",
    group: "headers",
    summary: "Date is present on 2xx-4xx, in IMF-fixdate form, and close to the real time",
    run(ctx) {
      const values = ctx.all("date");
      const v = values[0];
      if (v === undefined) {
        if (ctx.status >= 200 && ctx.status < 500)
          return {
            severity: "warning",
            title: "No Date header",
            explanation:
              "An origin server with a clock must send Date on 2xx, 3xx and 4xx responses; caches need it to compute age.",
            cite: "RFC 9110 §6.6.1",
            subject: "Date",
          };
        return null;
      }
      const parsed = parseHttpDate(v);
      if (!parsed)
        return {
          severity: "error",
          title: "Date is not an HTTP date",
          explanation: `"${v}" cannot be parsed; caches cannot compute the response's age.`,
          cite: "RFC 9110 §5.6.7, §6.6.1",
          subject: "Date",
        };
      if (parsed.form !== "imf-fixdate")
        return {
          severity: "warning",
          title: "Date uses an obsolete format",
          explanation: "Senders must generate the IMF-fixdate form, e.g. Sun, 06 Nov 1994 08:49:37 GMT.",
          cite: "RFC 9110 §5.6.7",
          subject: "Date",
        };
      const delta = (parsed.date.getTime() - ctx.now.getTime()) / 1000;
      const skew = Math.abs(delta);
      if (skew > 300)
        return {
          severity: "warning",
          title: `Date is off by ${aboutDuration(skew)}`,
          explanation: `Date is ${Math.round(skew)} seconds ${delta > 0 ? "ahead of" : "behind"} the Inspector's clock: the server's clock seems wrong, which skews cache freshness calculations. (Ignore this for a response saved long ago.)`,
          cite: "RFC 9110 §6.6.1",
          subject: "Date",
        };
      return null;
    },
  },
  {
    id: "hdr.last-modified-future",
    group: "headers",
    summary: "Last-Modified is not later than Date",
    run(ctx) {
      const lm = parseHttpDate(ctx.get("last-modified"));
      if (!lm) return null;
      const ref = parseHttpDate(ctx.get("date"))?.date ?? ctx.now;
      if (lm.date.getTime() <= ref.getTime()) return null;
      return {
        severity: "error",
        title: "Last-Modified is in the future",
        explanation:
          "An origin must not send a Last-Modified later than its Date; conditional requests built on it will misbehave.",
        cite: "RFC 9110 §8.8.2.1",
        subject: "Last-Modified",
      };
    },
  },
  {
    id: "hdr.singleton-repeated",
    group: "headers",
    summary: "Fields that take one value appear once",
    run(ctx) {
      const out: FindingDraft[] = [];
      for (const name of SINGLETONS) {
        const values = ctx.all(name);
        const distinct = new Set(values.map((v) => v.trim()));
        if (values.length > 1 && (distinct.size > 1 || name === "Content-Length" || name === "Location")) {
          out.push({
            severity: "error",
            title: `${name} appears ${values.length} times`,
            explanation:
              "This field takes a single value; recipients will pick different ones, or reject the message.",
            cite: "RFC 9110 §5.3",
            subject: name,
          });
        } else if (
          values.length === 1 &&
          name !== "Date" &&
          name !== "Expires" &&
          name !== "Last-Modified" &&
          name !== "Retry-After" &&
          name !== "Location"
        ) {
          // A comma inside a singleton that is not a date or URI usually means two values were folded together.
          const v = values[0] ?? "";
          if (
            ["Content-Length", "Age", "ETag", "Access-Control-Allow-Origin"].includes(name) &&
            splitList(v).length > 1
          ) {
            out.push({
              severity: "error",
              title: `${name} holds several values`,
              explanation: `"${v}" looks like values folded into one field; recipients disagree on which one counts.`,
              cite: "RFC 9110 §5.3",
              subject: name,
            });
          }
        }
      }
      return out;
    },
  },
  {
    id: "hdr.helpful-fields",
    group: "headers",
    summary: "451 names who blocks the content; 415 says which formats would work",
    run(ctx) {
      if (ctx.status === 451 && !linkRels(ctx.all("link")).has("blocked-by")) {
        return {
          severity: "info",
          title: '451 without Link: rel="blocked-by"',
          explanation: "Identify the entity implementing the block with a Link header.",
          cite: "RFC 7725 §4",
          subject: "Link",
        };
      }
      if (
        ctx.status === 415 &&
        !ctx.has("accept") &&
        !ctx.has("accept-encoding") &&
        !ctx.has("accept-patch") &&
        !ctx.has("accept-post")
      ) {
        return {
          severity: "info",
          title: "415 without Accept, Accept-Encoding or Accept-Patch",
          explanation: "Tell the client which media types or encodings would have worked.",
          cite: "RFC 9110 §15.5.16, RFC 5789 §2.2",
        };
      }
      return null;
    },
  },
  {
    id: "hdr.challenge-misplaced",
    group: "headers",
    summary: "No WWW-Authenticate on 511, no Proxy-Authenticate outside 407",
    run(ctx) {
      if (ctx.status === 511 && ctx.has("www-authenticate")) {
        return {
          severity: "warning",
          title: "511 with a WWW-Authenticate challenge",
          explanation:
            "The challenge would look like it came from the site the user asked for, not from the network; link to the network's login page instead.",
          cite: "RFC 6585 §6",
          subject: "WWW-Authenticate",
        };
      }
      if (ctx.status !== 407 && ctx.has("proxy-authenticate")) {
        return {
          severity: "info",
          title: `Proxy-Authenticate on a ${ctx.status}`,
          explanation: "Proxy challenges belong to 407 responses; here they have no defined use.",
          cite: "RFC 9110 §11.7.1",
          subject: "Proxy-Authenticate",
        };
      }
      return null;
    },
  },
  {
    id: "hdr.out-of-place",
    group: "headers",
    summary: "No request-only or obsolete fields in the response",
    run(ctx) {
      const out: FindingDraft[] = [];
      for (const name of REQUEST_ONLY) {
        if (ctx.has(name))
          out.push({
            severity: "error",
            title: `${name} is a request header`,
            explanation: `${name} has no meaning in a response; it suggests request headers were copied into it.`,
            cite: "RFC 9110 §5.1",
            subject: name,
          });
      }
      for (const [name] of ctx.input.response.headers) {
        const obsolete = OBSOLETE[name.toLowerCase()];
        if (obsolete)
          out.push({
            severity: "warning",
            title: `${name} is obsolete`,
            explanation: obsolete[0],
            cite: obsolete[1],
            subject: name,
          });
      }
      return out;
    },
  },
];
