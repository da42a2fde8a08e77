/**
 * What a correct handler for each status code does, independent of any framework: the status it
 * sends, the headers it sets (with example values), and its body. The four renderers turn this into
 * Express, FastAPI, Spring Boot and Go code, so every language says the same thing for every code.
 */
import { forbidsContent, getStatus, headerRows, reasonPhrase, type StatusInfo } from "../registry";

export type BodySpec =
  | { kind: "none" }
  | { kind: "json"; contentType: string; value: Record<string, unknown> }
  | { kind: "text"; contentType: string; value: string };

export type Flow =
  /** Always answer with `status`. */
  | { kind: "plain" }
  /** 304: compare If-None-Match with the current ETag; 304 if it matches, else a 200 with the body. */
  | { kind: "conditional"; etag: string; cacheControl: string; okBody: BodySpec }
  /** 1xx: send an interim response where the framework can, then the final response. */
  | { kind: "interim"; interim: number; interimHeaders: [string, string][]; supported: InterimSupport };

export interface InterimSupport {
  express: boolean;
  go: boolean;
  fastapi: boolean;
  spring: boolean;
}

export interface SnippetSpec {
  code: number;
  reason: string;
  /** The status the handler actually sends: the code itself, except for 1xx (final 200) and 208 (inside a 207). */
  sentStatus: number;
  headers: [string, string][];
  body: BodySpec;
  flow: Flow;
  /** Comment lines put at the top of every language's snippet. */
  notes: string[];
}

/** The example route every snippet answers on. */
export const EXAMPLE_PATH = "/orders/8412";

const PARTIAL_REPRESENTATION = "abcdefghijklmnopqrstuvwxyz";

const DETAILS: Record<number, string> = {
  400: "The 'quantity' field must be a positive integer.",
  401: "The access token has expired. Request a new one and retry.",
  402: "The subscription for this account has lapsed.",
  403: "Your account may read orders but not cancel them.",
  404: "There is no order 8412.",
  405: "Orders cannot be deleted; cancel them with POST /orders/8412/cancel.",
  406: "This resource is only available as application/json.",
  407: "The proxy needs credentials before it forwards this request.",
  408: "The request took too long to arrive. Send it again.",
  409: "Order 8412 was already shipped and can no longer be edited.",
  410: "Order 8412 was deleted on purpose and will not come back.",
  411: "This endpoint needs a Content-Length header.",
  412: "The order changed since you read it (ETag mismatch). Read it again, then retry.",
  413: "Uploads are limited to 10 MB.",
  414: "The query string is too long; send the filter in a POST body instead.",
  415: "Send the order as application/json.",
  416: "The requested range starts beyond the end of the file.",
  417: "The server cannot meet the Expect header's expectation.",
  418: "This server refuses to brew coffee.",
  421: "This connection cannot serve that host name; retry on a new connection.",
  422: "The 'ship_by' date is in the past.",
  423: "The order is locked while a refund is processed.",
  424: "The update failed because an earlier step of the batch failed.",
  425: "This request was sent in TLS early data; resend it after the handshake.",
  426: "This endpoint requires a newer protocol; upgrade and retry.",
  428: "Send If-Match with the order's ETag to update it.",
  429: "You sent more than 100 requests in a minute. Retry after 60 seconds.",
  431: "The Cookie header is too large.",
  451: "This content is unavailable in your country following a court order.",
  500: "An unexpected error occurred. It has been logged as incident 7f3a.",
  501: "This server does not implement that method.",
  502: "The payment service returned an invalid response.",
  503: "The service is down for maintenance. Retry after two minutes.",
  504: "The inventory service did not answer in time.",
  505: "This server only supports HTTP/1.1 and HTTP/2.",
  506: "The server's content negotiation is misconfigured.",
  507: "The server has no room left to store this upload.",
  508: "The operation stopped because it found an infinite loop.",
  510: "The request needs an HTTP extension the server does not have.",
  511: "Sign in to the network before using it.",
};

function slug(reason: string): string {
  return reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function problemBody(info: StatusInfo | undefined, code: number): BodySpec {
  const title = info && info.lifecycle !== "reserved" ? info.reason : reasonPhrase(code);
  return {
    kind: "json",
    contentType: "application/problem+json",
    value: {
      type: `https://example.com/problems/${slug(title)}`,
      title,
      status: code,
      detail: DETAILS[code] ?? `${title}.`,
      instance: EXAMPLE_PATH,
    },
  };
}

const ORDER = { id: 8412, status: "shipped" };

/** The headers a correct handler sets for `code`: the registry's rows, with their example values. */
function codeHeaders(code: number): [string, string][] {
  return headerRows(code).map((r): [string, string] => [r.header, r.value]);
}

function successBody(code: number): BodySpec {
  switch (code) {
    case 202:
      return {
        kind: "json",
        contentType: "application/json",
        value: { status: "queued", monitor: "/jobs/71" },
      };
    case 206:
      return { kind: "text", contentType: "text/plain", value: PARTIAL_REPRESENTATION.slice(0, 10) };
    case 207:
    case 208:
      return {
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
      };
    case 226:
      return { kind: "json", contentType: "application/json", value: { ...ORDER, changed: ["status"] } };
    case 300:
      return {
        kind: "json",
        contentType: "application/json",
        value: { choices: ["/orders/8412.json", "/orders/8412.xml"] },
      };
    default:
      return { kind: "json", contentType: "application/json", value: ORDER };
  }
}

function notesFor(info: StatusInfo | undefined, code: number): string[] {
  const notes: string[] = [];
  if (!info) return notes;
  if (info.lifecycle === "reserved")
    notes.push(`${code} is reserved and has no meaning in HTTP: do not send it from a real API.`);
  if (info.lifecycle === "deprecated")
    notes.push(`${code} is deprecated: prefer the alternative described on this page.`);
  if (info.lifecycle === "obsoleted") notes.push(`${code} is obsoleted: do not use it in new code.`);
  if (!info.official) {
    notes.push(
      `${code} is unofficial (${info.origin ?? "a vendor convention"}): generic clients treat it as ${Math.floor(code / 100)}00.`,
    );
    if (info.onWire === false)
      notes.push("Servers that use it never send it to the client; this shows it only for testing clients.");
  }
  return notes;
}

/** The framework-independent description of a correct handler for `code`. */
export function snippetSpec(code: number): SnippetSpec {
  const info = getStatus(code);
  const reason = info?.reason ?? reasonPhrase(code);
  const notes = notesFor(info, code);

  if (code < 200) {
    const interimHeaders = codeHeaders(code);
    notes.unshift(
      `${code} is an interim response: it can precede the final response but never replace it.`,
      code === 100
        ? "Servers send 100 Continue by themselves when a client that sent Expect: 100-continue starts reading the body."
        : code === 103
          ? "Early Hints carry Link headers the browser can act on while the server prepares the final response."
          : code === 101
            ? "Switching protocols (e.g. to WebSocket) is done by a library that takes over the connection, not by a handler."
            : `Frameworks cannot send ${code} from a handler; the final response is what matters to clients.`,
    );
    return {
      code,
      reason,
      sentStatus: 200,
      headers: [],
      body: { kind: "json", contentType: "application/json", value: ORDER },
      flow: {
        kind: "interim",
        interim: code,
        interimHeaders,
        supported: { express: code === 103, go: code === 103, fastapi: false, spring: false },
      },
      notes,
    };
  }

  if (code === 304) {
    return {
      code,
      reason,
      sentStatus: 304,
      headers: [],
      body: { kind: "none" },
      flow: { kind: "conditional", etag: '"v42"', cacheControl: "max-age=60", okBody: successBody(200) },
      notes: [
        "Answer 304 only to a conditional GET or HEAD whose validator still matches, with the ETag and Cache-Control a 200 would carry.",
      ],
    };
  }

  const noContent = forbidsContent(code);
  let body: BodySpec;
  if (noContent) body = { kind: "none" };
  else if (code >= 400) body = problemBody(info, code);
  else if (code >= 300) body = code === 300 ? successBody(300) : { kind: "none" };
  else body = successBody(code);

  if (code === 208) {
    notes.push(
      "208 only appears inside a 207 Multi-Status body, for a member already listed; the response itself is a 207.",
    );
  }
  if (code === 204)
    notes.push("No body, and no Content-Length or Content-Type: the response ends after the headers.");
  if (code === 205) notes.push("No body: the client should reset the form or view that sent the request.");

  return {
    code,
    reason,
    sentStatus: code === 208 ? 207 : code,
    headers: codeHeaders(code),
    body,
    flow: { kind: "plain" },
    notes,
  };
}
