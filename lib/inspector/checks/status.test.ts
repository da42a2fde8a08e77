import { describe, expect, it } from "vitest";

import { findings, type CheckCase, runCheckCases } from "../test-util";

const GET = (headers: [string, string][] = []) => ({ method: "GET", headers });

const CASES: CheckCase[] = [
  { id: "status.out-of-range", severity: "error", bad: { status: 600 }, good: { status: 599 } },
  { id: "status.unregistered", severity: "info", bad: { status: 499 }, good: { status: 404 } },
  { id: "status.lifecycle", severity: "warning", bad: { status: 305 }, good: { status: 307 } },
  { id: "status.interim-as-final", severity: "error", bad: { status: 103 }, good: { status: 200 } },
  {
    id: "status.interim-unrequested",
    severity: "error",
    bad: { status: 100, request: GET() },
    good: { status: 100, request: GET([["Expect", "100-continue"]]) },
  },
  {
    id: "status.interim-unrequested",
    severity: "error",
    bad: {
      status: 101,
      headers: [
        ["Upgrade", "h2c"],
        ["Connection", "upgrade"],
      ],
      request: GET([["Upgrade", "websocket"]]),
    },
    good: {
      status: 101,
      headers: [
        ["Upgrade", "websocket"],
        ["Connection", "upgrade"],
      ],
      request: GET([["Upgrade", "websocket"]]),
    },
  },
  {
    id: "status.created-safe-method",
    severity: "warning",
    bad: { status: 201, request: GET() },
    good: { status: 201, request: { method: "POST" } },
  },
  {
    id: "status.partial-unrequested",
    severity: "error",
    bad: { status: 206, request: GET() },
    good: { status: 206, request: GET([["Range", "bytes=0-9"]]) },
  },
  {
    id: "status.304-unconditional",
    severity: "error",
    bad: { status: 304, request: GET() },
    good: { status: 304, request: GET([["If-None-Match", '"a"']]) },
  },
  {
    id: "status.304-unconditional",
    severity: "error",
    bad: { status: 304, request: { method: "PUT", headers: [["If-Match", '"a"']] } },
    good: { status: 304, request: GET([["If-Modified-Since", "Tue, 24 Nov 2026 10:00:00 GMT"]]) },
  },
  {
    id: "status.missing-trigger",
    severity: "warning",
    bad: { status: 412, request: GET() },
    good: { status: 412, request: GET([["If-Match", '"a"']]) },
  },
  {
    id: "status.missing-trigger",
    severity: "warning",
    bad: { status: 416, request: GET() },
    good: { status: 416, request: GET([["Range", "bytes=900-"]]) },
  },
  {
    id: "status.missing-trigger",
    severity: "warning",
    bad: { status: 406, request: GET() },
    good: { status: 406, request: GET([["Accept", "application/xml"]]) },
  },
  {
    id: "status.missing-trigger",
    severity: "info",
    bad: { status: 417, request: GET([["Expect", "100-continue"]]) },
    good: { status: 417, request: GET([["Expect", "something-else"]]) },
  },
  {
    id: "status.missing-trigger",
    severity: "warning",
    bad: { status: 425, request: GET() },
    good: { status: 425, request: GET([["Early-Data", "1"]]) },
  },
  {
    id: "status.405-method-allowed",
    severity: "warning",
    bad: { status: 405, headers: [["Allow", "GET, POST"]], request: GET() },
    good: { status: 405, headers: [["Allow", "POST"]], request: GET() },
  },
  {
    id: "status.redirect-post-rewrite",
    severity: "warning",
    bad: { status: 302, headers: [["Location", "/x"]], request: { method: "POST" } },
    good: { status: 307, headers: [["Location", "/x"]], request: { method: "POST" } },
  },
  {
    id: "status.200-empty",
    severity: "info",
    bad: { status: 200, body: "" },
    good: { status: 200, body: "{}" },
  },
  {
    id: "status.reason-phrase",
    severity: "warning",
    bad: { status: 200, reason: "Ok\u00e9" },
    good: { status: 200, reason: "OK" },
  },
  {
    id: "status.reason-phrase",
    severity: "info",
    bad: { status: 404, reason: "Nope" },
    good: { status: 404, reason: "Not Found" },
  },
];

runCheckCases(CASES);

describe("status.explain", () => {
  it("explains registered and unregistered codes", () => {
    expect(findings({ status: 401 }, "status.explain")[0]?.title).toBe("401 Unauthorized");
    expect(findings({ status: 299 }, "status.explain")[0]?.explanation).toMatch(/like 200/);
  });
});

describe("checks that need the request", () => {
  it("say nothing when only the response is known", () => {
    expect(findings({ status: 304 }, "status.304-unconditional")).toEqual([]);
  });
});
