import { describe, expect, it } from "vitest";

import { findings, NOW_HTTP, type CheckCase, runCheckCases } from "../test-util";

const D: [string, string] = ["Date", NOW_HTTP];
const JSON_CT: [string, string] = ["Content-Type", "application/json"];
const PROBLEM_CT: [string, string] = ["Content-Type", "application/problem+json"];

const CASES: CheckCase[] = [
  {
    id: "body.not-allowed",
    severity: "error",
    bad: { status: 204, headers: [D], body: "{}" },
    good: { status: 204, headers: [D], body: "" },
  },
  {
    id: "body.not-allowed",
    severity: "error",
    bad: { status: 304, headers: [D], body: "x" },
    good: { status: 304, headers: [D] },
  },
  {
    id: "body.not-allowed",
    severity: "error",
    bad: { status: 205, headers: [D], body: "x" },
    good: { status: 205, headers: [D, ["Content-Length", "0"]], body: "" },
  },
  {
    id: "body.not-allowed",
    severity: "error",
    bad: { status: 200, headers: [D, JSON_CT], body: "{}", request: { method: "HEAD" } },
    good: { status: 200, headers: [D, JSON_CT], request: { method: "HEAD" } },
  },
  {
    id: "body.length-fields-forbidden",
    severity: "error",
    bad: { status: 204, headers: [D, ["Content-Length", "0"]] },
    good: { status: 204, headers: [D] },
  },
  {
    id: "body.length-fields-forbidden",
    severity: "error",
    bad: { status: 204, headers: [D, ["Transfer-Encoding", "chunked"]] },
    good: { status: 200, headers: [D, ["Transfer-Encoding", "chunked"]] },
  },
  {
    id: "body.content-length",
    severity: "error",
    bad: { status: 200, headers: [D, JSON_CT, ["Content-Length", "5"]], body: "{}" },
    good: { status: 200, headers: [D, JSON_CT, ["Content-Length", "2"]], body: "{}" },
  },
  {
    id: "body.content-length",
    severity: "error",
    bad: { status: 200, headers: [D, ["Content-Length", "-1"]] },
    good: { status: 200, headers: [D, ["Content-Length", "0"]], body: "" },
  },
  {
    id: "body.content-length",
    severity: "error",
    bad: { status: 200, headers: [D, ["Content-Length", "2"], ["Transfer-Encoding", "chunked"]], body: "{}" },
    good: { status: 200, headers: [D, ["Transfer-Encoding", "chunked"]], body: "{}" },
  },
  {
    id: "body.transfer-coding",
    severity: "error",
    bad: { status: 200, headers: [D, ["Transfer-Encoding", "chunked, gzip"]] },
    good: { status: 200, headers: [D, ["Transfer-Encoding", "gzip, chunked"]] },
  },
  {
    id: "body.transfer-coding",
    severity: "error",
    bad: { status: 200, headers: [D, ["Transfer-Encoding", "chunked"], ["Transfer-Encoding", "chunked"]] },
    good: { status: 200, headers: [D, ["Transfer-Encoding", "chunked"]] },
  },
  {
    id: "body.content-type",
    severity: "warning",
    bad: { status: 200, headers: [D], body: "hello" },
    good: { status: 200, headers: [D, ["Content-Type", "text/plain; charset=utf-8"]], body: "hello" },
  },
  {
    id: "body.content-type",
    severity: "warning",
    bad: { status: 200, headers: [D, ["Content-Type", "json"]], body: "{}" },
    good: { status: 200, headers: [D, JSON_CT], body: "{}" },
  },
  {
    id: "body.content-type",
    severity: "warning",
    bad: { status: 200, headers: [D, JSON_CT], body: "{oops" },
    good: { status: 200, headers: [D, JSON_CT], body: '{"ok":true}' },
  },
  {
    id: "body.charset",
    severity: "warning",
    bad: { status: 200, headers: [D, ["Content-Type", "text/html"]], body: "<p>é</p>" },
    good: { status: 200, headers: [D, ["Content-Type", "text/html; charset=utf-8"]], body: "<p>é</p>" },
  },
  {
    id: "body.problem-details",
    severity: "error",
    bad: {
      status: 404,
      headers: [D, PROBLEM_CT],
      body: '{"type":"about:blank","title":"Not Found","status":400}',
    },
    good: {
      status: 404,
      headers: [D, PROBLEM_CT],
      body: '{"type":"about:blank","title":"Not Found","status":404}',
    },
  },
  {
    id: "body.problem-details",
    severity: "error",
    bad: { status: 404, headers: [D, PROBLEM_CT], body: '{"status":"404"}' },
    good: { status: 404, headers: [D, PROBLEM_CT], body: '{"title":"Not Found"}' },
  },
  {
    id: "body.problem-details",
    severity: "warning",
    bad: { status: 500, headers: [D, PROBLEM_CT], body: "[1]" },
    good: { status: 500, headers: [D, PROBLEM_CT], body: '{"status":500}' },
  },
  {
    id: "body.problem-details",
    severity: "info",
    bad: { status: 422, headers: [D, JSON_CT], body: '{"error":"x"}' },
    good: { status: 200, headers: [D, JSON_CT], body: '{"error":"x"}' },
  },
  {
    id: "body.error-explanation",
    severity: "info",
    bad: { status: 500, headers: [D], body: "" },
    good: {
      status: 500,
      headers: [D, ["Content-Type", "text/plain; charset=utf-8"]],
      body: "Database down; retry in a minute.",
    },
  },
  {
    id: "body.field-size-encoding",
    severity: "warning",
    bad: { status: 200, headers: [D, ["X-Big", "a".repeat(9000)]] },
    good: { status: 200, headers: [D, ["X-Small", "a"]] },
  },
  {
    id: "body.field-size-encoding",
    severity: "warning",
    bad: { status: 200, headers: [D, ["X-Name", "Zoë"]] },
    good: { status: 200, headers: [D, ["X-Name", "Zoe"]] },
  },
  {
    id: "body.connection-specific-h2",
    severity: "error",
    bad: { status: 200, headers: [D, ["Connection", "keep-alive"]], httpVersion: "2" },
    good: { status: 200, headers: [D, ["Connection", "keep-alive"]], httpVersion: "1.1" },
  },
];

runCheckCases(CASES, { sameSeverityOnly: true });

describe("problem details status", () => {
  it("quotes the mismatching value", () => {
    const f = findings(
      { status: 404, headers: [D, PROBLEM_CT], body: '{"status":400}' },
      "body.problem-details",
    )[0];
    expect(f?.title).toBe('Problem "status" is 400, the response is 404');
    expect(f?.cite[0]?.url).toBe("https://www.rfc-editor.org/rfc/rfc9457#section-3.1.2");
  });
});
