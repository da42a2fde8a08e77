/**
 * The status simulator as a pure function: a request description in, a response description out.
 *
 * `/api/status/{code}` adapters (the Next route handler, and any faster server) only translate
 * between their request/response objects and these plain ones, so every rule lives here and is
 * unit-tested without a server.
 */
import { z } from "zod";

import { httpDateNow, type HeaderList } from "../http";
import { PROBLEM_JSON, problem, type InvalidParam } from "../problem";
import { expectsHeader, forbidsContent, getStatus, headerRows, reasonPhrase } from "../registry";

import { drawValue, isWeighted, parseChoices, pick, type SequenceStore } from "./choice";
import { MAX_ECHO_BYTES, negotiateFormat, parseOptions, type BodyFormat, type SimOptions } from "./options";
import { codePath, simulatorPath } from "../routes";

export type { HeaderList };

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
  /** The request body as text, when the adapter read it (it reads at most MAX_ECHO_BYTES + 1 bytes). */
  body?: string;
  /** The request body's size in bytes, when known (Content-Length or bytes read). */
  bodyBytes?: number;
  /** Whether the adapter can send interim (1xx) responses before the final one. */
  canSendInterim?: boolean;
  /** Per-seed counters for weighted codes; without it a seed always starts at draw 0. */
  sequences?: SequenceStore;
  /** Whether the adapter can act on the connection (close, reset, stall, ...) for `fault`. */
  canSendFaults?: boolean;
  /** Set by lib/scenarios before simulate(): the body's `scenario` member and headers it adds. */
  scenario?: { info: Record<string, unknown>; headers: HeaderList };
}

export interface InterimResponse {
  status: 100 | 102 | 103;
  headers: HeaderList;
}

export interface SimResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  /** The exact body, or null when none may be sent (HEAD, 1xx, 204, 205, 304). */
  body: string | null;
  /** Milliseconds the adapter waits before answering (0 = none). */
  delayMs: number;
  /** Interim responses the adapter sends first, when it can. */
  interim: InterimResponse[];
  /** For HEAD: the length of the body a GET would get, for Content-Length. */
  getLength?: number;
  /** A scenario fault the adapter performs instead of (or while) sending this answer. */
  fault?: { kind: "close" | "reset" | "stall" | "truncate" | "slow-body"; ms: number };
  /** True when the answer depends on scenario state: never reuse it for another request. */
  stateful?: boolean;
}

/** Methods the simulator answers; any of them may be sent to any code. */
export const SIMULATED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Header marking every answer as simulated, carrying the code that was asked for. */
export const SIMULATED_HEADER = "Simulated-Status";

/** Where 3xx and 201 responses point: a same-origin path, never a user-supplied URL. */
export const DEFAULT_LOCATION = simulatorPath(200);

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

/** Statuses whose responses never carry content (RFC 9110 §6.4.1, §15.3.6): read from the registry. */
export { forbidsContent };

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
  { ok: true; code: number } | { ok: false; detail: string; invalidParams: InvalidParam[] };

/** Validates the `{code}` path segment. Only plain three-digit codes from 100 to 599 pass. */
export function parseCode(raw: string): CodeParse {
  // The common case without zod: the simulator's hot path.
  if (/^[1-5]\d\d$/.test(raw)) return { ok: true, code: Number(raw) };
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

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).length;
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

/** JSON that is never read as HTML, even by a sniffing client: `<` is escaped (it stays valid JSON). */
export function safeJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  return json.includes("<") ? json.replace(/</g, "\\u003c") : json;
}

function requestDescription(req: SimRequest, url: URL) {
  const d: Record<string, unknown> = {
    method: req.method.toUpperCase(),
    path: url.pathname,
    query: queryRecord(url),
    headers: headerRecord(req.headers),
  };
  if (req.body !== undefined && req.body !== "") d.body = req.body;
  return d;
}

const INTERIM_SENDABLE = new Set([100, 102, 103]);

interface Ctx {
  req: SimRequest;
  url: URL;
  method: string;
  requested: number;
  status: number;
  options: SimOptions;
  /** What the path asked for, e.g. "200:3,503:1"; undefined for a single code. */
  weighted: { spec: string; draw: number | null } | undefined;
  interimSent: boolean;
}

function interimNote(c: Ctx): Record<string, unknown> | undefined {
  if (c.requested >= 200) return undefined;
  const note =
    "A 1xx status is interim: it can precede a final response but never be one, so the final answer is 200 OK.";
  let why: string;
  if (c.interimSent) why = `The interim ${c.requested} was sent before this response.`;
  else if (c.requested === 100 && !/100-continue/i.test(headerRecord(c.req.headers).expect ?? ""))
    why = "100 Continue is only sent to a request with Expect: 100-continue.";
  else if (!INTERIM_SENDABLE.has(c.requested))
    why = `${c.requested} cannot be sent as an interim response by this server.`;
  else why = "This endpoint cannot send interim responses (use the site's own server, npm start, for that).";
  return {
    status: c.requested,
    reason: reasonPhrase(c.requested),
    sent: c.interimSent,
    note: `${note} ${why}`,
  };
}

function diagnosticValue(c: Ctx, status: number): Record<string, unknown> {
  const info = getStatus(c.requested);
  const body: Record<string, unknown> = { simulated: true, status, reason: reasonPhrase(status) };
  const interim = interimNote(c);
  if (interim) body.interim = interim;
  if (c.weighted) body.choice = { from: c.weighted.spec, draw: c.weighted.draw };
  if (c.req.scenario) body.scenario = c.req.scenario.info;
  body.registered = info?.official ?? false;
  if (info) body.docs = codePath(c.requested);
  if (c.options.delayMs > 0) body.delayMs = c.options.delayMs;
  body.request = requestDescription(c.req, c.url);
  return body;
}

function textBody(c: Ctx, status: number): string {
  const lines = [
    `${status} ${reasonPhrase(status)}`,
    "",
    `Simulated by statuscodes for ${c.method} ${c.url.pathname}${c.url.search}.`,
  ];
  const interim = interimNote(c);
  if (interim) lines.push(String(interim.note));
  const sc = c.req.scenario?.info;
  if (sc) lines.push(`Scenario ${String(sc.name)}, request ${String(sc.request)}: ${String(sc.because)}.`);
  if (getStatus(c.requested)) lines.push(`About this code: /${c.requested}`);
  return `${lines.join("\n")}\n`;
}

function problemBody(c: Ctx, status: number): string {
  const p: Record<string, unknown> = {
    type: "about:blank",
    title: reasonPhrase(status),
    status,
    detail: `A simulated ${status} ${reasonPhrase(status)}, sent because it was asked for.`,
    instance: c.url.pathname,
    simulated: true,
  };
  return safeJson(p);
}

/** The body for a status in the chosen format, with its media type. */
function renderBody(c: Ctx, status: number, format: BodyFormat): { body: string; type: string } {
  if (format === "text") return { body: textBody(c, status), type: "text/plain; charset=utf-8" };
  if (format === "problem" && status >= 400) return { body: problemBody(c, status), type: PROBLEM_JSON };
  return { body: safeJson(diagnosticValue(c, status)), type: "application/json" };
}

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
    case "content-range":
      // An unsatisfied range names the simulated representation's length (a 206's is set from its body).
      return `bytes */${SIMULATED_REPRESENTATION_LENGTH}`;
    case "upgrade":
      return "TLS/1.3, HTTP/1.1";
    case "link":
      // A blocked-by link points at the code's reference page, which stands in for the blocking party.
      return /rel="?blocked-by/.test(example) ? `<${codePath(status)}>; rel="blocked-by"` : undefined;
    default:
      return undefined;
  }
}

/** Headers set elsewhere in `simulate()`: from the body (ETag, a 206's Content-Range) or the options. */
function setElsewhere(name: string, status: number): boolean {
  const lower = name.toLowerCase();
  return lower === "etag" || lower === "retry-after" || (lower === "content-range" && status < 300);
}

/** Code-specific headers a correct server sends with this status (the registry's rows, RFC 9110 §10, §11, §14, §15). */
function codeHeaders(status: number, method: string, options: SimOptions): HeaderList {
  const out: HeaderList = [];
  for (const row of headerRows(status)) {
    if (setElsewhere(row.header, status)) continue;
    out.push([row.header, simulatedValue(row.header, row.value, status, method, options) ?? row.value]);
  }
  return out;
}

/** Whether the registry gives this status a Retry-After row (429, 503), which the simulator fills with its default. */
function hasRetryAfterRow(status: number): boolean {
  return headerRows(status).some((r) => r.header.toLowerCase() === "retry-after");
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
  return ["Date", req.now ? req.now.toUTCString() : httpDateNow()];
}

function isPreflight(req: SimRequest): boolean {
  if (req.method.toUpperCase() !== "OPTIONS") return false;
  const names = new Set(req.headers.map(([n]) => n.toLowerCase()));
  return names.has("access-control-request-method") && names.has("origin");
}

const TOKEN_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

function preflight(req: SimRequest, code: string): SimResponse {
  const requested = req.headers.find(([n]) => n.toLowerCase() === "access-control-request-headers")?.[1];
  const headers: HeaderList = [
    ["Access-Control-Allow-Origin", "*"],
    ["Access-Control-Allow-Methods", SIMULATED_METHODS.join(", ")],
  ];
  if (requested && TOKEN_LIST.test(requested.trim())) {
    headers.push(["Access-Control-Allow-Headers", requested.trim()]);
  }
  headers.push(
    ["Access-Control-Max-Age", "600"],
    ["Cache-Control", "no-store"],
    [SIMULATED_HEADER, code],
    dateHeader(req),
  );
  return { status: 204, statusText: reasonPhrase(204), headers, body: null, delayMs: 0, interim: [] };
}

/** A real (not simulated) error answer: problem+json, no Simulated-Status. */
export function errorResponse(
  req: SimRequest,
  status: number,
  detail: string,
  invalidParams: InvalidParam[],
  extra: HeaderList = [],
): SimResponse {
  const url = parseUrl(req.url);
  const body = safeJson(problem(status, detail, { instance: url.pathname, invalidParams }));
  const headers = withCors([dateHeader(req), ["Content-Type", PROBLEM_JSON], ...COMMON_HEADERS, ...extra]);
  const head = req.method.toUpperCase() === "HEAD";
  const res: SimResponse = {
    status,
    statusText: reasonPhrase(status),
    headers,
    body: head ? null : body,
    delayMs: 0,
    interim: [],
  };
  if (head) res.getLength = utf8Length(body);
  return res;
}

/** A 400 problem+json for input the simulator cannot act on. */
export function badRequest(req: SimRequest, detail: string, invalidParams: InvalidParam[]): SimResponse {
  return errorResponse(req, 400, detail, invalidParams);
}

/** The answer when too many delayed requests are already waiting: a real 503, not a simulated one. */
export function overloaded(req: SimRequest, limit: number): SimResponse {
  return errorResponse(
    req,
    503,
    `More than ${limit} delayed requests are waiting; retry shortly or use a smaller delay.`,
    [{ name: "delay", reason: `at most ${limit} delayed requests at once` }],
    [["Retry-After", "1"]],
  );
}

function headerLookup(req: SimRequest): (name: string) => string | undefined {
  const lower = new Map<string, string>();
  for (const [n, v] of req.headers) {
    const k = n.toLowerCase();
    const prev = lower.get(k);
    lower.set(k, prev === undefined ? v : `${prev}, ${v}`);
  }
  return (name) => lower.get(name.toLowerCase());
}

/** Replaces headers of the same name, then appends the rest, keeping the first occurrence's place. */
function mergeHeaders(base: HeaderList, extra: HeaderList): HeaderList {
  if (extra.length === 0) return base;
  const names = new Set(extra.map(([n]) => n.toLowerCase()));
  return [...base.filter(([n]) => !names.has(n.toLowerCase())), ...extra];
}

/**
 * Answers one simulator request.
 *
 * - The status is the one asked for (or drawn from weighted codes), with its reason phrase and the
 *   headers that code requires or should carry. 1xx codes cannot be final responses: they are
 *   answered with `200 OK`, after a real interim response where the adapter can send one (100 to a
 *   request with Expect: 100-continue, 102, 103 with a Link hint), and the body says which.
 * - Content is never sent where HTTP forbids it (HEAD, 204, 205, 304), and those responses carry no
 *   `Content-Type` except HEAD, which keeps the headers a GET would get (RFC 9110 §9.3.2).
 * - A 304 carries the validators and cache directives the 200 to the same request would carry.
 * - Options (delay, extra headers, location, auth scheme, Retry-After, body format, seed) are read
 *   from the query and Simulate-* headers; every bad value is a 400 naming the parameter.
 */
export function simulate(req: SimRequest): SimResponse {
  const url = parseUrl(req.url);
  const header = headerLookup(req);
  const parsedOptions = parseOptions(url.searchParams, header);
  const invalid: InvalidParam[] = parsedOptions.ok ? [] : [...parsedOptions.invalid];
  const options = parsedOptions.ok ? parsedOptions.options : undefined;

  let codeText = req.code;
  let weighted: Ctx["weighted"];
  if (isWeighted(req.code)) {
    const choices = parseChoices(req.code);
    if (!choices.ok) invalid.push(...choices.invalid);
    else if (options) {
      const key = `${options.seed ?? ""}|${req.code}`;
      const draw = options.seed === undefined ? null : (options.draw ?? req.sequences?.take(key) ?? 0);
      codeText = pick(choices.choices, draw === null ? Math.random() : drawValue(options.seed ?? 0, draw));
      weighted = { spec: req.code, draw };
    }
  }
  // A weighted list that parsed but could not be drawn from (bad options) is not a bad code.
  const drawn = !isWeighted(req.code) || weighted !== undefined;
  const parsed = invalid.some((i) => i.name === "code") || !drawn ? null : parseCode(codeText);
  if (parsed && !parsed.ok) invalid.push(...parsed.invalidParams);
  if (invalid.length > 0 || !options || !parsed?.ok) {
    const detail =
      parsed && !parsed.ok && invalid.length === 1
        ? parsed.detail
        : `The request cannot be simulated: ${invalid.map((i) => `${i.name} ${i.reason}`).join("; ")}.`;
    return badRequest(req, detail, invalid);
  }
  const requested = parsed.code;
  if (isPreflight(req)) return preflight(req, String(requested));

  const size = req.bodyBytes ?? (req.body !== undefined ? utf8Length(req.body) : 0);
  if (size > MAX_ECHO_BYTES) {
    return errorResponse(
      req,
      413,
      `The request body is ${size} bytes; the simulator echoes at most ${MAX_ECHO_BYTES} bytes.`,
      [{ name: "body", reason: `at most ${MAX_ECHO_BYTES} bytes` }],
    );
  }

  const method = req.method.toUpperCase();
  const status = requested < 200 ? 200 : requested;
  const interim: InterimResponse[] = [];
  if (requested < 200 && req.canSendInterim) {
    if (requested === 100 && /100-continue/i.test(header("expect") ?? ""))
      interim.push({ status: 100, headers: [] });
    if (requested === 102) interim.push({ status: 102, headers: [] });
    if (requested === 103)
      interim.push({
        status: 103,
        headers: headerRows(103).map((r): [string, string] => [r.header, r.value]),
      });
  }
  const c: Ctx = { req, url, method, requested, status, options, weighted, interimSent: interim.length > 0 };
  // HEAD gets the headers a GET would get (RFC 9110 §9.3.2), so they are computed from the GET's body.
  const bodyCtx: Ctx = method === "HEAD" ? { ...c, req: { ...req, method: "GET" }, method: "GET" } : c;
  const format = options.format ?? negotiateFormat(header("accept"));

  // The origin has a clock, so Date goes on every response (RFC 9110 §6.6.1).
  const headers: HeaderList = [dateHeader(req)];
  if (status === 304) {
    // A 304 repeats what the 200 would have said about the representation (RFC 9110 §15.4.5).
    const ok = renderBody({ ...bodyCtx, requested: 200, status: 200 }, 200, format).body;
    headers.push(["ETag", `"${fnv1a(ok)}"`]);
  }

  let body: string | null = null;
  if (!forbidsContent(status)) {
    const rendered = renderBody(bodyCtx, status, format);
    body = rendered.body;
    headers.push(["Content-Type", rendered.type]);
    // An ETag over the body wherever the registry says one is due (200 SHOULD, 226 MUST).
    if (expectsHeader(status, "ETag", "SHOULD")) headers.push(["ETag", `"${fnv1a(body)}"`]);
    if (status < 300 && headerRows(status).some((r) => r.header === "Content-Range")) {
      // The body is the first bytes of a longer simulated representation.
      const len = utf8Length(body);
      headers.push(["Content-Range", `bytes 0-${len - 1}/${len + SIMULATED_REPRESENTATION_LENGTH}`]);
    }
  }
  if (options.format === undefined && !forbidsContent(status)) headers.push(["Vary", "Accept"]);

  headers.push(...codeHeaders(status, method, options));
  const retryAfter = options.retryAfter ?? (hasRetryAfterRow(status) ? DEFAULT_RETRY_AFTER : undefined);
  if (retryAfter !== undefined) headers.push(["Retry-After", retryAfter]);
  headers.push(...COMMON_HEADERS, [SIMULATED_HEADER, String(requested)]);

  const res: SimResponse = {
    status,
    statusText: reasonPhrase(status),
    headers: withCors(mergeHeaders(mergeHeaders(headers, req.scenario?.headers ?? []), options.headers)),
    body: method === "HEAD" ? null : body,
    delayMs: options.delayMs,
    interim,
  };
  if (method === "HEAD" && body !== null) res.getLength = utf8Length(body);
  return res;
}
