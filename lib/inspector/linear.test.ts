/**
 * The inspector must be linear in its input (issue 10 item 1): one POST /api/inspect with
 * `Cache-Control: x,x,x,…` once took 10.7 s of CPU, and a 65 KB max-age list gave 3.7 MB of findings.
 *
 * Work is measured in ways that hold on a loaded 2-core machine: the size and number of findings
 * (deterministic), and the ratio of CPU time per call for 4n bytes against n bytes of the same shape
 * (linear work gives about 4, quadratic about 16; the bound is 10, on the best of up to five measurements,
 * each the best of three rounds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { inspect, type InspectInput } from "./index";
import { MAX_INPUT_BYTES } from "./parse";

/** Every response field some check reads, and a few request fields. */
const RESPONSE_FIELDS = [
  "Accept",
  "Accept-Encoding",
  "Accept-Patch",
  "Access-Control-Allow-Credentials",
  "Access-Control-Allow-Headers",
  "Access-Control-Allow-Methods",
  "Access-Control-Allow-Origin",
  "Access-Control-Expose-Headers",
  "Access-Control-Max-Age",
  "Age",
  "Allow",
  "Cache-Control",
  "Connection",
  "Content-Encoding",
  "Content-Length",
  "Content-Range",
  "Content-Security-Policy",
  "Content-Type",
  "Date",
  "ETag",
  "Expires",
  "Last-Modified",
  "Link",
  "Location",
  "Pragma",
  "Proxy-Authenticate",
  "Referrer-Policy",
  "Retry-After",
  "Server",
  "Set-Cookie",
  "Strict-Transport-Security",
  "Transfer-Encoding",
  "Upgrade",
  "Vary",
  "WWW-Authenticate",
  "X-Content-Type-Options",
  "X-Frame-Options",
];

/** Pieces that parsers treat specially: separators, quotes, escapes, directives, parameters. */
const ATOMS = [
  "x",
  ",",
  ", ",
  ";",
  "=",
  '"',
  "\\",
  " ",
  "max-age=1",
  "max-age=x",
  "max-agf=1",
  "no-cache",
  'no-cache="a',
  "public",
  "private",
  "immutable",
  "*",
  "W/",
  '"e"',
  "<a>",
  "rel=preload",
  "bytes=0-",
  "gzip",
  "text/html",
  "charset=utf-8",
  "default-src 'self'",
  "script-src",
  "'unsafe-inline'",
  "a=b",
  "Path=/",
  "Secure",
  "HttpOnly",
  "SameSite=None",
  "Bearer",
  'realm="r"',
  "GET",
  "Origin",
  "includeSubDomains",
  "1",
  "Mon, 01 Jan 2024 00:00:00 GMT",
];

const STATUSES = [200, 204, 206, 301, 304, 401, 405, 407, 416, 426, 429, 451, 503];

function withField(name: string, value: string, status: number, repeatField: boolean): InspectInput {
  return {
    response: {
      status,
      headers: repeatField ? value.split("\n").map((v) => [name, v]) : [[name, value]],
      body: "",
    },
    request: {
      method: "GET",
      headers: [
        ["Origin", "https://a.example"],
        ["Accept", value.slice(0, 4096)],
      ],
    },
    now: new Date(Date.UTC(2026, 0, 1)),
  };
}

/**
 * CPU milliseconds per call: calls are repeated until 12 ms of CPU are spent (so a fast call is not
 * lost in the clock's resolution), and the best of three such rounds is kept, since noise from the
 * rest of the machine (other processes, GC of earlier work) only ever adds time.
 */
function cpuMsPerCall(fn: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    let calls = 0;
    let used = 0;
    do {
      fn();
      calls++;
      const u = process.cpuUsage(start);
      used = (u.user + u.system) / 1000;
    } while (used < 12 && calls < 1000);
    best = Math.min(best, used / calls);
  }
  return best;
}

/** The input, as a value repeated to about `bytes` bytes (one field, or one field per repeat). */
function sized(unit: string, bytes: number, repeatField: boolean): string {
  const n = Math.max(1, Math.floor(bytes / unit.length));
  return repeatField ? Array.from({ length: n }, () => unit).join("\n") : unit.repeat(n);
}

const SMALL = Math.floor(MAX_INPUT_BYTES / 8);
const LARGE = SMALL * 4;

describe("the inspector is linear in its input", () => {
  it("answers the Cache-Control bombs from issue 10 with a bounded number of findings", () => {
    for (const unit of ["x,", "max-age=1,", "max-age=x,", "max-agf=1,", 'no-cache="a",']) {
      const value = unit.repeat(Math.floor((MAX_INPUT_BYTES - 100) / unit.length));
      const result = inspect(withField("Cache-Control", value, 200, false));
      expect(result.findings.length, unit).toBeLessThan(100);
      // The findings may quote the input, but never multiply it.
      expect(JSON.stringify(result.findings).length, unit).toBeLessThan(2 * value.length + 64 * 1024);
    }
  });

  it("groups repeated findings: the same finding is reported once, with how many times it occurred", () => {
    const value = Array.from({ length: 50 }, () => "max-age=x").join(", ");
    const found = inspect(withField("Cache-Control", value, 200, false)).findings.filter(
      (f) => f.title === "max-age needs a number of seconds",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.count).toBe(50);
  });

  /** One field, one shape: n bytes and 4n bytes of the same repeated unit. */
  function checkScaling(name: string, unit: string, status: number, repeatField: boolean) {
    const small = withField(name, sized(unit, SMALL, repeatField), status, repeatField);
    const large = withField(name, sized(unit, LARGE, repeatField), status, repeatField);
    inspect(small); // warm up the code paths this shape takes
    const smallResult = inspect(small);
    const largeResult = inspect(large);
    const label = `${name}: ${JSON.stringify(unit)} ×${repeatField ? "fields" : "value"} on ${status}`;
    // Grouped: more of the same input gives no more findings (a few may appear or vanish at the edges).
    expect(largeResult.findings.length, label).toBeLessThanOrEqual(smallResult.findings.length + 3);
    expect(JSON.stringify(largeResult.findings).length, label).toBeLessThan(2 * LARGE + 64 * 1024);
    // Linear work gives about 4 here, quadratic about 16. A busy machine (the rest of the suite runs
    // beside this file) can make one measurement look superlinear, but only the input's shape makes
    // every one of them so: the pair is measured up to five times and the best ratio is kept.
    let best = { ratio: Infinity, tSmall: 0, tLarge: 0 };
    for (let attempt = 0; attempt < 5 && best.ratio >= 10; attempt++) {
      const tSmall = cpuMsPerCall(() => inspect(small));
      const tLarge = cpuMsPerCall(() => inspect(large));
      if (tLarge / tSmall < best.ratio) best = { ratio: tLarge / tSmall, tSmall, tLarge };
    }
    expect(best.ratio, `${label}: ${best.tSmall.toFixed(2)} ms → ${best.tLarge.toFixed(2)} ms`).toBeLessThan(
      10,
    );
  }

  it.each(RESPONSE_FIELDS)(
    "%s: 4× the input costs at most about 4× the work and gives no more findings",
    (name) => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 3 }).map((a) => a.join("")),
          fc.constantFrom(",", ", ", ";", " ", ""),
          fc.constantFrom(...STATUSES),
          fc.boolean(),
          (unit, separator, status, repeatField) => checkScaling(name, unit + separator, status, repeatField),
        ),
        { numRuns: 3, seed: 20261201 },
      );
      // The shape that froze the process (issue 10), for every field.
      checkScaling(name, "x,", 200, false);
    },
    60_000,
  );
});
