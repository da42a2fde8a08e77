/**
 * What a correct handler for each status code does, independent of any framework: the situation the
 * code really answers (the route, and the request that leads to the code), the condition the handler
 * tests, what it answers then and otherwise, and the notes that go with it. The four renderers turn
 * this into Express, FastAPI, Spring Boot and Go code; the proofs send `scenario` to each and check
 * the answer, so every language says, and does, the same thing for every code.
 */
import {
  getStatus,
  headerRows,
  nothingReachesClient,
  reasonPhrase,
  sentByIntermediary,
  type StatusInfo,
} from "../registry";
import { slugify } from "../slug";

export type BodySpec =
  | { kind: "none" }
  | { kind: "json"; contentType: string; value: Record<string, unknown> }
  | { kind: "text"; contentType: string; value: string };

/** A final answer: either a success/redirect response, or an RFC 9457 problem (status >= 400). */
export type Answer =
  | { kind: "response"; status: number; headers: [string, string][]; body: BodySpec }
  | {
      kind: "problem";
      status: number;
      headers: [string, string][];
      type: string;
      title: string;
      detail: string;
    };

/** What the handler tests about the request before it answers the code. */
export type Condition =
  /** The header is absent. */
  | { kind: "header-missing"; name: string }
  /** The header (If-Match) is present and lists neither the entity-tag `value` (strong comparison) nor `*`. */
  | { kind: "header-mismatch"; name: string; value: string }
  /** The comma-separated header lists `token` (case-insensitive). */
  | { kind: "header-lists"; name: string; token: string }
  /** The request has no Content-Length (e.g. a chunked body). */
  | { kind: "no-content-length" }
  /** The declared Content-Length is larger than `limit` bytes. */
  | { kind: "content-length-over"; limit: number }
  /** The request's media type is not `type`. */
  | { kind: "content-type-not"; type: string }
  /** Accept is present and accepts neither `type` nor any type. */
  | { kind: "accept-excludes"; type: string }
  /** The request target is longer than `limit` characters. */
  | { kind: "target-over"; limit: number }
  /** Expect carries something other than 100-continue. */
  | { kind: "expect-unknown" };

export type Flow =
  /** Always answer `answer` on this route: the route itself is the situation (a refused method, a gone page). */
  | { kind: "plain" }
  /** Answer `answer` when `when` holds, else `otherwise`. */
  | { kind: "guarded"; when: Condition; otherwise: Answer }
  /** 304: compare If-None-Match with the current ETag; 304 if it matches, else a 200 with the body. */
  | { kind: "conditional"; etag: string; cacheControl: string; okBody: BodySpec }
  /** 206 and 416: serve `representation` honouring Range (206 for a satisfiable range, 416 otherwise, 200 without Range). */
  | { kind: "range"; representation: string; contentType: string }
  /** 1xx: send an interim response where the framework can, then the final response. */
  | { kind: "interim"; interim: number; interimHeaders: [string, string][]; supported: InterimSupport }
  /**
   * Codes that intermediaries (proxies, CDNs, nginx) generate about the origin: the application's part
   * is to be healthy and say so; `answer` is a health check the proxy can probe.
   */
  | { kind: "app-side" }
  /** 429: a fixed-window limiter per client address; over `limit` requests in the window, `answer` with Retry-After. */
  | { kind: "rate-limit"; limit: number; windowSeconds: number; okAnswer: Answer };

export interface InterimSupport {
  express: boolean;
  go: boolean;
  fastapi: boolean;
  spring: boolean;
}

/** A request as a client sends it. `chunked` sends the body without Content-Length. */
export interface ScenarioRequest {
  method: string;
  path: string;
  headers: [string, string][];
  body?: string;
  chunked?: boolean;
}

export interface SnippetSpec {
  code: number;
  reason: string;
  /** The route the handler is registered on. */
  route: { method: string; path: string };
  /** The request that leads to this code: what the proofs send. */
  scenario: ScenarioRequest;
  /** A request on the same route that must not get this code, and what it gets instead. */
  control?: { request: ScenarioRequest; status: number };
  /** More such requests (e.g. If-Match: * for 412). */
  moreControls?: { request: ScenarioRequest; status: number }[];
  /** The status the scenario's final response carries: the code itself, except for 1xx (200), 208 (207) and app-side codes (the health check's 200). */
  sentStatus: number;
  /** What the handler answers when the situation holds. */
  answer: Answer;
  flow: Flow;
  /** Comment lines put at the top of every language's snippet. */
  notes: string[];
  /** Per-language notes, after the common ones. */
  langNotes: Partial<Record<"express" | "fastapi" | "spring" | "go", string[]>>;
  /** Inspector findings the answer is expected to carry (a deprecated or reserved code is flagged as such). */
  expectedFindings: string[];
  /** Languages whose server itself answers the scenario before any handler runs. */
  serverAnswers: ("express" | "fastapi" | "spring" | "go")[];
}

/** The framework versions the snippets are written for and proven on (named on every page). */
export const FRAMEWORK_VERSIONS = {
  express: "Express 5.1 (Node 20+)",
  fastapi: "FastAPI 0.165 with uvicorn 0.54",
  spring: "Spring Boot 3.5 (Spring Framework 6.2, Tomcat 10.1)",
  go: "Go 1.22+ net/http (proven on 1.26)",
} as const;

const ORDER_PATH = "/orders/8412";
const ORDER = { id: 8412, status: "shipped" };
const ETAG = '"v42"';
const PARTIAL_REPRESENTATION = "abcdefghijklmnopqrstuvwxyz";
/** The upload limit the 413 snippet enforces (bytes). */
export const UPLOAD_LIMIT = 1024 * 1024;

const DETAILS: Record<number, string> = {
  400: "The 'quantity' field must be a positive integer.",
  401: "Send a valid access token in the Authorization header.",
  402: "The subscription for this account has lapsed.",
  403: "Your account may read orders but not cancel them.",
  404: "There is no order 9999.",
  405: "Orders cannot be deleted; cancel them with POST /orders/8412/cancel.",
  406: "This resource is only available as application/json.",
  407: "The proxy needs credentials before it forwards this request.",
  408: "The request took too long to arrive. Send it again.",
  409: "Order 8412 was already shipped and can no longer be edited.",
  410: "Order 8412 was deleted on purpose and will not come back.",
  411: "Send the upload with a Content-Length header.",
  412: "The order changed since you read it (ETag mismatch). Read it again, then retry.",
  413: "Uploads are limited to 1 MiB.",
  414: "The query string is too long; send the filter in a POST body instead.",
  415: "Send the order as application/json.",
  416: "The requested range starts beyond the end of the file.",
  417: "This server cannot meet the Expect header's expectation.",
  418: "This server refuses to brew coffee.",
  421: "This connection cannot serve that host name; retry on a new connection.",
  422: "The 'ship_by' date is in the past.",
  423: "The order is locked while a refund is processed.",
  424: "The update failed because an earlier step of the batch failed.",
  425: "This request was sent in TLS early data; resend it after the handshake.",
  426: "This endpoint requires a newer protocol; upgrade and retry.",
  428: "Send If-Match with the order's ETag to update it.",
  429: "You sent more than 100 requests in a minute; Retry-After says when you may send more.",
  431: "The Cookie header is too large.",
  451: "This content is unavailable in your country following a court order.",
  500: "An unexpected error occurred. It has been logged.",
  501: "This server does not implement the PURGE method.",
  503: "The service is down for maintenance. Retry after two minutes.",
  505: "This server only supports HTTP/1.1 and HTTP/2.",
  506: "The server's content negotiation is misconfigured.",
  507: "The server has no room left to store this upload.",
  508: "The operation stopped because it found an infinite loop.",
  510: "The policy for this resource was not met: the request must declare the mandatory extension it uses.",
};

/** The problem's title: the registered reason phrase, or a plain summary where there is none. */
function problemTitle(info: StatusInfo | undefined, code: number): string {
  // 418's registered entry is "(Unused)"; "I'm a teapot" was HTCPCP's, never HTTP's.
  if (code === 418) return "Refusing to brew coffee";
  if (info && info.lifecycle === "reserved") return `Unused status ${code}`;
  return (info?.reason ?? reasonPhrase(code)).replace(/\s*\(OBSOLETED\)$/, "");
}

function problem(code: number, headers: [string, string][] = []): Answer {
  const title = problemTitle(getStatus(code), code);
  return {
    kind: "problem",
    status: code,
    headers,
    type: `https://example.com/problems/${slugify(title)}`,
    title,
    detail: DETAILS[code] ?? `${title}.`,
  };
}

const json = (value: Record<string, unknown>): BodySpec => ({
  kind: "json",
  contentType: "application/json",
  value,
});

const respond = (
  status: number,
  headers: [string, string][] = [],
  body: BodySpec = { kind: "none" },
): Answer => ({
  kind: "response",
  status,
  headers,
  body,
});

const req = (
  method: string,
  path: string,
  headers: [string, string][] = [],
  body?: string,
  chunked?: boolean,
): ScenarioRequest => ({
  method,
  path,
  headers,
  ...(body !== undefined ? { body } : {}),
  ...(chunked ? { chunked } : {}),
});

/**
 * The code-specific headers a correct response carries, from the registry with its example values;
 * `values` replaces the example where this snippet's situation needs another (e.g. its own Location).
 */
function rows(code: number, values: Record<string, string> = {}): [string, string][] {
  return headerRows(code).map((r): [string, string] => [r.header, values[r.header] ?? r.value]);
}

const JSON_BODY: [string, string][] = [["Content-Type", "application/json"]];
const NEW_ORDER = '{"item":"book","quantity":1}';

/** A health check: what an application behind a proxy offers so the proxy can route around a bad instance. */
const HEALTH: Answer = respond(200, [["Cache-Control", "no-store"]], json({ status: "ok" }));

interface Situation {
  route: { method: string; path: string };
  scenario: ScenarioRequest;
  answer: Answer;
  flow?: Flow;
  control?: { request: ScenarioRequest; status: number };
  moreControls?: { request: ScenarioRequest; status: number }[];
  notes?: string[];
  langNotes?: SnippetSpec["langNotes"];
  serverAnswers?: SnippetSpec["serverAnswers"];
}

const get = (path: string, headers: [string, string][] = []) => req("GET", path, headers);

function guarded(
  route: { method: string; path: string },
  trigger: ScenarioRequest,
  answer: Answer,
  when: Condition,
  otherwise: Answer,
  controlRequest: ScenarioRequest,
): Situation {
  return {
    route,
    scenario: trigger,
    answer,
    flow: { kind: "guarded", when, otherwise },
    control: { request: controlRequest, status: otherwise.status },
  };
}

/** A readable order: revalidated on every use (no-cache) against its ETag. */
const OK_ORDER = respond(
  200,
  [
    ["ETag", ETAG],
    ["Cache-Control", "no-cache"],
  ],
  json(ORDER),
);
const UPDATED = respond(204);

/** 206 and 416: a GET of a file with a Range, which the framework's range support answers. */
function rangeSituation(
  range: string,
  answer: Answer,
  byServer: Pick<Situation, "langNotes" | "serverAnswers">,
  note: string,
): Situation {
  return {
    route: { method: "GET", path: "/files/alphabet.txt" },
    scenario: get("/files/alphabet.txt", [["Range", range]]),
    answer,
    flow: {
      kind: "range",
      representation: PARTIAL_REPRESENTATION,
      contentType: "text/plain; charset=utf-8",
    },
    control: { request: get("/files/alphabet.txt"), status: 200 },
    ...byServer,
    notes: [note],
  };
}

function appSide(code: number, info: StatusInfo | undefined, by?: string): Situation {
  const who = by ?? info?.origin ?? "a proxy or gateway";
  return {
    route: { method: "GET", path: "/healthz" },
    scenario: get("/healthz"),
    answer: HEALTH,
    flow: { kind: "app-side" },
    notes: [
      `${code} is generated by ${who} about the server behind it, not by the application: do not send it from your handlers.`,
      nothingReachesClient(code)
        ? "It is only ever written in the proxy's log. What the application can do: answer quickly and stop work when the client has gone."
        : "What the application can do: answer quickly, and offer a health check so the proxy stops routing to a failing instance.",
    ],
  };
}

/** The situation each code answers. Codes not listed: a GET of an order answered with the code. */
function situation(code: number, info: StatusInfo | undefined): Situation | undefined {
  const order = { method: "GET", path: ORDER_PATH };
  switch (code) {
    case 200:
      return { route: order, scenario: get(ORDER_PATH), answer: OK_ORDER };
    case 201:
      return {
        route: { method: "POST", path: "/orders" },
        scenario: req("POST", "/orders", JSON_BODY, NEW_ORDER),
        answer: respond(201, rows(201), json({ id: 8412, status: "received" })),
      };
    case 202:
      return {
        route: { method: "POST", path: "/reports" },
        scenario: req("POST", "/reports", JSON_BODY, '{"month":"2026-11"}'),
        answer: respond(202, [], json({ status: "queued", monitor: "/jobs/71" })),
        notes: ["The body links to where the client can follow the job; Location has no meaning on a 202."],
      };
    case 204:
      return {
        route: { method: "DELETE", path: ORDER_PATH },
        scenario: req("DELETE", ORDER_PATH),
        answer: respond(204),
      };
    case 205:
      return {
        route: { method: "POST", path: "/feedback" },
        scenario: req("POST", "/feedback", JSON_BODY, '{"text":"Great service"}'),
        answer: respond(205),
        notes: ["No body: the client should reset the form or view that sent the request."],
      };
    case 206:
      return rangeSituation(
        "bytes=0-9",
        respond(206, rows(206), {
          kind: "text",
          contentType: "text/plain; charset=utf-8",
          value: PARTIAL_REPRESENTATION.slice(0, 10),
        }),
        {},
        "Only a GET with a satisfiable Range gets 206; without Range the answer is a 200, and a range past the end is a 416.",
      );
    case 416:
      return rangeSituation(
        "bytes=100-",
        problem(416, rows(416)),
        {
          langNotes: {
            go: ["ServeContent writes this 416 itself, as text/plain with the Content-Range."],
            spring: [
              "Spring MVC writes this 416 itself with the Content-Range; note that it sends the whole file as the",
              "416's body (Spring 6.2): to answer with a problem instead, check the Range before returning the Resource.",
            ],
          },
          serverAnswers: ["go", "spring"],
        },
        "A Range that starts past the end gets 416 with Content-Range: bytes */<length>; the framework's range support does it.",
      );
    case 207:
    case 208:
      return {
        route: { method: "POST", path: "/files/batch" },
        scenario: req("POST", "/files/batch", JSON_BODY, '{"lock":["/files/a.txt","/files/b.txt"]}'),
        answer: respond(207, [], {
          kind: "text",
          contentType: "application/xml; charset=utf-8",
          value:
            '<?xml version="1.0" encoding="utf-8"?>\n' +
            '<D:multistatus xmlns:D="DAV:">\n' +
            "  <D:response>\n" +
            "    <D:href>/files/a.txt</D:href>\n" +
            "    <D:status>HTTP/1.1 200 OK</D:status>\n" +
            "  </D:response>\n" +
            "  <D:response>\n" +
            "    <D:href>/files/b.txt</D:href>\n" +
            `    <D:status>HTTP/1.1 ${code === 208 ? "208 Already Reported" : "423 Locked"}</D:status>\n` +
            "  </D:response>\n" +
            "</D:multistatus>",
        }),
        notes:
          code === 208
            ? [
                "208 only appears inside a 207 Multi-Status body, for a member already listed; the response itself is a 207.",
              ]
            : [],
      };
    case 226:
      return guarded(
        order,
        get(ORDER_PATH, [["A-IM", "feed"]]),
        respond(226, rows(226), json({ ...ORDER, changed: ["status"] })),
        { kind: "header-lists", name: "A-IM", token: "feed" },
        respond(
          200,
          [
            ["ETag", '"v43"'],
            ["Cache-Control", "no-cache"],
          ],
          json(ORDER),
        ),
        get(ORDER_PATH),
      );
    case 300:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: respond(
          300,
          [...rows(300), ["Cache-Control", "max-age=3600"]],
          json({ choices: ["/orders/8412.json", "/orders/8412.xml"] }),
        ),
      };
    case 301:
    case 308:
      return {
        route: { method: "GET", path: "/old-orders/8412" },
        scenario: get("/old-orders/8412"),
        answer: respond(code, [...rows(code), ["Cache-Control", "max-age=86400"]]),
      };
    case 302:
      return {
        route: { method: "GET", path: "/account" },
        scenario: get("/account"),
        answer: respond(302, rows(302, { Location: "/login?next=/account" })),
      };
    case 303:
      return {
        route: { method: "POST", path: "/orders/8412/cancel" },
        scenario: req("POST", "/orders/8412/cancel"),
        answer: respond(303, rows(303, { Location: ORDER_PATH })),
        notes: ["After a POST, 303 sends the client to GET the result (Post/Redirect/Get)."],
      };
    case 307:
      return {
        route: { method: "POST", path: "/v1/orders" },
        scenario: req("POST", "/v1/orders", JSON_BODY, NEW_ORDER),
        answer: respond(307, rows(307, { Location: "/v2/orders" })),
        notes: ["307 keeps the method and body: the client repeats this POST at the new URI."],
      };
    case 304:
      return {
        route: order,
        scenario: get(ORDER_PATH, [["If-None-Match", ETAG]]),
        answer: respond(304, [
          ["ETag", ETAG],
          ["Cache-Control", "max-age=60"],
        ]),
        flow: { kind: "conditional", etag: ETAG, cacheControl: "max-age=60", okBody: json(ORDER) },
        control: { request: get(ORDER_PATH), status: 200 },
        notes: [
          "Answer 304 only to a conditional GET or HEAD whose validator still matches, with the ETag and Cache-Control a 200 would carry.",
        ],
      };
    case 401:
      return {
        notes: ["Verify the token for real where this only checks that one was sent."],
        ...guarded(
          order,
          get(ORDER_PATH),
          problem(401, rows(401)),
          { kind: "header-missing", name: "Authorization" },
          OK_ORDER,
          get(ORDER_PATH, [["Authorization", "Bearer abc123"]]),
        ),
      };
    case 403:
      return {
        route: { method: "POST", path: "/orders/8412/refund" },
        scenario: req("POST", "/orders/8412/refund", [["Authorization", "Bearer abc123"]]),
        answer: problem(403),
      };
    case 404:
      return {
        route: { method: "GET", path: "/orders/9999" },
        scenario: get("/orders/9999"),
        answer: problem(404, [["Cache-Control", "max-age=60"]]),
      };
    case 405:
      return {
        route: { method: "DELETE", path: ORDER_PATH },
        scenario: req("DELETE", ORDER_PATH),
        answer: problem(405, rows(405)),
        notes: ["Register this for the refused method: Allow lists the methods the resource does support."],
      };
    case 406:
      return guarded(
        order,
        get(ORDER_PATH, [["Accept", "text/csv"]]),
        problem(406),
        { kind: "accept-excludes", type: "application/json" },
        OK_ORDER,
        get(ORDER_PATH, [["Accept", "application/json"]]),
      );
    case 203:
      return {
        ...appSide(203, info, "a transforming proxy that changed the origin's 200"),
        notes: [
          "203 is sent by a transforming proxy that changed the origin's 200, not by the origin: an application answers 200.",
          "What the application can do: Cache-Control: no-transform asks proxies to leave its responses alone.",
        ],
      };
    case 402:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: problem(402),
        notes: [
          "402 is reserved for future use by RFC 9110 and has no standard meaning; an API that sends it for billing does so by its own convention.",
        ],
      };
    case 407:
      return {
        ...appSide(407, info),
        notes: [
          "407 is sent by a forward proxy that wants credentials, never by an origin server: an application asks with 401.",
          "What the application can do: nothing about 407 itself; a client behind such a proxy configures its credentials.",
        ],
      };
    case 409:
      return {
        route: { method: "PUT", path: ORDER_PATH },
        scenario: req("PUT", ORDER_PATH, JSON_BODY, '{"item":"book","quantity":2}'),
        answer: problem(409),
      };
    case 411:
      return guarded(
        { method: "POST", path: "/uploads" },
        req("POST", "/uploads", [["Content-Type", "application/octet-stream"]], "0123456789", true),
        problem(411),
        { kind: "no-content-length" },
        respond(201, [["Location", "/uploads/1"]]),
        req("POST", "/uploads", [["Content-Type", "application/octet-stream"]], "0123456789"),
      );
    case 412:
      return {
        ...guarded(
          { method: "PUT", path: ORDER_PATH },
          req("PUT", ORDER_PATH, [...JSON_BODY, ["If-Match", '"v41"']], '{"item":"book","quantity":2}'),
          problem(412),
          { kind: "header-mismatch", name: "If-Match", value: ETAG },
          UPDATED,
          req("PUT", ORDER_PATH, [...JSON_BODY, ["If-Match", ETAG]], '{"item":"book","quantity":2}'),
        ),
        // If-Match is a list, * matches any current representation, and the comparison is strong.
        moreControls: [
          { request: req("PUT", ORDER_PATH, [...JSON_BODY, ["If-Match", "*"]], "{}"), status: 204 },
          {
            request: req("PUT", ORDER_PATH, [...JSON_BODY, ["If-Match", `"v1", ${ETAG}`]], "{}"),
            status: 204,
          },
          { request: req("PUT", ORDER_PATH, [...JSON_BODY, ["If-Match", `W/${ETAG}`]], "{}"), status: 412 },
        ],
      };
    case 428:
      return guarded(
        { method: "PUT", path: ORDER_PATH },
        req("PUT", ORDER_PATH, JSON_BODY, '{"item":"book","quantity":2}'),
        problem(428),
        { kind: "header-missing", name: "If-Match" },
        UPDATED,
        req("PUT", ORDER_PATH, [...JSON_BODY, ["If-Match", ETAG]], '{"item":"book","quantity":2}'),
      );
    case 413:
      return {
        ...guarded(
          { method: "POST", path: "/uploads" },
          req(
            "POST",
            "/uploads",
            [["Content-Type", "application/octet-stream"]],
            "x".repeat(UPLOAD_LIMIT + 1),
          ),
          problem(413),
          { kind: "content-length-over", limit: UPLOAD_LIMIT },
          respond(201, [["Location", "/uploads/1"]]),
          req("POST", "/uploads", [["Content-Type", "application/octet-stream"]], "0123456789"),
        ),
        notes: [
          "Content-Length lets the server refuse before reading; a chunked body has none, so cap the read too",
          "(express.raw({ limit }), http.MaxBytesReader, or counting bytes as they arrive).",
        ],
      };
    case 414:
      return guarded(
        { method: "GET", path: "/search" },
        get(`/search?q=${"a".repeat(3000)}`),
        problem(414, [["Cache-Control", "no-store"]]),
        { kind: "target-over", limit: 2048 },
        respond(200, [["Cache-Control", "max-age=60"]], json({ results: [] })),
        get("/search?q=book"),
      );
    case 415:
      return guarded(
        { method: "POST", path: "/orders" },
        req("POST", "/orders", [["Content-Type", "text/plain"]], "book x1"),
        problem(415, [["Accept-Post", "application/json"]]),
        { kind: "content-type-not", type: "application/json" },
        respond(201, [["Location", ORDER_PATH]], json({ id: 8412, status: "received" })),
        req("POST", "/orders", JSON_BODY, NEW_ORDER),
      );
    case 417:
      return {
        ...guarded(
          { method: "POST", path: "/uploads" },
          req(
            "POST",
            "/uploads",
            [
              ["Content-Type", "application/octet-stream"],
              ["Expect", "x-custom"],
            ],
            "0123456789",
          ),
          problem(417),
          { kind: "expect-unknown" },
          respond(201, [["Location", "/uploads/1"]]),
          req("POST", "/uploads", [["Content-Type", "application/octet-stream"]], "0123456789"),
        ),
        notes: ["HTTP defines one expectation, 100-continue; any other Expect gets 417."],
        langNotes: {
          express: [
            "Node's http server answers 417 itself to an unknown Expect, before Express runs (listen for the",
            "server's 'checkExpectation' event to decide yourself); this check covers servers in front that pass it on.",
          ],
          go: [
            "Go's server answers 417 itself to an unknown Expect, before the handler runs; this check is a fallback.",
          ],
          spring: [
            "Tomcat answers 417 itself to an unknown Expect, before Spring runs; this check is a fallback.",
          ],
        },
        serverAnswers: ["express", "go", "spring"],
      };
    case 425:
      return guarded(
        { method: "POST", path: "/payments" },
        req("POST", "/payments", [...JSON_BODY, ["Early-Data", "1"]], '{"amount":10}'),
        problem(425),
        { kind: "header-lists", name: "Early-Data", token: "1" },
        respond(201, [["Location", "/payments/5"]], json({ id: 5 })),
        req("POST", "/payments", JSON_BODY, '{"amount":10}'),
      );
    case 426:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: problem(426, rows(426)),
      };
    case 429:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: problem(429, rows(429)),
        flow: { kind: "rate-limit", limit: 100, windowSeconds: 60, okAnswer: OK_ORDER },
        notes: [
          "A fixed-window limiter: at most 100 requests a minute per client address; over it, 429 with the",
          "seconds until the window ends in Retry-After. In production keep the counters in a shared store",
          "with expiry (e.g. Redis), or use express-rate-limit, slowapi, Bucket4j or golang.org/x/time/rate.",
        ],
      };
    case 451:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: problem(451, [...rows(451), ["Cache-Control", "max-age=3600"]]),
      };
    case 500:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: problem(500),
        notes: [
          "A handler that fails unexpectedly: the error handler answers 500 and keeps the details in the log.",
        ],
      };
    case 501:
      return {
        route: { method: "PURGE", path: ORDER_PATH },
        scenario: req("PURGE", ORDER_PATH),
        answer: problem(501),
        notes: [
          "501 is for a method the server does not implement for any resource; a known method the resource refuses is a 405.",
        ],
      };
    case 503:
      return {
        route: order,
        scenario: get(ORDER_PATH),
        answer: problem(503, rows(503)),
        notes: ["During maintenance: say when to come back with Retry-After."],
      };
    case 511:
      return {
        route: { method: "GET", path: "/portal" },
        scenario: get("/portal"),
        answer: respond(
          511,
          [
            ["Cache-Control", "no-store"],
            ["Content-Security-Policy", "frame-ancestors 'none'"],
          ],
          {
            kind: "text",
            contentType: "text/html; charset=utf-8",
            value:
              '<!doctype html><title>Network login</title><p>Log in to the network first: <a href="https://portal.example.net/login">network login</a></p>',
          },
        ),
        notes: [
          "511 is for the captive portal of a network (an intercepting gateway), not for a website: origin servers should not send it.",
          "The response should link to where the user logs in to the network, and must not be cached.",
        ],
      };
    default:
      break;
  }
  if (info && sentByIntermediary(code)) return appSide(code, info);
  return undefined;
}

function notesFor(info: StatusInfo | undefined, code: number): string[] {
  const notes: string[] = [];
  if (!info) return notes;
  if (info.lifecycle === "reserved")
    notes.push(`${code} is reserved and has no meaning in HTTP: do not send it from a real API.`);
  if (info.lifecycle === "deprecated")
    notes.push(`${code} is deprecated: do not use it in new code (this page says what to use instead).`);
  if (info.lifecycle === "obsoleted") notes.push(`${code} is obsoleted: do not use it in new code.`);
  if (!info.official && info.onWire !== false) {
    notes.push(
      `${code} is unofficial (${info.origin ?? "a vendor convention"}): generic clients treat it as ${Math.floor(code / 100)}00.`,
    );
  }
  return notes;
}

function interimSpec(code: number, reason: string, notes: string[]): SnippetSpec {
  const interimHeaders: [string, string][] = code === 103 ? rows(103) : [];
  const base = {
    code,
    reason,
    sentStatus: 200,
    control: undefined,
    serverAnswers: [] as SnippetSpec["serverAnswers"],
    expectedFindings: [] as string[],
  };
  notes.unshift(`${code} is an interim response: it can precede the final response but never replace it.`);
  if (code === 100) {
    return {
      ...base,
      route: { method: "POST", path: "/uploads" },
      scenario: req(
        "POST",
        "/uploads",
        [
          ["Content-Type", "application/octet-stream"],
          ["Expect", "100-continue"],
        ],
        "0123456789",
      ),
      answer: respond(201, [["Location", "/uploads/1"]], json({ received: 10 })),
      flow: {
        kind: "interim",
        interim: 100,
        interimHeaders,
        supported: { express: true, go: true, fastapi: true, spring: true },
      },
      sentStatus: 201,
      notes: [
        ...notes,
        "The client sent Expect: 100-continue and waits before sending the body; the server sends the 100, the handler only reads the body.",
      ],
      langNotes: {
        express: [
          "Node sends 100 Continue as soon as the headers arrive, unless the server handles 'checkContinue'",
          "(then call res.writeContinue() after checking the headers, or answer 417/413 without it).",
        ],
        go: [
          "Go sends 100 Continue when the handler first reads r.Body; a handler that answers without reading sends none.",
        ],
        fastapi: ["uvicorn sends 100 Continue when the app first reads the body."],
        spring: ["Tomcat sends 100 Continue by itself (continueResponseTiming decides when)."],
      },
    };
  }
  const order = { method: "GET", path: ORDER_PATH };
  const langNotes: SnippetSpec["langNotes"] = {};
  let supported: InterimSupport = { express: false, go: false, fastapi: false, spring: false };
  let route = order;
  let scenario = get(ORDER_PATH);
  let sentStatus = base.sentStatus;
  let answer: Answer = OK_ORDER;
  if (code === 101) {
    route = { method: "GET", path: "/chat" };
    scenario = get("/chat");
    sentStatus = 426;
    answer = problem(426, rows(426));
    notes.push(
      "Switching protocols takes over the connection: a WebSocket library does the handshake and sends the 101.",
      "This handler is that endpoint's answer to a plain request without Upgrade: 426, naming the protocol.",
    );
    langNotes.express = [
      "With Node, upgrades arrive as the http server's 'upgrade' event (e.g. the ws package), not as Express routes.",
    ];
    langNotes.fastapi = [
      "With FastAPI, declare @app.websocket(...) and await websocket.accept() (uvicorn needs the websockets package).",
    ];
    langNotes.spring = ["With Spring, use spring-boot-starter-websocket and register a WebSocketHandler."];
    langNotes.go = [
      "With Go, a handler upgrades by taking over the connection (http.ResponseController(w).Hijack()) after",
      "checking the Upgrade request; a WebSocket package does the handshake and the 101 for you.",
    ];
  } else if (code === 102) {
    supported = { express: true, go: true, fastapi: false, spring: false };
    notes.push(
      "102 tells a client that a long request is still being processed; send it, then the final response.",
    );
    langNotes.fastapi = ["ASGI servers have no way for an app to send 102; uvicorn sends none."];
    langNotes.spring = ["The Servlet API has no call that sends 102; Tomcat sends none."];
  } else if (code === 103) {
    supported = { express: true, go: true, fastapi: false, spring: true };
    answer = { ...OK_ORDER, headers: [...OK_ORDER.headers, ...rows(103)] };
    notes.push(
      "Early Hints carry Link headers the browser can act on while the server prepares the final response.",
    );
    langNotes.fastapi = [
      "Starlette's request.send_early_hints() sends a 103 only where the server offers the ASGI early-hint",
      "extension: uvicorn 0.54 does over HTTP/2 only, so over HTTP/1.1 this call sends nothing.",
    ];
    langNotes.spring = [
      "Tomcat 10.1 (Spring Boot 3) sends a 103 for sendError(103) and lets the handler go on; Servlet 6.1",
      "names it response.sendEarlyHints() (Tomcat 11, Spring Boot 4).",
    ];
  } else if (code === 104) {
    supported = { express: false, go: true, fastapi: false, spring: false };
    notes.push("104 belongs to the resumable-uploads draft; only servers that implement it send it.");
    langNotes.express = ["Node's http server can send 100, 102 and 103, not 104."];
    langNotes.fastapi = ["ASGI servers have no way for an app to send 104."];
    langNotes.spring = ["The Servlet API has no call that sends 104."];
  }
  return {
    ...base,
    route,
    scenario,
    sentStatus,
    answer,
    flow: { kind: "interim", interim: code, interimHeaders, supported },
    notes,
    langNotes,
  };
}

/** The framework-independent description of a correct handler for `code`. */
export function snippetSpec(code: number): SnippetSpec {
  const info = getStatus(code);
  const reason = info?.reason ?? reasonPhrase(code);
  const notes = notesFor(info, code);
  if (code < 200) return interimSpec(code, reason, notes);

  const s = situation(code, info);
  // A code caches may store by default gets explicit freshness, so no cache has to guess.
  const freshness: [string, string][] = info?.heuristicallyCacheable ? [["Cache-Control", "max-age=60"]] : [];
  const fallbackAnswer: Answer =
    code >= 400
      ? problem(code, freshness)
      : respond(code, [...rows(code), ...freshness], code >= 300 ? { kind: "none" } : json(ORDER));
  const sit: Situation = s ?? {
    route: { method: "GET", path: ORDER_PATH },
    scenario: get(ORDER_PATH),
    answer: fallbackAnswer,
  };
  const flow = sit.flow ?? { kind: "plain" };
  return {
    code,
    reason,
    route: sit.route,
    scenario: sit.scenario,
    ...(sit.control ? { control: sit.control } : {}),
    ...(sit.moreControls ? { moreControls: sit.moreControls } : {}),
    sentStatus: flow.kind === "app-side" ? 200 : sit.answer.status,
    answer: sit.answer,
    flow,
    notes: [...notes, ...(sit.notes ?? [])],
    langNotes: sit.langNotes ?? {},
    serverAnswers: sit.serverAnswers ?? [],
    expectedFindings: info && ["deprecated", "reserved"].includes(info.lifecycle) ? ["status.lifecycle"] : [],
  };
}

/** The body a response answer carries, for the checks (problems are JSON). */
export function answerBody(a: Answer): BodySpec {
  if (a.kind === "response") return a.body;
  return {
    kind: "json",
    contentType: "application/problem+json",
    value: { type: a.type, title: a.title, status: a.status, detail: a.detail },
  };
}
