/**
 * The status simulator as a pure function: a request description in, a response description out.
 *
 * `/api/status/{code}` adapters (the Next route handler, and any faster server) only translate
 * between their request/response objects and these plain ones, so every rule lives here and is
 * unit-tested without a server.
 */
import { z } from "zod";

import { PROBLEM_JSON, problem, type InvalidParam } from "../problem";
import { getStatus, reasonPhrase } from "../registry";

export type HeaderList = [name: string, value: string][];

export interface SimRequest {
  method: string;
  /** Path and query as received, e.g. `/api/status/401?x=1` (an absolute URL is accepted too). */
  url: string;
  /** The raw `{code}` path segment, already percent-decoded. */
  code: string;
  /** Request headers in the order received; duplicates allowed. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The clock, for the Date header; defaults to now. */
  now?: Date;
}

export interface SimResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  /** The exact body, or null when none may be sent (HEAD, 1xx, 204, 205, 304). */
  body: string | null;
}

/** Methods the simulator answers; any of them may be sent to any code. */
export const SIMULATED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Header marking every answer as simulated, carrying the code that was asked for. */
export const SIMULATED_HEADER = "Simulated-Status";

/** Where 3xx and 201 responses point: a same-origin path, never a user-supplied URL. */
export const DEFAULT_LOCATION = "/api/status/200";

/** Default `Retry-After` (seconds) on 429 and 503: short, so test suites that honour it stay fast. */
export const DEFAULT_RETRY_AFTER = "1";

/** Length of the simulated representation that a 416 says no range of can be served from. */
export const SIMULATED_REPRESENTATION_LENGTH = 1024;

const CORS_SAFELISTED = new Set([
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
]);

/** Statuses whose responses never carry content (RFC 9110 §6.4.1, §15.3.6). */
export function forbidsContent(status: number): boolean {
  return (status >= 100 && status < 200) || status === 204 || status === 205 || status === 304;
}

const codeSchema = z
  .string()
  .trim()
  .min(1, { message: "The status code is missing: put three digits after /api/status/." })
  .regex(/^\d{3}$/, { message: "A status code is exactly three digits, such as 404." })
  .transform(Number)
  .refine((n) => n >= 100 && n <= 599, {
    message: "HTTP status codes run from 100 to 599 (RFC 9110 §15).",
  });

export type CodeParse =
  | { ok: true; code: number }
  | { ok: false; detail: string; invalidParams: InvalidParam[] };

/** Validates the `{code}` path segment. Only plain three-digit codes from 100 to 599 pass. */
export function parseCode(raw: string): CodeParse {
  const parsed = codeSchema.safeParse(raw);
  if (parsed.success) return { ok: true, code: parsed.data };
  const reason = parsed.error.issues[0]?.message ?? "Invalid status code.";
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return {
    ok: false,
    detail: raw.trim() === "" ? reason : `"${shown}" is not a status code this simulator can send. ${reason}`,
    invalidParams: [{ name: "code", reason }],
  };
}

/** FNV-1a (32-bit) over UTF-16 code units: a small, deterministic, dependency-free hash for ETags. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function parseUrl(url: string): URL {
  return new URL(url, "http://simulator.invalid");
}

function headerRecord(headers: SimRequest["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : value;
  }
  return out;
}

function queryRecord(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function requestDescription(req: SimRequest, url: URL) {
  return {
    method: req.method.toUpperCase(),
    path: url.pathname,
    query: queryRecord(url),
    headers: headerRecord(req.headers),
  };
}

function diagnosticBody(req: SimRequest, url: URL, status: number, requested: number): string {
  const info = getStatus(requested);
  const body: Record<string, unknown> = {
    simulated: true,
    status,
    reason: reasonPhrase(status),
  };
  if (requested !== status) {
    body.interim = {
      status: requested,
      reason: reasonPhrase(requested),
      sent: false,
      note:
        "A 1xx status is interim: it can precede a final response but never be one. This endpoint " +
        "cannot send interim responses, so it answered with the final status a real server would send next.",
    };
  }
  body.registered = info?.official ?? false;
  if (info) body.docs = `/${requested}`;
  body.request = requestDescription(req, url);
  return JSON.stringify(body, null, 2);
}

/** The methods a 405 says the simulated resource does allow: never the one that was refused. */
export function allowFor405(method: string): string {
  const m = method.toUpperCase();
  const refused = m === "GET" || m === "HEAD" ? new Set(["GET", "HEAD"]) : new Set([m]);
  return SIMULATED_METHODS.filter((x) => !refused.has(x)).join(", ");
}

/** Code-specific headers a correct server sends with this status (RFC 9110 §10, §11, §14, §15). */
function codeHeaders(status: number, method: string): HeaderList {
  switch (status) {
    case 201:
    case 300:
    case 301:
    case 302:
    case 303:
    case 307:
    case 308:
      return [["Location", DEFAULT_LOCATION]];
    case 401:
      // Bearer, not Basic: a Basic challenge makes browsers open a login dialog.
      return [["WWW-Authenticate", 'Bearer realm="statuscodes simulator"']];
    case 405:
      return [["Allow", allowFor405(method)]];
    case 407:
      return [["Proxy-Authenticate", 'Basic realm="statuscodes simulated proxy"']];
    case 416:
      return [["Content-Range", `bytes */${SIMULATED_REPRESENTATION_LENGTH}`]];
    case 426:
      return [
        ["Upgrade", "TLS/1.3, HTTP/1.1"],
        ["Connection", "Upgrade"],
      ];
    case 429:
    case 503:
      return [["Retry-After", DEFAULT_RETRY_AFTER]];
    case 451:
      return [["Link", '</451>; rel="blocked-by"']];
    default:
      return [];
  }
}

function exposeHeaders(headers: HeaderList): string {
  // Date and Vary are added by the server underneath (Node, Next), so they are exposed too.
  const names = new Set<string>(["Date", "Vary"]);
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    if (!CORS_SAFELISTED.has(lower) && !lower.startsWith("access-control-")) names.add(name);
  }
  return [...names].join(", ");
}

function withCors(headers: HeaderList): HeaderList {
  return [
    ...headers,
    ["Access-Control-Allow-Origin", "*"],
    ["Access-Control-Expose-Headers", exposeHeaders(headers)],
  ];
}

const COMMON_HEADERS: HeaderList = [
  ["Cache-Control", "no-store"],
  ["X-Content-Type-Options", "nosniff"],
];

/** IMF-fixdate (RFC 9110 §5.6.7), which is what Date.toUTCString produces. */
function dateHeader(req: SimRequest): [string, string] {
  return ["Date", (req.now ?? new Date()).toUTCString()];
}

function isPreflight(req: SimRequest): boolean {
  if (req.method.toUpperCase() !== "OPTIONS") return false;
  const names = new Set(req.headers.map(([n]) => n.toLowerCase()));
  return names.has("access-control-request-method") && names.has("origin");
}

const TOKEN_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

function preflight(req: SimRequest, code: number): SimResponse {
  const requested = req.headers.find(([n]) => n.toLowerCase() === "access-control-request-headers")?.[1];
  const headers: HeaderList = [
    ["Access-Control-Allow-Origin", "*"],
    ["Access-Control-Allow-Methods", SIMULATED_METHODS.join(", ")],
  ];
  if (requested && TOKEN_LIST.test(requested.trim())) {
    headers.push(["Access-Control-Allow-Headers", requested.trim()]);
  }
  headers.push(["Access-Control-Max-Age", "600"], ["Cache-Control", "no-store"], [SIMULATED_HEADER, String(code)], dateHeader(req));
  return { status: 204, statusText: reasonPhrase(204), headers, body: null };
}

/** A 400 problem+json for input the simulator cannot act on. */
export function badRequest(req: SimRequest, detail: string, invalidParams: InvalidParam[]): SimResponse {
  const url = parseUrl(req.url);
  const body = JSON.stringify(problem(400, detail, { instance: url.pathname, invalidParams }), null, 2);
  const headers = withCors([dateHeader(req), ["Content-Type", PROBLEM_JSON], ...COMMON_HEADERS]);
  return {
    status: 400,
    statusText: reasonPhrase(400),
    headers,
    body: req.method.toUpperCase() === "HEAD" ? null : body,
  };
}

/**
 * Answers one simulator request.
 *
 * - The status is the one asked for, with its reason phrase, and the headers that code requires or
 *   should carry. 1xx codes cannot be final responses, so they are answered with `200 OK` and the
 *   body says which interim status was asked for and that it was not sent.
 * - Content is never sent where HTTP forbids it (HEAD, 204, 205, 304), and those responses carry no
 *   `Content-Type` except HEAD, which keeps the headers a GET would get (RFC 9110 §9.3.2).
 * - A 304 carries the validators and cache directives the 200 to the same request would carry.
 */
export function simulate(req: SimRequest): SimResponse {
  const parsed = parseCode(req.code);
  if (!parsed.ok) return badRequest(req, parsed.detail, parsed.invalidParams);
  const requested = parsed.code;
  if (isPreflight(req)) return preflight(req, requested);

  const url = parseUrl(req.url);
  const method = req.method.toUpperCase();
  const status = requested < 200 ? 200 : requested;
  // The origin has a clock, so Date goes on every response (RFC 9110 §6.6.1).
  const headers: HeaderList = [dateHeader(req)];
  // HEAD gets the headers a GET would get (RFC 9110 §9.3.2), so they are computed from the GET's body.
  const bodyReq: SimRequest = method === "HEAD" ? { ...req, method: "GET" } : req;

  if (status === 304) {
    // A 304 repeats what the 200 would have said about the representation (RFC 9110 §15.4.5).
    const ok = diagnosticBody(bodyReq, url, 200, 200);
    headers.push(["ETag", `"${fnv1a(ok)}"`]);
  }

  let body: string | null = null;
  if (!forbidsContent(status)) {
    body = diagnosticBody(bodyReq, url, status, requested);
    headers.push(["Content-Type", "application/json"]);
    if (status === 200 || status === 226) headers.push(["ETag", `"${fnv1a(body)}"`]);
    if (status === 206) {
      // The body is the first bytes of a longer simulated representation.
      const len = utf8Length(body);
      headers.push(["Content-Range", `bytes 0-${len - 1}/${len + SIMULATED_REPRESENTATION_LENGTH}`]);
    }
  }

  headers.push(...codeHeaders(status, method), ...COMMON_HEADERS, [SIMULATED_HEADER, String(requested)]);

  return {
    status,
    statusText: reasonPhrase(status),
    headers: withCors(headers),
    body: method === "HEAD" ? null : body,
  };
}
