import { describe, expect, it } from "vitest";

import { findings, NOW_HTTP, type CheckCase, runCheckCases } from "../test-util";

import { aboutDuration } from "./util";

const D: [string, string] = ["Date", NOW_HTTP];

const CASES: CheckCase[] = [
  {
    id: "hdr.auth-challenge",
    severity: "error",
    bad: { status: 401, headers: [D] },
    good: { status: 401, headers: [D, ["WWW-Authenticate", 'Bearer realm="api"']] },
  },
  {
    id: "hdr.auth-challenge",
    severity: "error",
    bad: { status: 401, headers: [D, ["WWW-Authenticate", "=broken"]] },
    good: { status: 401, headers: [D, ["WWW-Authenticate", "Basic realm=x"]] },
  },
  {
    id: "hdr.auth-challenge",
    severity: "error",
    bad: { status: 407, headers: [D] },
    good: { status: 407, headers: [D, ["Proxy-Authenticate", "Basic realm=p"]] },
  },
  {
    id: "hdr.405-allow",
    severity: "error",
    bad: { status: 405, headers: [D] },
    good: { status: 405, headers: [D, ["Allow", ""]] },
  },
  {
    id: "hdr.upgrade",
    severity: "error",
    bad: { status: 426, headers: [D] },
    good: { status: 426, headers: [D, ["Upgrade", "websocket"], ["Connection", "Upgrade"]] },
  },
  {
    id: "hdr.upgrade",
    severity: "error",
    bad: { status: 426, headers: [D, ["Upgrade", "websocket"]] },
    good: { status: 426, headers: [D, ["Upgrade", "websocket"], ["Connection", "keep-alive, upgrade"]] },
  },
  {
    id: "hdr.required",
    severity: "error",
    bad: {
      status: 226,
      headers: [
        ["Date", NOW_HTTP],
        ["IM", "feed"],
      ],
    },
    good: {
      status: 226,
      headers: [
        ["Date", NOW_HTTP],
        ["ETag", '"v43"'],
        ["IM", "feed"],
      ],
    },
  },
  {
    id: "hdr.redirect-location",
    severity: "error",
    bad: { status: 303, headers: [D] },
    good: { status: 303, headers: [D, ["Location", "/x"]] },
  },
  {
    id: "hdr.redirect-location",
    severity: "warning",
    bad: { status: 308, headers: [D] },
    good: { status: 308, headers: [D, ["Location", "https://example.com/"]] },
  },
  {
    id: "hdr.201-location",
    severity: "warning",
    bad: { status: 201, headers: [D], request: { method: "POST" } },
    good: { status: 201, headers: [D, ["Location", "/orders/1"]], request: { method: "POST" } },
  },
  {
    id: "hdr.201-location",
    severity: "info",
    bad: { status: 201, headers: [D], request: { method: "PUT" } },
    good: { status: 201, headers: [D, ["Location", "/orders/1"]] },
  },
  {
    id: "hdr.location-meaningless",
    severity: "warning",
    bad: { status: 200, headers: [D, ["Location", "/x"]] },
    good: { status: 302, headers: [D, ["Location", "/x"]] },
  },
  {
    id: "hdr.location-syntax",
    severity: "error",
    bad: { status: 302, headers: [D, ["Location", "/a b"]] },
    good: { status: 302, headers: [D, ["Location", "https://example.com/a%20b"]] },
  },
  {
    id: "hdr.location-syntax",
    severity: "error",
    bad: { status: 302, headers: [D, ["Location", "/a"], ["Location", "/b"]] },
    good: { status: 302, headers: [D, ["Location", "https://example.com/a"]] },
  },
  {
    id: "hdr.location-syntax",
    severity: "info",
    bad: { status: 302, headers: [D, ["Location", "/relative"]] },
    good: { status: 302, headers: [D, ["Location", "https://example.com/abs"]] },
  },
  {
    id: "hdr.206-content-range",
    severity: "error",
    bad: { status: 206, headers: [D] },
    good: { status: 206, headers: [D, ["Content-Range", "bytes 0-9/26"]] },
  },
  {
    id: "hdr.206-content-range",
    severity: "error",
    bad: {
      status: 206,
      headers: [D, ["Content-Type", "multipart/byteranges; boundary=X"], ["Content-Range", "bytes 0-9/26"]],
    },
    good: { status: 206, headers: [D, ["Content-Type", "multipart/byteranges; boundary=X"]] },
  },
  {
    id: "hdr.416-content-range",
    severity: "warning",
    bad: { status: 416, headers: [D] },
    good: { status: 416, headers: [D, ["Content-Range", "bytes */1024"]] },
  },
  {
    id: "hdr.content-range",
    severity: "error",
    bad: { status: 206, headers: [D, ["Content-Range", "bytes 9-0/26"]] },
    good: { status: 206, headers: [D, ["Content-Range", "bytes 0-9/*"]] },
  },
  {
    id: "hdr.content-range",
    severity: "error",
    bad: { status: 206, headers: [D, ["Content-Range", "bytes 0-9/9"]] },
    good: { status: 206, headers: [D, ["Content-Range", "bytes 0-9/10"]] },
  },
  {
    id: "hdr.content-range",
    severity: "error",
    bad: { status: 206, headers: [D, ["Content-Range", "bytes */26"]] },
    good: { status: 416, headers: [D, ["Content-Range", "bytes */26"]] },
  },
  {
    id: "hdr.content-range",
    severity: "warning",
    bad: { status: 200, headers: [D, ["Content-Range", "bytes 0-9/26"]] },
    good: { status: 200, headers: [D] },
  },
  {
    id: "hdr.retry-after",
    severity: "error",
    bad: { status: 503, headers: [D, ["Retry-After", "soon"]] },
    good: { status: 503, headers: [D, ["Retry-After", "120"]] },
  },
  {
    id: "hdr.retry-after",
    severity: "info",
    bad: { status: 429, headers: [D] },
    good: { status: 429, headers: [D, ["Retry-After", "Wed, 25 Nov 2026 12:01:00 GMT"]] },
  },
  {
    id: "hdr.retry-after",
    severity: "info",
    bad: { status: 404, headers: [D, ["Retry-After", "5"]] },
    good: { status: 301, headers: [D, ["Location", "/x"], ["Retry-After", "5"]] },
  },
  {
    id: "hdr.date",
    severity: "warning",
    bad: { status: 200, headers: [] },
    good: { status: 503, headers: [] },
  },
  {
    id: "hdr.date",
    severity: "error",
    bad: { status: 200, headers: [["Date", "yesterday"]] },
    good: { status: 200, headers: [D] },
  },
  {
    id: "hdr.date",
    severity: "warning",
    bad: { status: 200, headers: [["Date", "Wednesday, 25-Nov-26 12:00:00 GMT"]] },
    good: { status: 200, headers: [D] },
  },
  {
    id: "hdr.date",
    severity: "warning",
    bad: { status: 200, headers: [["Date", "Wed, 25 Nov 2026 13:00:00 GMT"]] },
    good: { status: 200, headers: [["Date", "Wed, 25 Nov 2026 12:01:00 GMT"]] },
  },
  {
    id: "hdr.last-modified-future",
    severity: "error",
    bad: { status: 200, headers: [D, ["Last-Modified", "Thu, 26 Nov 2026 12:00:00 GMT"]] },
    good: { status: 200, headers: [D, ["Last-Modified", "Tue, 24 Nov 2026 12:00:00 GMT"]] },
  },
  {
    id: "hdr.singleton-repeated",
    severity: "error",
    bad: { status: 200, headers: [D, ["Content-Type", "text/html"], ["Content-Type", "application/json"]] },
    good: { status: 200, headers: [D, ["Content-Type", "application/json"]] },
  },
  {
    id: "hdr.singleton-repeated",
    severity: "error",
    bad: { status: 200, headers: [D, ["Content-Length", "10, 12"]] },
    good: { status: 200, headers: [D, ["Content-Length", "10"]] },
  },
  {
    id: "hdr.helpful-fields",
    severity: "info",
    bad: { status: 451, headers: [D] },
    good: { status: 451, headers: [D, ["Link", '<https://example.com/legal>; rel="blocked-by"']] },
  },
  {
    // The relation is read from a parsed link (fields/link.ts), not found anywhere in the text.
    id: "hdr.helpful-fields",
    severity: "info",
    bad: { status: 451, headers: [D, ["Link", 'rel="blocked-by"']] },
    good: { status: 451, headers: [D, ["Link", "</next>; rel=next"], ["Link", "</legal>; rel=Blocked-By"]] },
  },
  {
    id: "hdr.helpful-fields",
    severity: "info",
    bad: { status: 415, headers: [D] },
    good: { status: 415, headers: [D, ["Accept", "application/json"]] },
  },
  {
    id: "hdr.challenge-misplaced",
    severity: "warning",
    bad: { status: 511, headers: [D, ["WWW-Authenticate", "Basic realm=x"]] },
    good: { status: 511, headers: [D] },
  },
  {
    id: "hdr.challenge-misplaced",
    severity: "info",
    bad: { status: 403, headers: [D, ["Proxy-Authenticate", "Basic realm=x"]] },
    good: { status: 407, headers: [D, ["Proxy-Authenticate", "Basic realm=x"]] },
  },
  {
    id: "hdr.out-of-place",
    severity: "error",
    bad: { status: 200, headers: [D, ["Authorization", "Bearer x"]] },
    good: { status: 200, headers: [D] },
  },
  {
    id: "hdr.out-of-place",
    severity: "warning",
    bad: { status: 200, headers: [D, ["X-XSS-Protection", "1; mode=block"]] },
    good: { status: 200, headers: [D, ["X-Content-Type-Options", "nosniff"]] },
  },
];

runCheckCases(CASES, { sameSeverityOnly: true });

describe("subjects", () => {
  it("name the header a finding is about", () => {
    expect(findings({ status: 405, headers: [D] }, "hdr.405-allow")[0]?.subject).toBe("Allow");
  });
});

describe("a skewed Date", () => {
  it("says how far off in words a reader can take in, and which way", () => {
    // NOW_HTTP is 12:00:00; 35704 s earlier is 02:04:56.
    const behind = findings(
      { status: 200, headers: [["Date", "Wed, 25 Nov 2026 02:04:56 GMT"]] },
      "hdr.date",
    );
    expect(behind[0]?.title).toBe("Date is off by about 10 hours");
    expect(behind[0]?.explanation).toContain("35704 seconds behind");
    const ahead = findings({ status: 200, headers: [["Date", "Wed, 25 Nov 2026 12:06:00 GMT"]] }, "hdr.date");
    expect(ahead[0]?.title).toBe("Date is off by 6 minutes");
    expect(ahead[0]?.explanation).toContain("360 seconds ahead");
    const days = findings({ status: 200, headers: [["Date", "Sun, 22 Nov 2026 12:00:00 GMT"]] }, "hdr.date");
    expect(days[0]?.title).toBe("Date is off by about 3 days");
  });
});

describe("aboutDuration", () => {
  it("rounds to the unit a person would use", () => {
    expect(aboutDuration(301)).toBe("5 minutes");
    expect(aboutDuration(60 * 89)).toBe("89 minutes");
    expect(aboutDuration(3600 * 1.6)).toBe("about 2 hours");
    expect(aboutDuration(3600 * 35)).toBe("about 35 hours");
    expect(aboutDuration(86400 * 40)).toBe("about 40 days");
    expect(aboutDuration(86400 * 800)).toBe("about 2 years");
    expect(aboutDuration(60)).toBe("1 minute");
  });
});
