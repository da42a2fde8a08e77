import { describe, expect, it } from "vitest";

import { simulate } from "../../simulator";
import { inspect } from "../index";
import { findings, NOW, NOW_HTTP, type Case, type CheckCase, runCheckCases } from "../test-util";

const GET = (headers: [string, string][] = []) => ({ method: "GET", headers });
const DATE: [string, string] = ["Date", NOW_HTTP];
const cc = (value: string, status = 200, more: [string, string][] = []): Case => ({
  status,
  headers: [DATE, ["Cache-Control", value], ...more],
});

const CASES: CheckCase[] = [
  { id: "cache.summary", severity: "info", bad: cc("max-age=3600"), good: { status: 103 } },
  {
    id: "cache.heuristic",
    severity: "warning",
    bad: { status: 200, headers: [DATE] },
    good: cc("max-age=60"),
  },
  {
    id: "cache.heuristic",
    severity: "warning",
    bad: { status: 404, headers: [DATE] },
    good: { status: 500, headers: [DATE] },
  },
  { id: "cache.heuristic", severity: "warning", bad: cc("public", 500), good: cc("no-cache") },
  {
    id: "cache.never-store-code",
    severity: "warning",
    bad: cc("max-age=60", 429),
    good: cc("no-store", 429),
  },
  {
    id: "cache.never-store-code",
    severity: "warning",
    bad: { status: 511, headers: [DATE, ["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]] },
    good: { status: 511, headers: [DATE] },
  },
  { id: "cache.cc-invalid", severity: "error", bad: cc("max-age=abc"), good: cc("max-age=60") },
  {
    id: "cache.cc-invalid",
    severity: "error",
    bad: cc("max age=60"),
    good: cc('max-age=60, community="UCI"'),
  },
  { id: "cache.cc-invalid", severity: "error", bad: cc("max-age=60 public"), good: cc("max-age=60, public") },
  { id: "cache.cc-invalid", severity: "error", bad: cc("s-maxage"), good: cc("s-maxage=60") },
  { id: "cache.cc-invalid", severity: "warning", bad: cc('max-age="60"'), good: cc("max-age=60") },
  { id: "cache.cc-invalid", severity: "warning", bad: cc("no-store=1"), good: cc("no-store") },
  {
    id: "cache.cc-invalid",
    severity: "warning",
    bad: cc("private=Set-Cookie"),
    good: cc('private="Set-Cookie"'),
  },
  {
    id: "cache.cc-invalid",
    severity: "warning",
    bad: cc("max-age=60, min-fresh=10"),
    good: cc("max-age=60, stale-if-error=600"),
  },
  { id: "cache.cc-invalid", severity: "warning", bad: cc("max_age=60"), good: cc("max-age=60") },
  { id: "cache.cc-invalid", severity: "warning", bad: cc("max-age=60, max-age=60"), good: cc("max-age=60") },
  { id: "cache.cc-invalid", severity: "info", bad: cc("no-store, no-store"), good: cc("no-store") },
  { id: "cache.cc-invalid", severity: "info", bad: cc("Max-Age=60"), good: cc("max-age=60") },
  { id: "cache.cc-conflict", severity: "error", bad: cc("public, private"), good: cc("public, max-age=60") },
  {
    id: "cache.cc-conflict",
    severity: "warning",
    bad: cc("no-store, max-age=600"),
    good: cc("no-store, no-cache, must-revalidate, max-age=0"),
  },
  {
    id: "cache.cc-conflict",
    severity: "warning",
    bad: cc("no-cache, max-age=600"),
    good: cc("no-cache, max-age=0"),
  },
  {
    id: "cache.cc-conflict",
    severity: "warning",
    bad: cc("max-age=60, max-age=120"),
    good: cc("max-age=60, s-maxage=120"),
  },
  {
    id: "cache.immutable-without-freshness",
    severity: "warning",
    bad: cc("no-cache, immutable"),
    good: cc("max-age=31536000, immutable"),
  },
  {
    id: "cache.immutable-without-freshness",
    severity: "warning",
    bad: cc("immutable"),
    good: cc("public, max-age=600, immutable"),
  },
  {
    id: "cache.immutable-without-freshness",
    severity: "warning",
    bad: cc("max-age=0, immutable"),
    good: cc("max-age=1, immutable"),
  },
  {
    id: "cache.public-unneeded",
    severity: "info",
    bad: { ...cc("public, max-age=60"), request: GET() },
    good: { ...cc("public, max-age=60"), request: GET([["Authorization", "Bearer x"]]) },
  },
  { id: "cache.public-unneeded", severity: "info", bad: cc("public", 404), good: cc("public", 500) },
  {
    id: "cache.no-cache-no-validator",
    severity: "warning",
    bad: cc("no-cache"),
    good: cc("no-cache", 200, [["ETag", '"v1"']]),
  },
  {
    id: "cache.no-cache-no-validator",
    severity: "warning",
    bad: cc("no-cache", 404),
    good: cc("no-cache", 200, [["Last-Modified", "Tue, 24 Nov 2026 12:00:00 GMT"]]),
  },
  {
    id: "cache.time-fields",
    severity: "warning",
    bad: { status: 200, headers: [DATE, ["Expires", "next week"]] },
    good: { status: 200, headers: [DATE, ["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]] },
  },
  {
    id: "cache.time-fields",
    severity: "info",
    bad: { status: 200, headers: [DATE, ["Expires", "0"]] },
    good: { status: 200, headers: [DATE] },
  },
  {
    id: "cache.time-fields",
    severity: "info",
    bad: cc("max-age=60", 200, [["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]]),
    good: cc("max-age=60"),
  },
  {
    id: "cache.time-fields",
    severity: "info",
    bad: { status: 200, headers: [DATE, ["Expires", "Thursday, 26-Nov-26 12:00:00 GMT"]] },
    good: { status: 200, headers: [DATE, ["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]] },
  },
  {
    id: "cache.time-fields",
    severity: "warning",
    bad: { status: 200, headers: [["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]] },
    good: { status: 200, headers: [DATE, ["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]] },
  },
  {
    id: "cache.time-fields",
    severity: "warning",
    bad: { status: 200, headers: [["Last-Modified", "Tue, 24 Nov 2026 12:00:00 GMT"]] },
    good: { status: 200, headers: [DATE, ["Last-Modified", "Tue, 24 Nov 2026 12:00:00 GMT"]] },
  },
  {
    id: "cache.time-fields",
    severity: "warning",
    bad: { status: 200, headers: [DATE, ["Last-Modified", "yesterday"]] },
    good: { status: 200, headers: [DATE, ["Last-Modified", "Tue, 24 Nov 2026 12:00:00 GMT"]] },
  },
  {
    id: "cache.time-fields",
    severity: "error",
    bad: { status: 200, headers: [DATE, ["Age", "-5"]] },
    good: { status: 200, headers: [DATE, ["Age", "30"]] },
  },
  {
    id: "cache.time-fields",
    severity: "warning",
    bad: { status: 200, headers: [DATE, ["Age", "99999999"]] },
    good: { status: 200, headers: [DATE, ["Age", "86400"]] },
  },
  {
    id: "cache.pragma",
    severity: "warning",
    bad: { status: 200, headers: [DATE, ["Pragma", "no-cache"]] },
    good: cc("no-cache"),
  },
  {
    id: "cache.pragma",
    severity: "info",
    bad: cc("no-cache", 200, [["Pragma", "no-cache"]]),
    good: cc("no-cache"),
  },
  {
    id: "cache.auth-shared",
    severity: "info",
    bad: { ...cc("public, max-age=60"), request: GET([["Authorization", "Bearer x"]]) },
    good: { ...cc("private, max-age=60"), request: GET([["Authorization", "Bearer x"]]) },
  },
  {
    id: "cache.auth-shared",
    severity: "info",
    bad: { ...cc("s-maxage=60"), request: GET([["Authorization", "Bearer x"]]) },
    good: { ...cc("max-age=60"), request: GET([["Authorization", "Bearer x"]]) },
  },
  {
    id: "cache.validators-missing",
    severity: "info",
    bad: cc("max-age=60"),
    good: cc("max-age=60", 200, [["ETag", '"v1"']]),
  },
  {
    id: "cache.validators-missing",
    severity: "info",
    bad: { ...cc("max-age=60"), request: { method: "HEAD" } },
    good: { ...cc("max-age=60"), request: { method: "POST" } },
  },
  {
    id: "cache.etag-syntax",
    severity: "error",
    bad: { status: 200, headers: [["ETag", "abc"]] },
    good: { status: 200, headers: [["ETag", '"abc"']] },
  },
  {
    id: "cache.etag-syntax",
    severity: "error",
    bad: { status: 200, headers: [["ETag", 'w/"abc"']] },
    good: { status: 200, headers: [["ETag", 'W/"abc"']] },
  },
  {
    id: "cache.etag-syntax",
    severity: "error",
    bad: { status: 200, headers: [["ETag", "*"]] },
    good: { status: 200, headers: [["ETag", '""']] },
  },
  {
    id: "cache.etag-syntax",
    severity: "error",
    bad: { status: 200, headers: [["ETag", '"a b"']] },
    good: { status: 200, headers: [["ETag", '"a-b"']] },
  },
  {
    id: "cache.etag-syntax",
    severity: "error",
    bad: { status: 200, headers: [["ETag", 'W/ "abc"']] },
    good: { status: 200, headers: [["ETag", 'W/"abc"']] },
  },
  {
    id: "cache.304-representation-headers",
    severity: "warning",
    bad: { status: 304, headers: [DATE, ["ETag", '"v1"'], ["Content-Type", "text/html"]] },
    good: { status: 304, headers: [DATE, ["ETag", '"v1"']] },
  },
  {
    id: "cache.304-representation-headers",
    severity: "warning",
    bad: { status: 304, headers: [DATE, ["Content-Encoding", "gzip"]] },
    good: { status: 200, headers: [DATE, ["Content-Encoding", "gzip"]] },
  },
];

runCheckCases(CASES);

describe("cache.summary", () => {
  const summary = (c: Case) => findings(c, "cache.summary")[0];

  it("states the freshness lifetime", () => {
    expect(summary(cc("max-age=3600"))?.title).toBe("Cacheable: fresh for 1 hour");
    expect(summary(cc("max-age=90"))?.title).toBe("Cacheable: fresh for about 1.5 minutes");
  });
  it("uses Expires minus Date when there is no max-age", () => {
    expect(
      summary({ status: 200, headers: [DATE, ["Expires", "Thu, 26 Nov 2026 12:00:00 GMT"]] })?.title,
    ).toBe("Cacheable: fresh for 1 day");
  });
  it("tells shared and browser lifetimes apart", () => {
    expect(summary(cc("max-age=60, s-maxage=3600"))?.title).toBe(
      "Cacheable: fresh for 1 hour in shared caches, fresh for 1 minute in browsers",
    );
  });
  it("says who may store it", () => {
    expect(summary(cc("no-store"))?.title).toMatch(/Not stored by any cache/);
    expect(summary(cc("private, max-age=60"))?.title).toBe("Cacheable by browsers only: fresh for 1 minute");
    expect(summary({ status: 500, headers: [DATE] })?.title).toBe("Not stored by caches");
    expect(summary(cc("max-age=60", 429))?.title).toMatch(/Never stored/);
  });
  it("keeps answers to authenticated requests out of shared caches unless allowed (RFC 9111 §3.5)", () => {
    const auth = GET([["Authorization", "Bearer x"]]);
    expect(summary({ ...cc("max-age=60"), request: auth })?.title).toBe(
      "Cacheable by browsers only: fresh for 1 minute",
    );
    expect(summary({ ...cc("max-age=60, must-revalidate"), request: auth })?.title).toBe(
      "Cacheable: fresh for 1 minute",
    );
  });
  it("explains heuristic freshness with the 10% rule", () => {
    const s = summary({ status: 200, headers: [DATE, ["Last-Modified", "Fri, 15 Nov 2026 12:00:00 GMT"]] });
    expect(s?.title).toBe("Cacheable: heuristic freshness");
    expect(s?.explanation).toMatch(/1 day/);
  });
  it("covers no-cache, 304 and unsafe methods", () => {
    expect(summary(cc("no-cache", 200, [["ETag", '"a"']]))?.title).toBe(
      "Cacheable: revalidated before every use",
    );
    expect(summary(cc("max-age=60", 304))?.explanation).toMatch(/updates that copy's headers.*1 minute/);
    expect(summary({ ...cc("max-age=60"), request: { method: "POST" } })?.title).toMatch(
      /Not reused by caches/,
    );
  });
});

describe("cache.heuristic covers RFC 9110's whole list, not httplint's", () => {
  it.each([204, 308, 405, 414, 451, 501])("%i without freshness is heuristically cacheable", (status) => {
    expect(findings({ status, headers: [DATE] }, "cache.heuristic")).toHaveLength(1);
  });
  it.each([201, 302, 307, 403, 503])("%i without freshness is not", (status) => {
    expect(findings({ status, headers: [DATE] }, "cache.heuristic")).toEqual([]);
  });
  it("does not apply to answers to POST", () => {
    expect(
      findings({ status: 200, headers: [DATE], request: { method: "POST" } }, "cache.heuristic"),
    ).toEqual([]);
  });
});

describe("checks that need the request", () => {
  it("say nothing when only the response is known", () => {
    expect(findings(cc("public, max-age=60"), "cache.auth-shared")).toEqual([]);
  });
});

describe("responses from our simulator", () => {
  const codes = [
    200, 201, 204, 206, 301, 302, 304, 400, 401, 404, 405, 410, 416, 418, 429, 451, 500, 503, 511,
  ];
  const methods = ["GET", "HEAD", "POST", "OPTIONS"];
  it.each(codes.flatMap((code) => methods.map((method) => [code, method] as const)))(
    "%i to %s has no caching or negotiation warnings",
    (code, method) => {
      const headers: [string, string][] = [
        ["Accept-Encoding", "gzip, br"],
        ["Origin", "https://example.com"],
      ];
      const sim = simulate({ method, url: `/api/status/${code}`, code: String(code), headers });
      // The server underneath may compress content (never a 204's or a 304's: they have none).
      const variants: [string, string][][] =
        sim.status === 204 || sim.status === 304 ? [[]] : [[], [["Content-Encoding", "gzip"]]];
      for (const extra of variants) {
        const result = inspect({
          response: { status: sim.status, headers: [...sim.headers, DATE, ...extra], body: sim.body },
          request: { method, headers },
          now: NOW,
        });
        const loud = result.findings.filter(
          (f) => (f.group === "caching" || f.group === "negotiation") && f.severity !== "info",
        );
        expect(loud).toEqual([]);
      }
    },
  );
});
