/**
 * POST /api/inspect as a pure function: raw HTTP text or JSON in, findings out as JSON.
 * Nothing the caller sends is executed, fetched or rendered.
 */
import type { ApiResult } from "../http";
import { PROBLEM_JSON, problem } from "../problem";

import { inspect } from "./index";
import { MAX_INPUT_BYTES, parseInspectJson, parseRawMessage, type ParseResult } from "./parse";
import { INSPECT_API_PATH } from "../routes";

export type { ApiResult };

const COMMON: [string, string][] = [
  ["Cache-Control", "no-store"],
  ["X-Content-Type-Options", "nosniff"],
  ["Access-Control-Allow-Origin", "*"],
];

function problemResult(
  status: number,
  detail: string,
  invalid: { name: string; reason: string }[] = [],
  extra: [string, string][] = [],
): ApiResult {
  return {
    status,
    headers: [["Content-Type", PROBLEM_JSON], ...COMMON, ...extra],
    body: JSON.stringify(
      problem(status, detail, { instance: INSPECT_API_PATH, invalidParams: invalid }),
      null,
      2,
    ),
  };
}

export function methodNotAllowed(): ApiResult {
  return problemResult(
    405,
    "Send the response to inspect with POST, as text/plain (raw HTTP) or application/json.",
    [],
    [["Allow", "POST, OPTIONS"]],
  );
}

/** 413 for input over the limit; `size` is what is known of it (at least the limit plus one). */
export function tooLarge(size: number): ApiResult {
  return problemResult(
    413,
    `The input is at least ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (64 KiB).`,
    [{ name: "body", reason: `at most ${MAX_INPUT_BYTES} bytes` }],
  );
}

export function inspectRequest(contentType: string | null, text: string): ApiResult {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_INPUT_BYTES) return tooLarge(size);
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  let parsed: ParseResult;
  if (type === "application/json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return problemResult(400, "The body is not valid JSON.", [
        {
          name: "body",
          reason: 'must be a JSON object like {"response": {"status": 200, "headers": [["Name", "value"]]}}',
        },
      ]);
    }
    parsed = parseInspectJson(value);
  } else if (type === "text/plain" || type === "message/http" || type === "") {
    parsed = parseRawMessage(text);
  } else {
    return problemResult(
      415,
      `Content-Type ${type} is not accepted.`,
      [
        {
          name: "Content-Type",
          reason: "use text/plain or message/http for a raw response, application/json for the JSON form",
        },
      ],
      [["Accept-Post", "text/plain, message/http, application/json"]],
    );
  }
  if (!parsed.ok)
    return problemResult(400, parsed.errors.map((e) => `${e.name}: ${e.reason}`).join(" "), parsed.errors);
  const result = inspect(parsed.input);
  return {
    status: 200,
    headers: [["Content-Type", "application/json"], ...COMMON],
    body: JSON.stringify(
      {
        input: { status: parsed.input.response.status, request: parsed.input.request !== undefined },
        ...result,
      },
      null,
      2,
    ),
  };
}
