/**
 * What the simulator's answers say: the JSON diagnostic (with the request echo), the text summary,
 * the RFC 9457 problem body, and the simulated resource's own representation (what byte ranges are
 * cut from).
 */
import { TOKEN } from "../http";
import { PROBLEM_JSON } from "../problem";
import { getStatus, reasonPhrase } from "../registry";
import { codePath } from "../routes";

import type { BodyFormat, SimOptions } from "./options";
import type { SimRequest, SimUrl } from "./types";

/** JSON that is never read as HTML, even by a sniffing client: `<` is escaped (it stays valid JSON). */
export function safeJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  return json.includes("<") ? json.replace(/</g, "\\u003c") : json;
}

/** Characters JSON.stringify escapes in a string (quote, backslash, controls, lone surrogates), and `<`. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f<\ud800-\udfff]/;

/** One string as `safeJson` writes it. Most strings need no escaping and are only quoted. */
function jsonString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  const json = JSON.stringify(text);
  return json.includes("<") ? json.replace(/</g, "\\u003c") : json;
}

/**
 * `safeJson` of plain data (objects, arrays, strings, numbers, booleans, null), nested at `indent`,
 * byte for byte: JSON.stringify's key order (Object.keys), members whose value is undefined left out,
 * non-finite numbers as null. A hand-written walk because the answer's body is built on every request
 * and JSON.stringify with an indent was one of the largest costs of it.
 */
function prettyJson(value: unknown, indent: string): string | undefined {
  switch (typeof value) {
    case "string":
      return jsonString(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
        // Not plain data (a Date, say): JSON.stringify decides, indented as it would be here.
        const json = safeJson(value);
        return json === undefined ? undefined : json.replace(/\n/g, `\n${indent}`);
      }
      const inner = `${indent}  `;
      if (Array.isArray(value)) {
        if (value.length === 0) return "[]";
        let out = "[";
        for (let i = 0; i < value.length; i++)
          out += `${i ? "," : ""}\n${inner}${prettyJson(value[i], inner) ?? "null"}`;
        return `${out}\n${indent}]`;
      }
      let out = "";
      for (const key of Object.keys(value)) {
        const member = prettyJson((value as Record<string, unknown>)[key], inner);
        if (member !== undefined) out += `${out ? "," : ""}\n${inner}${jsonString(key)}: ${member}`;
      }
      return out ? `{${out}\n${indent}}` : "{}";
    }
    default:
      // undefined, functions and symbols, as JSON.stringify leaves them out of objects.
      return undefined;
  }
}

/** Request headers whose values are credentials: the echo shows that they came, never what they say. */
const CREDENTIALS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token"]);

function hiddenValue(name: string, value: string): string {
  if (name === "cookie") {
    const n = value.split(";").filter((p) => p.trim() !== "").length;
    return `(${n} cookie${n === 1 ? "" : "s"}, values hidden)`;
  }
  const scheme = value.trim().split(/\s+/, 1)[0] ?? "";
  // Only Authorization-style values have a scheme; an API key is one opaque token.
  const hasScheme = /^(proxy-)?authorization$/.test(name) && TOKEN.test(scheme) && /\s/.test(value.trim());
  return hasScheme ? `${scheme} (credentials hidden)` : "(value hidden)";
}

/** Request headers by lower-case name (repeats joined), credentials hidden. Null prototype: any name is a key. */
function headerRecord(headers: SimRequest["headers"]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const prev = out[key];
    out[key] = prev === undefined ? value : `${prev}${key === "cookie" ? "; " : ", "}${value}`;
  }
  for (const key of Object.keys(out)) if (CREDENTIALS.has(key)) out[key] = hiddenValue(key, out[key] ?? "");
  return out;
}

/** Query parameters by name; repeats become an array (linear in their number). Null prototype. */
function queryRecord(url: SimUrl): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of url.searchParams) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

/** Everything the bodies need to know about one exchange. */
export interface BodyCtx {
  req: SimRequest;
  url: SimUrl;
  /** Upper-case; GET for a HEAD (which gets the headers of the GET's body). */
  method: string;
  requested: number;
  options: SimOptions;
  /** What the path asked for, e.g. "200:3,503:1"; undefined for a single code. */
  weighted: { spec: string; draw: number | null } | undefined;
  interimSent: boolean;
  /** Why a 1xx was not sent, when it was not (see `interimWhy`). */
  interimWhy: string | undefined;
  /** Whether the request headers are echoed (not when the answer may be stored by caches). */
  echo: boolean;
  /** A sentence on why this answer is what it is (a 304 asked for without a matching condition, ...). */
  note: string | undefined;
}

function interimNote(c: BodyCtx): Record<string, unknown> | undefined {
  if (c.requested >= 200) return undefined;
  const note =
    "A 1xx status is interim: it can precede a final response but never be one, so the final answer is 200 OK.";
  const why = c.interimSent
    ? `The interim ${c.requested} was sent before this response.`
    : (c.interimWhy ?? "");
  return {
    status: c.requested,
    reason: reasonPhrase(c.requested),
    sent: c.interimSent,
    note: `${note} ${why}`,
  };
}

const NOT_ECHOED =
  "Request headers are not echoed: this answer may be stored by caches (its Cache-Control allows it), which would hand them to other clients.";

/** The query as the diagnostic body echoes it (`request.query`), nested at `indent`. */
export function queryJson(url: SimUrl, indent: string): string {
  return prettyJson(queryRecord(url), indent) ?? "{}";
}

/** The `request` member: what was asked, as the diagnostic body echoes it. */
function requestJson(c: BodyCtx, indent: string): string {
  const inner = `${indent}  `;
  let out = `{\n${inner}"method": ${jsonString(c.method)},\n${inner}"path": ${jsonString(c.url.pathname)}`;
  out += `,\n${inner}"query": ${queryJson(c.url, inner)}`;
  if (c.echo) out += `,\n${inner}"headers": ${prettyJson(headerRecord(c.req.headers), inner)}`;
  if (c.req.body !== undefined && c.req.body !== "") out += `,\n${inner}"body": ${jsonString(c.req.body)}`;
  return `${out}\n${indent}}`;
}

/**
 * The diagnostic's members after `simulated` and `status`, written in a fixed order: `reason`,
 * `interim`, `choice`, `scenario`, `registered`, `docs`, `delayMs`, `note`, `request` (those that
 * apply), each as `safeJson` would write it one level deep.
 */
function diagnosticMembers(c: BodyCtx, status: number): string {
  const info = getStatus(c.requested);
  let out = `,\n  "reason": ${jsonString(reasonPhrase(status))}`;
  const interim = interimNote(c);
  if (interim) out += `,\n  "interim": ${prettyJson(interim, "  ")}`;
  if (c.weighted)
    out += `,\n  "choice": ${prettyJson({ from: c.weighted.spec, draw: c.weighted.draw }, "  ")}`;
  const scenario = c.req.scenario ? prettyJson(c.req.scenario.info, "  ") : undefined;
  if (scenario !== undefined) out += `,\n  "scenario": ${scenario}`;
  out += `,\n  "registered": ${info?.official ? "true" : "false"}`;
  if (info) out += `,\n  "docs": ${jsonString(codePath(c.requested))}`;
  if (c.options.delayMs > 0) out += `,\n  "delayMs": ${c.options.delayMs}`;
  const note =
    c.note === undefined ? (c.echo ? undefined : NOT_ECHOED) : c.echo ? c.note : `${c.note} ${NOT_ECHOED}`;
  if (note !== undefined) out += `,\n  "note": ${jsonString(note)}`;
  return `${out},\n  "request": ${requestJson(c, "  ")}`;
}

/** The JSON diagnostic: `simulated`, `status`, then the members above, as `safeJson` writes it. */
function diagnosticJson(c: BodyCtx, status: number): string {
  return `{\n  "simulated": true,\n  "status": ${status}${diagnosticMembers(c, status)}\n}`;
}

function textBody(c: BodyCtx, status: number): string {
  const lines = [
    `${status} ${reasonPhrase(status)}`,
    "",
    `Simulated by statuscodes for ${c.method} ${c.url.pathname}${c.url.search}.`,
  ];
  const interim = interimNote(c);
  if (interim) lines.push(String(interim.note));
  const sc = c.req.scenario?.info;
  if (sc) lines.push(`Scenario ${String(sc.name)}, request ${String(sc.request)}: ${String(sc.because)}.`);
  if (c.note) lines.push(c.note);
  if (getStatus(c.requested)) lines.push(`About this code: ${codePath(c.requested)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The RFC 9457 problem body every 4xx and 5xx gets unless plain JSON or text was asked for: the
 * standard members, then the diagnostic as extension members (RFC 9457 §3.2), so an error from the
 * simulator looks like one from a careful API and still shows what was received.
 */
function problemBody(c: BodyCtx, status: number): string {
  // `reason` stays (it repeats `title`): clients written against the plain diagnostic still read it.
  // The standard members first, then the diagnostic's (its `status` is the same one, already there).
  const title = jsonString(reasonPhrase(status));
  const detail = c.note ?? `A simulated ${status} ${reasonPhrase(status)}, sent because it was asked for.`;
  return (
    `{\n  "type": "about:blank",\n  "title": ${title},\n  "status": ${status},\n  "detail": ${jsonString(detail)},` +
    `\n  "instance": ${jsonString(c.url.pathname)},\n  "simulated": true${diagnosticMembers(c, status)}\n}`
  );
}

export interface Rendered {
  body: string;
  type: string;
}

/** The body for a status in the chosen format, with its media type. */
export function renderBody(c: BodyCtx, status: number, format: BodyFormat): Rendered {
  if (format === "text") return { body: textBody(c, status), type: "text/plain; charset=utf-8" };
  // Errors are problem details unless `format=json` asked for plain JSON (a client that accepts
  // application/json reads application/problem+json too: it is JSON, RFC 6839 §3.1).
  const plain = format === "json" && c.options.format === "json";
  if (status >= 400 && !plain) return { body: problemBody(c, status), type: PROBLEM_JSON };
  return { body: diagnosticJson(c, status), type: "application/json" };
}

const ABOUT: Record<number, string> = {
  206: "The simulated resource behind this URL: the same bytes for every request, so parts of it can be asked for and put together. A request with a Range (such as Range: bytes=0-99; several ranges and If-Range work too) gets 206 Partial Content with those bytes; a range that starts past the end gets 416 with Content-Range: bytes */length; a request without Range gets all of it with 200, since a 206 only ever answers a range request.",
  416: "The simulated resource behind this URL: the same bytes for every request. Any request with a Range gets 416 Range Not Satisfiable with Content-Range: bytes */length; a request without Range gets all of it with 200, since a 416 only ever answers a range request.",
};

/**
 * The simulated resource's representation for the codes that serve byte ranges (206, 416): a plain
 * text document, ASCII only (so bytes and characters coincide), the same for every request to the
 * URL. Plain text, so that a part of it is still what its Content-Type says.
 */
export function resourceRepresentation(c: BodyCtx): Rendered {
  const resource = `${c.url.pathname}${c.url.search}`;
  const lines = [
    `statuscodes simulated resource ${resource}`,
    "",
    ABOUT[c.requested] ?? "",
    "",
    `About ${c.requested} ${reasonPhrase(c.requested)}: ${codePath(c.requested)}`,
  ];
  return { body: `${lines.join("\n")}\n`.replace(/[^\x20-\x7e\n]/g, "?"), type: "text/plain; charset=utf-8" };
}
