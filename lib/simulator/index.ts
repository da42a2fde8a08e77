/**
 * The status simulator as a pure function: a request description in, a response description out.
 *
 * `/api/status/{code}` adapters (the node:http fast path and the Next route handler) only translate
 * between their request/response objects and these plain ones, so every rule lives here and is
 * unit-tested without a server. The parts: `code.ts` (the path segment), `options.ts` (query and
 * Simulate-* headers), `validators.ts` and `ranges.ts` (the simulated resource's ETag, conditional
 * requests, byte ranges), `bodies.ts` (what the answer says) and `headers.ts` (what it carries).
 */
import { headerLookup, TOKEN_LIST, type HeaderList } from "../http";
import { PROBLEM_JSON, problem, type InvalidParam } from "../problem";
import { answersOnly, forbidsContent, reasonPhrase } from "../registry";

import {
  queryJson,
  renderBody,
  resourceRepresentation,
  safeJson,
  type BodyCtx,
  type Rendered,
} from "./bodies";
import { drawValue, isWeighted, parseChoices, pick } from "./choice";
import { parseCode } from "./code";
import {
  codeHeaders,
  COMMON_HEADERS,
  dateHeader,
  DEFAULT_RETRY_AFTER,
  hasRetryAfterRow,
  interimHeaders,
  mergeHeaders,
  SIMULATED_HEADER,
  SIMULATED_METHODS,
  storable,
  withCors,
} from "./headers";
import { MAX_ECHO_BYTES, negotiateFormat, OPTION_DOCS, parseOptions, type SimOptions } from "./options";
import { multipartBody, parseRange } from "./ranges";
import type { InterimResponse, SimRequest, SimResponse, SimUrl } from "./types";
import {
  evaluatePreconditions,
  ifRangePasses,
  parseHttpDate,
  resourceETag,
  SIMULATED_LAST_MODIFIED,
  SIMULATED_LAST_MODIFIED_MS,
} from "./validators";

export type { HeaderList, InterimResponse, SimRequest, SimResponse };
export { parseCode, type CodeParse } from "./code";
export { safeJson } from "./bodies";
export {
  allowFor405,
  DEFAULT_LOCATION,
  DEFAULT_RETRY_AFTER,
  SIMULATED_HEADER,
  SIMULATED_METHODS,
} from "./headers";

/** Statuses whose responses never carry content (RFC 9110 §6.4.1, §15.3.6): read from the registry. */
export { forbidsContent };

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** A plain origin-form target: visible ASCII, no dot segments, fragment or backslash to normalise. */
const PLAIN_TARGET = /^\/(?!.*(?:\/\.|#|\\))[\x21-\x7e]*$/;

/**
 * The path and query as `new URL` would give them. The common, plain target is split by hand: a
 * URL object per request was a measurable share of the simulator's time.
 */
export function parseUrl(url: string): SimUrl {
  if (PLAIN_TARGET.test(url)) {
    const q = url.indexOf("?");
    if (q < 0) return { pathname: url, search: "", searchParams: new URLSearchParams() };
    const query = url.slice(q + 1);
    return {
      pathname: url.slice(0, q),
      search: query === "" ? "" : `?${query}`,
      searchParams: new URLSearchParams(query),
    };
  }
  return new URL(url, "http://simulator.invalid");
}

/**
 * The interim responses this server can send, by code: what Node's http module offers
 * (writeContinue, writeProcessing, writeEarlyHints). A capability of the server, not a fact of HTTP.
 */
const INTERIM_SENT: Record<InterimResponse["status"], () => InterimResponse> = {
  100: () => ({ status: 100, headers: [] }),
  102: () => ({ status: 102, headers: [] }),
  103: () => ({ status: 103, headers: interimHeaders(103) }),
};

function isPreflight(req: SimRequest): boolean {
  if (req.method.toUpperCase() !== "OPTIONS") return false;
  const names = new Set(req.headers.map(([n]) => n.toLowerCase()));
  return names.has("access-control-request-method") && names.has("origin");
}

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
  return {
    status: 204,
    statusText: reasonPhrase(204),
    headers,
    body: null,
    delayMs: 0,
    interim: [],
    reusable: true,
  };
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
    reusable: false,
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

/** A real 405 for a method the simulator does not simulate (TRACE, PROPFIND, QUERY, ...). */
export function methodNotAllowed(req: SimRequest): SimResponse {
  const method = req.method.toUpperCase().slice(0, 40);
  return errorResponse(
    req,
    405,
    `The simulator answers ${SIMULATED_METHODS.join(", ")}; ${method} is not one of them.`,
    [{ name: "method", reason: `one of ${SIMULATED_METHODS.join(", ")}` }],
    [["Allow", SIMULATED_METHODS.join(", ")]],
  );
}

/** A real 417 for an expectation other than 100-continue (RFC 9110 §10.1.1). */
export function expectationFailed(req: SimRequest): SimResponse {
  return errorResponse(req, 417, "The only expectation this server meets is Expect: 100-continue.", [
    { name: "Expect", reason: "only 100-continue" },
  ]);
}

/** A real 413: the request body is over what the simulator echoes. The connection is then closed. */
export function contentTooLarge(req: SimRequest, size: number): SimResponse {
  const res = errorResponse(
    req,
    413,
    `The request body is ${size} bytes; the simulator echoes at most ${MAX_ECHO_BYTES} bytes.`,
    [{ name: "body", reason: `at most ${MAX_ECHO_BYTES} bytes` }],
  );
  return { ...res, close: true };
}

function isSimulatedMethod(method: string): boolean {
  return (SIMULATED_METHODS as readonly string[]).includes(method);
}

type Selected =
  | { ok: true; options: SimOptions; requested: number; weighted: BodyCtx["weighted"] }
  | { ok: false; response: SimResponse };

/** Reads the options and the code (drawing from weighted codes); every problem is one 400. */
function select(req: SimRequest, url: SimUrl, header: (name: string) => string | undefined): Selected {
  const parsedOptions = parseOptions(url.searchParams, header);
  const invalid: InvalidParam[] = parsedOptions.ok ? [] : [...parsedOptions.invalid];
  const options = parsedOptions.ok ? parsedOptions.options : undefined;

  let codeText = req.code;
  let weighted: BodyCtx["weighted"];
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
    return { ok: false, response: badRequest(req, detail, invalid) };
  }
  return { ok: true, options, requested: parsed.code, weighted };
}

/**
 * What the answer varies on (RFC 9110 §12.5.5): Accept when the format was negotiated, and each
 * Simulate-* header that could change this answer and was not overridden by the query.
 */
function varyOn(c: {
  options: SimOptions;
  url: SimUrl;
  location: boolean;
  status: number;
  requested: number;
  weighted: boolean;
}) {
  let out = c.options.format === undefined ? "Accept" : "";
  for (const o of HEADER_OPTIONS) {
    const relevant =
      o.name === "location"
        ? c.location
        : o.name === "auth"
          ? c.status === 401
          : o.name === "seed" || o.name === "draw"
            ? c.weighted
            : o.name === "delay" || o.name === "retry-after";
    if (relevant && !c.url.searchParams.has(o.name)) out += out ? `, ${o.header}` : o.header;
  }
  if (c.requested === 100) out += out ? ", Expect" : "Expect";
  return out;
}

/** The Simulate-* header values that select this answer (for the resource's identity). */
function simulateHeaders(url: SimUrl, header: (name: string) => string | undefined): string {
  let out = "";
  for (const o of HEADER_OPTIONS) if (!url.searchParams.has(o.name)) out += `${header(o.header) ?? ""}\n`;
  return out;
}

/** The options that may also come as a Simulate-* header, in OPTION_DOCS order. */
const HEADER_OPTIONS = OPTION_DOCS.flatMap((o) => (o.header ? [{ name: o.name, header: o.header }] : []));

const NOTE_304 = (etag: string) =>
  `A 304 only answers a conditional GET or HEAD whose validator matches, so this is the 200 it stands for. Send If-None-Match: ${etag} (this answer's ETag) to get the 304.`;
const NOTE_412 =
  "A precondition of this request (If-Match, If-Unmodified-Since, or If-None-Match on a method other than GET and HEAD) is false for the simulated resource (RFC 9110 §13.2.2).";
const NOTE_416 = (length: number) =>
  `The Range asked for cannot be served from the simulated resource, which is ${length} bytes long.`;

/**
 * Answers one simulator request.
 *
 * - The status is the one asked for (or drawn from weighted codes), with its reason phrase and the
 *   headers that code requires. 1xx codes cannot be final: they are answered with `200 OK`, after
 *   a real interim response where the adapter can send one and the client speaks HTTP/1.1.
 * - Every URL is a simulated resource with a stable ETag and Last-Modified. Preconditions are
 *   evaluated as RFC 9110 §13.2.2 orders them wherever the answer would be 2xx: a matching
 *   If-None-Match gets a real 304, a failing If-Match a real 412.
 * - 206, 416 and 304 only answer the requests they are defined for (a Range, a matching condition);
 *   any other request gets the 200 they stand for, which stays correct for caches in front.
 * - Content is never sent where HTTP forbids it (HEAD, 204, 205, 304); HEAD keeps a GET's headers.
 * - Options are read from the query and Simulate-* headers; every bad value is a 400 naming it.
 */
export function simulate(req: SimRequest): SimResponse {
  const key = shapeKey(req);
  if (key === undefined) return simulateFully(req);
  const url = parseUrl(req.url);
  for (const name of url.searchParams.keys())
    if (OPTION_NAMES.has(name)) return simulateFully(req, undefined, url);
  let shape = SHAPES.get(key);
  if (shape === undefined) {
    shape = shapeOf(req, url);
    SHAPES.set(key, shape);
    if (SHAPES.size > MAX_SHAPES) {
      const oldest = SHAPES.keys().next().value;
      if (oldest !== undefined) SHAPES.delete(oldest);
    }
  }
  return shape === null ? simulateFully(req, undefined, url) : fromShape(shape, req, url);
}

/**
 * What `simulateFully` reports about an answer so that it can serve as a shape: the resource's
 * identity around its query (for the ETag), and the body a GET gets (a HEAD's included).
 */
interface Probe {
  identity?: [head: string, tail: string];
  getBody?: string | null;
}

/**
 * An answer that stands for every request differing from it only in a query without options: the
 * answer to the request without its query, with the places where the query shows. The query is
 * only echoed in the body's `request.query` and named in the ETag's identity (for a body in JSON or
 * problem+json; a text body, byte ranges and the 304's note name it elsewhere, and are not shapes).
 */
interface Shape {
  res: SimResponse;
  dateAt: number;
  etagAt: number;
  identity: [string, string] | undefined;
  /** Where `{}` (the empty query) is in the GET body, or -1 when the body does not echo it. */
  queryAt: number;
  getBody: string | null;
}

/** Shapes by request (method, code, path, protocol, capabilities, headers): at most this many. */
const SHAPES = new Map<string, Shape | null>();
const MAX_SHAPES = 256;
const OPTION_NAMES: ReadonlySet<string> = new Set(OPTION_DOCS.map((o) => o.name));
/** Request headers whose answer depends on the ETag (which depends on the query). */
const CONDITIONAL = new Set([
  "if-match",
  "if-none-match",
  "if-modified-since",
  "if-unmodified-since",
  "if-range",
  "range",
]);
const EMPTY_QUERY_AT = '\n    "query": {}';

/** The shape key, or undefined when the request cannot share an answer (a body, a scenario, weighted codes, ...). */
function shapeKey(req: SimRequest): string | undefined {
  if (req.scenario || (req.body !== undefined && req.body !== "") || (req.bodyBytes ?? 0) !== 0)
    return undefined;
  if (!/^\d{3}$/.test(req.code) || !PLAIN_TARGET.test(req.url)) return undefined;
  if (req.now && req.now.getTime() < SIMULATED_LAST_MODIFIED_MS) return undefined;
  const q = req.url.indexOf("?");
  let key = `${req.method} ${req.code} ${req.httpVersion ?? ""} ${req.canSendInterim ? 1 : 0}${req.canSendFaults ? 1 : 0} ${q < 0 ? req.url : req.url.slice(0, q)}`;
  for (const [name, value] of req.headers) {
    // Only If-* and Range are conditional: the first letter spares lower-casing every other name.
    const first = name[0];
    if (
      (first === "i" || first === "I" || first === "r" || first === "R") &&
      CONDITIONAL.has(name.toLowerCase())
    )
      return undefined;
    key += `\n${name.length}:${name}${value.length}:${value}`;
  }
  return key;
}

function shapeOf(req: SimRequest, url: SimUrl): Shape | null {
  const probe: Probe = {};
  const res = simulateFully({ ...req, url: url.pathname }, probe);
  const type = res.headers.find(([n]) => n === "Content-Type")?.[1] ?? "";
  // A text body names the whole target; a 304's stand-in names the ETag in its note.
  if (type.startsWith("text/") || answersOnly(Number(req.code))?.request === "conditional") return null;
  const getBody = probe.getBody ?? null;
  // The diagnostic (plain, or as a problem's extension members) echoes the query as `request.query`;
  // a problem without the diagnostic (a 400 about the request, a 405) does not.
  const json = type === "application/json" || type === PROBLEM_JSON;
  const queryAt = getBody === null || !json ? -1 : getBody.indexOf(EMPTY_QUERY_AT);
  if (type === "application/json" && queryAt < 0) return null;
  const etagAt = res.headers.findIndex(([n]) => n === "ETag");
  if (etagAt >= 0 && !probe.identity) return null;
  return {
    res,
    dateAt: res.headers.findIndex(([n]) => n === "Date"),
    etagAt,
    identity: probe.identity,
    queryAt: queryAt < 0 ? -1 : queryAt + EMPTY_QUERY_AT.length - 2,
    getBody,
  };
}

function fromShape(shape: Shape, req: SimRequest, url: SimUrl): SimResponse {
  const headers = shape.res.headers.slice();
  if (shape.dateAt >= 0) headers[shape.dateAt] = dateHeader(req);
  if (shape.etagAt >= 0 && shape.identity)
    headers[shape.etagAt] = ["ETag", resourceETag(`${shape.identity[0]}${url.search}${shape.identity[1]}`)];
  const res: SimResponse = { ...shape.res, headers };
  if (shape.queryAt >= 0 && shape.getBody !== null && url.search !== "") {
    const body = `${shape.getBody.slice(0, shape.queryAt)}${queryJson(url, "    ")}${shape.getBody.slice(shape.queryAt + 2)}`;
    if (res.body !== null) res.body = body;
    if (res.getLength !== undefined) res.getLength = utf8Length(body);
  }
  return res;
}

/** `simulate()` computed from scratch, never from a shape: what every shape must reproduce exactly. */
export function simulateUncached(req: SimRequest): SimResponse {
  return simulateFully(req);
}

function simulateFully(req: SimRequest, probe?: Probe, parsedUrl?: SimUrl): SimResponse {
  const url = parsedUrl ?? parseUrl(req.url);
  const header = headerLookup(req.headers);
  const method = req.method.toUpperCase();
  if (!isSimulatedMethod(method)) return methodNotAllowed(req);
  const selected = select(req, url, header);
  if (!selected.ok) return selected.response;
  const { options, requested, weighted } = selected;
  if (isPreflight(req)) return preflight(req, String(requested));

  const size = req.bodyBytes ?? (req.body !== undefined ? utf8Length(req.body) : 0);
  if (size > MAX_ECHO_BYTES) return contentTooLarge(req, size);

  const http10 = req.httpVersion === "1.0";
  const format = options.format ?? negotiateFormat(header("accept"));
  const ownCacheControl = options.headers.find(([n]) => n.toLowerCase() === "cache-control")?.[1];
  const echo = ownCacheControl === undefined || !storable(ownCacheControl);

  // 206, 416 and 304 answer only a range request or a condition; otherwise the 200 they stand for.
  const only = answersOnly(requested)?.request;
  const ranged = only === "range";
  // The simulated resource: a 201 says it was just created, so before the request it did not exist.
  const exists = requested !== 201;
  const ownETag = options.headers.find(([n]) => n.toLowerCase() === "etag")?.[1];
  const ownModified = options.headers.find(([n]) => n.toLowerCase() === "last-modified")?.[1];
  let status = requested < 200 || only !== undefined ? 200 : requested;
  // Validators are only compared and sent where the answer would be 2xx: computed only there.
  const validated = status >= 200 && status < 300;
  const etag = !validated
    ? ""
    : (ownETag ?? resourceETag(identity(requested, ranged ? "text" : format, url, header, probe)));
  const modifiedMs = !validated
    ? SIMULATED_LAST_MODIFIED_MS
    : (ownModified && parseHttpDate(ownModified)) ||
      Math.min(SIMULATED_LAST_MODIFIED_MS, req.now ? req.now.getTime() : Date.now());

  let note: string | undefined;
  // Preconditions only apply where the answer would otherwise be 2xx (RFC 9110 §13.2.1).
  if (status >= 200 && status < 300) {
    const current = exists ? etag : undefined;
    const pre = evaluatePreconditions({
      method,
      header,
      etag: current,
      lastModifiedMs: exists ? modifiedMs : undefined,
    });
    if (pre === "not-modified") status = 304;
    else if (pre === "failed") {
      status = 412;
      note = NOTE_412;
    }
  }
  if (only === "conditional" && status === 200) note = NOTE_304(etag);

  const bodyCtx: BodyCtx = {
    req,
    url,
    // HEAD gets the headers a GET would get (RFC 9110 §9.3.2), so they are computed from the GET's body.
    method: method === "HEAD" ? "GET" : method,
    requested,
    options,
    weighted,
    interimSent: false,
    interimWhy: undefined,
    echo,
    note,
  };

  // The representation byte ranges are cut from, and the range asked for (GET only, RFC 9110 §14.2).
  let representation: Rendered | undefined;
  let ranges: [number, number][] | undefined;
  if (ranged && status === 200) {
    representation = resourceRepresentation(bodyCtx);
    const range = header("range");
    if (method === "GET" && range !== undefined && ifRangePasses(header("if-range"), etag, modifiedMs)) {
      const r = parseRange(range, representation.body.length);
      if (r.kind === "unsatisfiable" || (requested === 416 && r.kind === "ranges")) status = 416;
      else if (r.kind === "ranges") {
        status = 206;
        ranges = r.ranges;
      }
    }
    if (status === 416) bodyCtx.note = NOTE_416(representation.body.length);
  }

  const interim: InterimResponse[] = [];
  if (requested < 200) {
    const expect100 = !http10 && /100-continue/i.test(header("expect") ?? "");
    if (http10)
      bodyCtx.interimWhy = "A server never sends an interim response to an HTTP/1.0 client (RFC 9110 §15.2).";
    else if (requested === 100 && !expect100)
      bodyCtx.interimWhy = "100 Continue is only sent to a request with Expect: 100-continue.";
    else if (!Object.hasOwn(INTERIM_SENT, requested))
      bodyCtx.interimWhy = `${requested} cannot be sent as an interim response by this server.`;
    else if (!req.canSendInterim)
      bodyCtx.interimWhy =
        "This endpoint cannot send interim responses (use the site's own server, npm start, for that).";
    else interim.push(INTERIM_SENT[requested as InterimResponse["status"]]());
    bodyCtx.interimSent = interim.length > 0;
  }

  // The origin has a clock, so Date goes on every response (RFC 9110 §6.6.1).
  const headers: HeaderList = [dateHeader(req)];
  let body: string | null = null;
  if (status === 206 && representation && ranges) {
    const [only] = ranges;
    const total = representation.body.length;
    if (ranges.length === 1 && only) {
      body = representation.body.slice(only[0], only[1] + 1);
      headers.push(
        ["Content-Type", representation.type],
        ["Content-Range", `bytes ${only[0]}-${only[1]}/${total}`],
      );
    } else {
      const boundary = `statuscodes-${etag.replace(/[^0-9a-z]/gi, "")}`;
      body = multipartBody(representation.body, representation.type, ranges, boundary);
      headers.push(["Content-Type", `multipart/byteranges; boundary=${boundary}`]);
    }
  } else if (status === 200 && representation) {
    body = representation.body;
    headers.push(["Content-Type", representation.type]);
  } else if (!forbidsContent(status)) {
    const rendered = renderBody(bodyCtx, status, format);
    body = rendered.body;
    headers.push(["Content-Type", rendered.type]);
  }
  if (status === 416 && representation)
    headers.push(["Content-Range", `bytes */${representation.body.length}`]);
  if (ranged) headers.push(["Accept-Ranges", "bytes"]);
  // Validators of the selected representation; a 304 repeats the ETag (RFC 9110 §15.4.5).
  if (exists && ((status >= 200 && status < 300) || status === 304)) {
    headers.push(["ETag", etag]);
    if (status !== 304)
      headers.push([
        "Last-Modified",
        modifiedMs === SIMULATED_LAST_MODIFIED_MS
          ? SIMULATED_LAST_MODIFIED
          : new Date(modifiedMs).toUTCString(),
      ]);
  }
  const own = codeHeaders(status, method, options);
  const location = own.some(([n]) => n === "Location");
  const vary = varyOn({ options, url, location, status, requested, weighted: weighted !== undefined });
  if (vary) headers.push(["Vary", vary]);

  headers.push(...own);
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
    reusable: options.delayMs === 0 && interim.length === 0 && weighted === undefined && size === 0,
  };
  if (method === "HEAD" && body !== null) res.getLength = utf8Length(body);
  if (probe) probe.getBody = body;
  return res;
}

/** The simulated resource's identity, which its ETag hashes: what selects its representation. */
function identity(
  requested: number,
  format: string,
  url: SimUrl,
  header: (name: string) => string | undefined,
  probe: Probe | undefined,
): string {
  const head = `${requested}\n${format}\n${url.pathname}`;
  const tail = `\n${simulateHeaders(url, header)}`;
  if (probe) probe.identity = [head, tail];
  return `${head}${url.search}${tail}`;
}
