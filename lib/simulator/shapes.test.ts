/**
 * `simulate()` answers a request that differs from an earlier one only in a query without options
 * from a shape of the earlier answer (index.ts). The shapes must be invisible: for any request, the
 * answer is exactly what `simulateUncached()` computes from scratch, whatever was asked before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { simulate, simulateUncached, SIMULATED_METHODS, type SimRequest } from "./index";

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

const code = fc.oneof(
  fc.integer({ min: 100, max: 599 }).map(String),
  fc.constantFrom("200", "201", "204", "206", "301", "304", "401", "405", "412", "416", "429", "503"),
);
const method = fc.constantFrom(...SIMULATED_METHODS, "TRACE", "get");
// Query keys: plain ones (echoed only), integer-like ones (ordered first by JSON), awkward ones, and
// now and then an option, which turns shapes off.
const key = fc.oneof(
  fc.constantFrom("n", "a", "b", "1", "42", "__proto__", "toString", "q<", "é", ""),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("delay", "format", "header", "auth", "location", "scenario", "fail-until"),
);
const value = fc.oneof(fc.constantFrom("1", "x y", "<b>", "%", "€", ""), fc.string({ maxLength: 8 }));
const query = fc
  .array(fc.tuple(key, value), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ""));
const headerPool: [string, string][] = [
  ["Host", "127.0.0.1:3000"],
  ["User-Agent", "curl/8.17.0"],
  ["Accept", "application/problem+json"],
  ["Accept", "text/plain"],
  ["Accept", "application/json;q=0.5, text/html"],
  ["Authorization", "Bearer abc"],
  ["Cookie", "a=1; b=2"],
  ["X-Custom", "<x>"],
  ["x-custom", "again"],
  ["Origin", "http://a.example"],
  ["Access-Control-Request-Method", "PUT"],
  ["Simulate-Delay", "5"],
  ["Simulate-Auth", "basic"],
  ["Simulate-Location", "/elsewhere"],
  ["If-None-Match", "*"],
  ["Range", "bytes=0-9"],
  ["Expect", "100-continue"],
];
const headers = fc.subarray(headerPool).chain((h) => fc.shuffledSubarray(h, { minLength: h.length }));

const request = fc.record({
  method,
  code,
  query,
  headers,
  httpVersion: fc.constantFrom(undefined, "1.0", "1.1"),
  canSendInterim: fc.boolean(),
});

function build(r: {
  method: string;
  code: string;
  query: string;
  headers: [string, string][];
  httpVersion: string | undefined;
  canSendInterim: boolean;
}): SimRequest {
  return {
    method: r.method,
    url: `/api/status/${r.code}${r.query}`,
    code: r.code,
    headers: r.headers,
    now: NOW,
    httpVersion: r.httpVersion,
    canSendInterim: r.canSendInterim,
  };
}

describe("answers from shapes", () => {
  it("are exactly the answers computed from scratch", () => {
    fc.assert(
      fc.property(request, query, (r, earlier) => {
        // The same request with another query first, so the answer may come from that one's shape.
        simulate(build({ ...r, query: earlier }));
        const req = build(r);
        expect(simulate(req)).toEqual(simulateUncached(req));
      }),
      { numRuns: 800 },
    );
    // A generous bound: the property is about equality, never about time.
  }, 120_000);

  it("keep the ETag of each query's own resource", () => {
    const a = simulate(
      build({
        method: "GET",
        code: "200",
        query: "?n=1",
        headers: [],
        httpVersion: undefined,
        canSendInterim: false,
      }),
    );
    const b = simulate(
      build({
        method: "GET",
        code: "200",
        query: "?n=2",
        headers: [],
        httpVersion: undefined,
        canSendInterim: false,
      }),
    );
    const etag = (res: typeof a) => res.headers.find(([n]) => n === "ETag")?.[1];
    expect(etag(a)).toBeDefined();
    expect(etag(a)).not.toBe(etag(b));
    expect(JSON.parse(b.body ?? "").request.query).toEqual({ n: "2" });
  });
});
