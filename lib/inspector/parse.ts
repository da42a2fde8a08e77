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
