/**
 * The simulator's response headers: what each code carries, the marking and CORS headers every
 * answer gets, and Vary.
 */
import { httpDateNow, type HeaderList } from "../http";
import { headerRows } from "../registry";
import { codePath, simulatorPath } from "../routes";

import type { SimOptions } from "./options";
import type { SimRequest } from "./types";

/** Methods the simulator answers; any of them may be sent to any code. Others get a real 405. */
export const SIMULATED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Header marking every answer as simulated, carrying the code that was asked for. */
export const SIMULATED_HEADER = "Simulated-Status";

/** Where 3xx and 201 responses point: a same-origin path, never a user-supplied URL. */
export const DEFAULT_LOCATION = simulatorPath(200);

/** Default `Retry-After` (seconds) on 429 and 503: short, so test suites that honour it stay fast. */
export const DEFAULT_RETRY_AFTER = "1";

const CORS_SAFELISTED = new Set([
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
]);

/** The methods a 405 says the simulated resource does allow: never the one that was refused. */
export function allowFor405(method: string): string {
  const m = method.toUpperCase();
  const refused = m === "GET" || m === "HEAD" ? new Set(["GET", "HEAD"]) : new Set([m]);
  return SIMULATED_METHODS.filter((x) => !refused.has(x)).join(", ");
}

/**
 * The simulator's own value for a code-specific header, by header name; undefined keeps the
 * registry's example. Which headers go with which code comes from the registry (`headerRows`).
 */
function simulatedValue(
  name: string,
  example: string,
  status: number,
  method: string,
  options: SimOptions,
): string | undefined {
  switch (name.toLowerCase()) {
    case "location":
      return options.location ?? DEFAULT_LOCATION;
    case "www-authenticate":
      // Bearer by default: a Basic challenge makes browsers open a login dialog.
      return options.authScheme === "basic"
        ? 'Basic realm="statuscodes simulator", charset="UTF-8"'
        : 'Bearer realm="statuscodes simulator"';
    case "allow":
      return allowFor405(method);
    case "proxy-authenticate":
      return 'Basic realm="statuscodes simulated proxy"';
    case "upgrade":
      return "TLS/1.3, HTTP/1.1";
    case "link":
      // A blocked-by link points at the code's reference page, which stands in for the blocking party.
      return /rel="?blocked-by/.test(example) ? `<${codePath(status)}>; rel="blocked-by"` : undefined;
    default:
      return undefined;
  }
}

/**
 * Headers `simulate()` sets itself: validators (the simulated resource's), ranges (from the
 * representation and the Range asked for) and Retry-After (from the options).
 */
const SET_ELSEWHERE = new Set(["etag", "last-modified", "content-range", "accept-ranges", "retry-after"]);

/** Code-specific headers a correct server sends with this status (the registry's rows, RFC 9110 §10, §11, §14, §15). */
export function codeHeaders(status: number, method: string, options: SimOptions): HeaderList {
  const out: HeaderList = [];
  for (const row of headerRows(status)) {
    if (SET_ELSEWHERE.has(row.header.toLowerCase())) continue;
    out.push([row.header, simulatedValue(row.header, row.value, status, method, options) ?? row.value]);
  }
  return out;
}

/** Whether the registry gives this status a Retry-After row (429, 503), which the simulator fills with its default. */
export function hasRetryAfterRow(status: number): boolean {
  return headerRows(status).some((r) => r.header.toLowerCase() === "retry-after");
}

/** The interim response for a 1xx the server can send, with the registry's headers for it. */
export function interimHeaders(status: number): HeaderList {
  return headerRows(status).map((r): [string, string] => [r.header, r.value]);
}

/** Whether a response header needs naming in Access-Control-Expose-Headers, by exact name (memoised). */
const EXPOSED = new Map<string, boolean>();
function exposed(name: string): boolean {
  let e = EXPOSED.get(name);
  if (e === undefined) {
    const lower = name.toLowerCase();
    e = !CORS_SAFELISTED.has(lower) && !lower.startsWith("access-control-");
    if (EXPOSED.size < 1024) EXPOSED.set(name, e);
  }
  return e;
}

function exposeHeaders(headers: HeaderList): string {
  // Date is added by the server underneath when missing, so it is exposed too. Each name once, in order.
  const names = ["Date"];
  let out = "Date";
  for (const [name] of headers)
    if (exposed(name) && !names.includes(name)) {
      names.push(name);
      out += `, ${name}`;
    }
  return out;
}

/** Adds the CORS headers to `headers` (a list the caller built for this answer) and returns it. */
export function withCors(headers: HeaderList): HeaderList {
  const expose = exposeHeaders(headers);
  headers.push(["Access-Control-Allow-Origin", "*"], ["Access-Control-Expose-Headers", expose]);
  return headers;
}

/** What every /api answer carries: it is data, nothing may load from it or frame it (issue 10 item 7). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const COMMON_HEADERS: HeaderList = [
  ["Cache-Control", "no-store"],
  ["X-Content-Type-Options", "nosniff"],
  ["Content-Security-Policy", API_CSP],
];

/** IMF-fixdate (RFC 9110 §5.6.7), which is what Date.toUTCString produces. */
export function dateHeader(req: SimRequest): [string, string] {
  return ["Date", req.now ? req.now.toUTCString() : httpDateNow()];
}

/** Replaces headers of the same name, then appends the rest, keeping the first occurrence's place. */
export function mergeHeaders(base: HeaderList, extra: HeaderList): HeaderList {
  if (extra.length === 0) return base;
  const names = new Set(extra.map(([n]) => n.toLowerCase()));
  return [...base.filter(([n]) => !names.has(n.toLowerCase())), ...extra];
}

/** Whether a Cache-Control value lets caches store the answer (anything without no-store). */
export function storable(cacheControl: string): boolean {
  return !/(^|,)\s*no-store\s*(,|$)/i.test(cacheControl);
}
