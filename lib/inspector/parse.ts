/**
 * Turns what a person pastes (a raw HTTP response, optionally preceded by the request) or a JSON
 * description into an InspectInput. Nothing is executed or fetched; bad input gets a clear reason.
 */
import "../zod-config";

import { z } from "zod";

import { TOKEN } from "../http";

import type { HeaderList, InspectInput } from "./types";

export const MAX_INPUT_BYTES = 64 * 1024;

export type ParseResult =
  { ok: true; input: InspectInput } | { ok: false; errors: { name: string; reason: string }[] };

function fail(name: string, reason: string): ParseResult {
  return { ok: false, errors: [{ name, reason }] };
}

function parseFields(lines: string[], where: string): { headers: HeaderList } | { error: string } {
  const headers: HeaderList = [];
  for (const [i, line] of lines.entries()) {
    if (/^[ \t]/.test(line)) {
      // Obsolete line folding (RFC 9112 §5.2): join it to the previous value, as recipients may.
      const last = headers[headers.length - 1];
      if (!last) return { error: `${where} line ${i + 1} starts with white space but follows no header.` };
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0)
      return { error: `${where} line ${i + 1} is not "Name: value": ${JSON.stringify(line.slice(0, 60))}.` };
    const name = line.slice(0, colon);
    if (!TOKEN.test(name))
      return { error: `${where} line ${i + 1}: "${name.slice(0, 60)}" is not a valid field name.` };
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { headers };
}

/** Parses "HTTP/1.1 401 Unauthorized\r\nHeader: v\r\n\r\nbody", optionally after a request block. */
export function parseRawMessage(text: string): ParseResult {
  if (new TextEncoder().encode(text).length > MAX_INPUT_BYTES) {
    return fail("raw", `The input is larger than ${MAX_INPUT_BYTES / 1024} KiB.`);
  }
  const normalized = text.replace(/\r\n/g, "\n").replace(/^\s+/, "");
  if (normalized === "")
    return fail(
      "raw",
      "The input is empty: paste a response starting with its status line, such as HTTP/1.1 200 OK.",
    );

  let rest = normalized;
  let request: InspectInput["request"];
  const requestLine = /^([A-Z][A-Z-]*) (\S+) HTTP\/(\d(?:\.\d)?)\n/.exec(rest);
  if (requestLine?.[1] && requestLine[2]) {
    const end = rest.indexOf("\n\n");
    if (end < 0)
      return fail("raw", "The request has no blank line after its headers, so no response follows it.");
    const fields = parseFields(
      rest
        .slice(requestLine[0].length, end)
        .split("\n")
        .filter((l) => l !== ""),
      "Request",
    );
    if ("error" in fields) return fail("raw", fields.error);
    request = { method: requestLine[1], url: requestLine[2], headers: fields.headers };
    rest = rest.slice(end + 2).replace(/^\s+/, "");
  }

  const statusLine = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: (.*))?$/m.exec(rest.split("\n")[0] ?? "");
  if (!statusLine?.[2] || rest.indexOf(statusLine[0]) !== 0) {
    const first = (rest.split("\n")[0] ?? "").slice(0, 60);
    return fail(
      "raw",
      `The first line must be a status line such as "HTTP/1.1 404 Not Found"; got ${JSON.stringify(first)}.`,
    );
  }
  const afterStatus = rest.slice(statusLine[0].length + 1);
  const blank = afterStatus.indexOf("\n\n");
  const headerText = blank < 0 ? afterStatus : afterStatus.slice(0, blank);
  const fields = parseFields(
    headerText.split("\n").filter((l) => l !== ""),
    "Response",
  );
  if ("error" in fields) return fail("raw", fields.error);
  const body = blank < 0 ? "" : afterStatus.slice(blank + 2);

  const input: InspectInput = {
    response: {
      status: Number(statusLine[2]),
      headers: fields.headers,
      body,
      httpVersion: statusLine[1],
    },
  };
  if (statusLine[3] !== undefined) input.response.reason = statusLine[3];
  if (request) input.request = request;
  return { ok: true, input };
}

const headerList = z
  .array(z.tuple([z.string().regex(TOKEN, "header names must be tokens"), z.string().max(8192)]))
  .max(200)
  .or(
    z
      .record(z.string().regex(TOKEN, "header names must be tokens"), z.string().max(8192))
      .transform((r): HeaderList => Object.entries(r)),
  );

/** The JSON form accepted by POST /api/inspect. */
export const inspectJsonSchema = z.strictObject({
  response: z.strictObject({
    status: z.number().int(),
    reason: z.string().max(200).optional(),
    headers: headerList.default([]),
    body: z.string().max(MAX_INPUT_BYTES).nullable().optional(),
    httpVersion: z.enum(["1.0", "1.1", "2", "3"]).optional(),
  }),
  request: z
    .strictObject({
      method: z
        .string()
        .regex(/^[A-Za-z]+$/, "method must be letters")
        .max(20),
      url: z.string().max(2048).optional(),
      headers: headerList.default([]),
    })
    .optional(),
  https: z.boolean().optional(),
});

export function parseInspectJson(value: unknown): ParseResult {
  const parsed = inspectJsonSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ name: i.path.join(".") || "body", reason: i.message })),
    };
  }
  const d = parsed.data;
  const input: InspectInput = { response: { status: d.response.status, headers: d.response.headers } };
  if (d.response.reason !== undefined) input.response.reason = d.response.reason;
  if (d.response.body !== undefined) input.response.body = d.response.body;
  if (d.response.httpVersion !== undefined) input.response.httpVersion = d.response.httpVersion;
  if (d.request) {
    input.request = { method: d.request.method.toUpperCase(), headers: d.request.headers };
    if (d.request.url !== undefined) input.request.url = d.request.url;
  }
  if (d.https !== undefined) input.https = d.https;
  return { ok: true, input };
}

/* ---------- what developers paste: curl -v, curl -i -L chains, 1xx, DevTools headers, HAR ---------- */

/** One response found in the input, with the request that produced it when the input had one. */
export interface PastedHop {
  /** How the reader can tell the hops apart: "Response 1 of 2", "HAR entry 3: GET https://…". */
  label: string;
  input: InspectInput;
}

export type PasteFormat = "raw" | "curl-verbose" | "devtools-headers" | "har";

export type PasteResult =
  | { ok: true; format: PasteFormat; hops: PastedHop[] }
  | {
      ok: false;
      errors: { name: string; reason: string }[];
      /** Headers came without a status line: ask the reader for the code and call again with it. */
      needsStatus?: boolean;
    };

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: (.*))?$/;
const REQUEST_LINE = /^([A-Z][A-Z-]*) (\S+) HTTP\/(\d(?:\.\d)?)$/;
const MAX_HOPS = 50;

function pasteFail(reason: string, needsStatus = false): PasteResult {
  return needsStatus
    ? { ok: false, errors: [{ name: "raw", reason }], needsStatus }
    : { ok: false, errors: [{ name: "raw", reason }] };
}

/**
 * `curl -v` output: "> " request lines, "< " response lines, "* " notes and "{ [5 bytes data]" markers;
 * unprefixed lines are the body. Rewritten as the plain transcript it stands for.
 */
function unwrapCurlVerbose(text: string): string | undefined {
  const lines = text.split("\n");
  if (!lines.some((l) => /^< HTTP\/\d/.test(l))) return undefined;
  const out: string[] = [];
  for (const line of lines) {
    if (/^[<>]( |$)/.test(line)) out.push(line.slice(2).replace(/\s+$/, ""));
    else if (/^\* /.test(line) || /^[{}] \[[^\]]*\]\s*$/.test(line) || line === "*") continue;
    else out.push(line);
  }
  return out.join("\n");
}

/** Splits a transcript into header blocks and bodies: [request?] response, repeated. */
function splitTranscript(text: string): PasteResult {
  const hops: PastedHop[] = [];
  let rest = text.replace(/^\s+/, "");
  while (rest !== "") {
    if (hops.length >= MAX_HOPS) return pasteFail(`More than ${MAX_HOPS} responses in one input.`);
    let request: InspectInput["request"];
    const firstLine = rest.split("\n", 1)[0] ?? "";
    const req = REQUEST_LINE.exec(firstLine);
    if (req?.[1] && req[2]) {
      const end = rest.indexOf("\n\n");
      if (end < 0)
        return pasteFail("The request has no blank line after its headers, so no response follows it.");
      const fields = parseFields(
        rest
          .slice(firstLine.length + 1, end)
          .split("\n")
          .filter((l) => l !== ""),
        "Request",
      );
      if ("error" in fields) return pasteFail(fields.error);
      request = { method: req[1], url: req[2], headers: fields.headers };
      rest = rest.slice(end + 2).replace(/^\s+/, "");
    }
    const statusText = rest.split("\n", 1)[0] ?? "";
    const status = STATUS_LINE.exec(statusText);
    if (!status?.[2]) {
      return pasteFail(
        hops.length === 0
          ? `The first line must be a status line such as "HTTP/1.1 404 Not Found"; got ${JSON.stringify(statusText.slice(0, 60))}.`
          : `After response ${hops.length}, expected another status line; got ${JSON.stringify(statusText.slice(0, 60))}.`,
      );
    }
    const afterStatus = rest.slice(statusText.length + 1);
    // A status line directly followed by a blank line has no fields (a bare "100 Continue").
    const blank = afterStatus.startsWith("\n") ? -1 : afterStatus.indexOf("\n\n");
    const headerText = afterStatus.startsWith("\n")
      ? ""
      : blank < 0
        ? afterStatus
        : afterStatus.slice(0, blank);
    const fields = parseFields(
      headerText.split("\n").filter((l) => l !== ""),
      hops.length === 0 ? "Response" : `Response ${hops.length + 1}`,
    );
    if ("error" in fields) return pasteFail(fields.error);
    let body: string | undefined = afterStatus.startsWith("\n")
      ? afterStatus.slice(1)
      : blank < 0
        ? ""
        : afterStatus.slice(blank + 2);
    rest = "";
    const code = Number(status[2]);
    // The next message starts right away (a 1xx, or a redirect whose body curl -L did not print) ...
    const startsMessage = (s: string) => {
      const line = s.replace(/^\n+/, "").split("\n", 1)[0] ?? "";
      return STATUS_LINE.test(line) || REQUEST_LINE.test(line);
    };
    if (startsMessage(body) || (code >= 100 && code < 200)) {
      rest = body.replace(/^\n+/, "");
      // Not printed (curl -L skips the bodies of the responses it follows): unknown, not empty, so the
      // body checks do not compare it with Content-Length.
      body = code >= 100 && code < 200 ? "" : undefined;
    } else {
      // ... or after the body its Content-Length announces.
      const length = fields.headers.find(([n]) => n.toLowerCase() === "content-length")?.[1];
      if (length && /^\d+$/.test(length)) {
        const bytes = new TextEncoder().encode(body);
        const n = Number(length);
        if (n < bytes.length) {
          const tail = new TextDecoder().decode(bytes.slice(n));
          if (startsMessage(tail)) {
            body = new TextDecoder().decode(bytes.slice(0, n));
            rest = tail.replace(/^\n+/, "");
          }
        }
      }
    }
    const input: InspectInput = {
      response: { status: code, headers: fields.headers, httpVersion: status[1] },
    };
    if (body !== undefined) input.response.body = body;
    if (status[3] !== undefined) input.response.reason = status[3];
    if (request) input.request = request;
    hops.push({ label: "", input });
  }
  if (hops.length === 0) return pasteFail("The input is empty.");
  for (const [i, h] of hops.entries())
    h.label = hops.length === 1 ? "Response" : `Response ${i + 1} of ${hops.length}`;
  return { ok: true, format: "raw", hops };
}

interface HarHeader {
  name?: unknown;
  value?: unknown;
}

function harHeaders(list: unknown): HeaderList {
  if (!Array.isArray(list)) return [];
  return (list as HarHeader[])
    .filter((h) => typeof h.name === "string" && typeof h.value === "string")
    .map((h) => [h.name as string, h.value as string] as [string, string])
    .filter(([n]) => TOKEN.test(n));
}

/** A HAR file (DevTools "Save all as HAR"): every entry becomes a hop, request included. */
function parseHar(value: unknown): PasteResult | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const log = (value as { log?: { entries?: unknown } }).log;
  if (!log || !Array.isArray(log.entries)) return undefined;
  if (log.entries.length === 0) return pasteFail("The HAR file has no entries.");
  if (log.entries.length > MAX_HOPS)
    return pasteFail(
      `The HAR file has ${log.entries.length} entries; at most ${MAX_HOPS} are inspected at once.`,
    );
  const hops: PastedHop[] = [];
  for (const [i, raw] of (log.entries as unknown[]).entries()) {
    const e = raw as {
      request?: { method?: unknown; url?: unknown; headers?: unknown };
      response?: {
        status?: unknown;
        statusText?: unknown;
        httpVersion?: unknown;
        headers?: unknown;
        content?: { text?: unknown; encoding?: unknown };
      };
    };
    const status = e.response?.status;
    if (typeof status !== "number" || !Number.isInteger(status))
      return pasteFail(`HAR entry ${i + 1} has no numeric response status.`);
    const method = typeof e.request?.method === "string" ? e.request.method.toUpperCase() : "GET";
    const url = typeof e.request?.url === "string" ? e.request.url : undefined;
    // Pseudo-headers (":status") are HTTP/2 framing, not fields.
    const headers = harHeaders(e.response?.headers);
    const content = e.response?.content;
    const body =
      typeof content?.text === "string" && content.encoding !== "base64" ? content.text : undefined;
    const version = typeof e.response?.httpVersion === "string" ? e.response.httpVersion : "";
    const v = /^(?:HTTP\/)?(1\.0|1\.1|2|3)(?:\.0)?$/i.exec(version.replace(/^h/i, ""))?.[1];
    const input: InspectInput = { response: { status, headers } };
    if (body !== undefined) input.response.body = body;
    if (typeof e.response?.statusText === "string" && e.response.statusText !== "")
      input.response.reason = e.response.statusText;
    if (v) input.response.httpVersion = v;
    input.request = { method, headers: harHeaders(e.request?.headers) };
    if (url) input.request.url = url;
    hops.push({ label: `HAR entry ${i + 1}: ${method} ${url ?? ""}`.trim(), input });
  }
  return { ok: true, format: "har", hops };
}

/**
 * Headers copied from browser DevTools: "name: value" lines with no status line. HTTP/2 copies may
 * carry ":status: 200"; otherwise the code has to come from the reader (`status`).
 */
function parseBareHeaders(text: string, status: number | undefined): PasteResult | undefined {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  if (STATUS_LINE.test(first) || REQUEST_LINE.test(first)) return undefined;
  if (!/^:?[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(first)) return undefined;
  let code = status;
  const kept: string[] = [];
  for (const line of lines) {
    const pseudo = /^:([a-z]+):\s*(.*)$/.exec(line);
    if (pseudo) {
      if (pseudo[1] === "status" && /^\d{3}$/.test(pseudo[2] ?? "") && code === undefined)
        code = Number(pseudo[2]);
      continue;
    }
    kept.push(line);
  }
  const fields = parseFields(kept, "Header");
  if ("error" in fields) return pasteFail(fields.error);
  if (code === undefined)
    return pasteFail(
      "These look like headers without a status line (as DevTools copies them): which status code came with them?",
      true,
    );
  if (code < 100 || code > 599) return pasteFail(`${code} is not a status code (100-599).`);
  return {
    ok: true,
    format: "devtools-headers",
    hops: [{ label: "Response", input: { response: { status: code, headers: fields.headers, body: "" } } }],
  };
}

/**
 * Everything the Inspector page accepts: a raw response (optionally after its request), a chain of
 * them (`curl -i -L`, a 100 Continue before the final response), `curl -v` output, headers copied from
 * DevTools (the status comes from `options.status` or an HTTP/2 `:status` line), or a HAR file.
 */
export function parsePasted(text: string, options: { status?: number; maxBytes?: number } = {}): PasteResult {
  const max = options.maxBytes ?? MAX_INPUT_BYTES;
  if (new TextEncoder().encode(text).length > max)
    return pasteFail(`The input is larger than ${max / 1024} KiB.`);
  const normalized = text.replace(/\r\n?/g, "\n");
  const trimmed = normalized.trim();
  if (trimmed === "")
    return pasteFail(
      "The input is empty: paste a response starting with its status line, such as HTTP/1.1 200 OK.",
    );
  if (trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return pasteFail("This looks like JSON but does not parse; a HAR file must be valid JSON.");
    }
    return (
      parseHar(json) ??
      pasteFail('This JSON is not a HAR file (no "log.entries"); paste a raw response instead.')
    );
  }
  const verbose = unwrapCurlVerbose(normalized);
  if (verbose !== undefined) {
    const result = splitTranscript(verbose);
    return result.ok ? { ...result, format: "curl-verbose" } : result;
  }
  return parseBareHeaders(trimmed, options.status) ?? splitTranscript(normalized);
}
