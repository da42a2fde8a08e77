import { describe, expect, it } from "vitest";

import { findings, type CheckCase, runCheckCases } from "../test-util";

type H = [string, string];

const HTML: H = ["Content-Type", "text/html; charset=utf-8"];
const JSON_TYPE: H = ["Content-Type", "application/json"];
const NOSNIFF: H = ["X-Content-Type-Options", "nosniff"];
const HSTS = (v: string): H => ["Strict-Transport-Security", v];
const CSP = (v: string): H => ["Content-Security-Policy", v];
const XFO = (v: string): H => ["X-Frame-Options", v];
const COOKIE = (v: string): H => ["Set-Cookie", v];
const page = (headers: H[], https?: boolean) => ({
  status: 200,
  headers: [HTML, NOSNIFF, ...headers],
  body: "<!doctype html><title>x</title>",
  ...(https === undefined ? {} : { https }),
});
const STRONG_CSP = CSP("default-src 'self'; frame-ancestors 'none'");
const GOOD_COOKIE = "id=abc; Path=/; Secure; HttpOnly; SameSite=Lax";

const CASES: CheckCase[] = [
  // sec.hsts
  {
    id: "sec.hsts",
    severity: "warning",
    bad: page([], true),
    good: page([HSTS("max-age=31536000; includeSubDomains")], true),
  },
  {
    id: "sec.hsts",
    severity: "warning",
    bad: page([HSTS("max-age=31536000")], false),
    good: page([], false),
  },
  {
    id: "sec.hsts",
    severity: "error",
    bad: page([HSTS("includeSubDomains")], true),
    good: page([HSTS('max-age="63072000"; preload; includeSubDomains')], true),
  },
  {
    id: "sec.hsts",
    severity: "error",
    bad: page([HSTS("max-age=1y")], true),
    good: page([HSTS("MAX-AGE=31536000")], true),
  },
  {
    id: "sec.hsts",
    severity: "error",
    bad: page([HSTS("max-age=31536000; max-age=0")], true),
    good: page([HSTS("max-age=31536000;")], true),
  },
  {
    id: "sec.hsts",
    severity: "warning",
    bad: page([HSTS("max-age=2592000")], true),
    good: page([HSTS("max-age=31536000")], true),
  },
  {
    id: "sec.hsts",
    severity: "warning",
    bad: page([HSTS("max-age=31536000"), HSTS("max-age=31536000")], true),
    good: page([HSTS("max-age=31536000")]),
  },
  {
    id: "sec.hsts",
    severity: "info",
    bad: page([HSTS("max-age=0")], true),
    good: page([HSTS("max-age=40000000")], true),
  },
  {
    id: "sec.hsts",
    severity: "warning",
    bad: { status: 200, headers: [HTML, HSTS("max-age=31536000")], request: { url: "http://site.example/" } },
    good: {
      status: 200,
      headers: [HTML, HSTS("max-age=31536000")],
      request: { url: "https://site.example/" },
    },
  },
  // sec.nosniff
  {
    id: "sec.nosniff",
    severity: "warning",
    bad: { status: 200, headers: [JSON_TYPE], body: "{}" },
    good: { status: 200, headers: [JSON_TYPE, NOSNIFF], body: "{}" },
  },
  {
    id: "sec.nosniff",
    severity: "warning",
    bad: { status: 200, headers: [JSON_TYPE, ["X-Content-Type-Options", "no-sniff"]], body: "{}" },
    good: { status: 204 },
  },
  {
    id: "sec.nosniff",
    severity: "warning",
    bad: { status: 404, body: "not here" },
    good: { status: 302, headers: [["Location", "/x"], HTML], body: "<a href=/x>x</a>" },
  },
  // sec.framing
  { id: "sec.framing", severity: "warning", bad: page([]), good: page([XFO("DENY")]) },
  {
    id: "sec.framing",
    severity: "warning",
    bad: page([CSP("default-src 'self'")]),
    good: page([CSP("default-src 'self'; frame-ancestors 'self'")]),
  },
  {
    id: "sec.framing",
    severity: "warning",
    bad: page([XFO("ALLOW-FROM https://a.example")]),
    good: page([XFO("sameorigin")]),
  },
  {
    id: "sec.framing",
    severity: "warning",
    bad: page([XFO("DENY, SAMEORIGIN")]),
    good: page([XFO("DENY"), XFO("deny")]),
  },
  {
    id: "sec.framing",
    severity: "info",
    bad: page([XFO("ALLOWALL"), CSP("frame-ancestors 'none'")]),
    good: page([CSP("frame-ancestors 'none'")]),
  },
  {
    id: "sec.framing",
    severity: "warning",
    bad: { status: 200, headers: [NOSNIFF], body: "<!DOCTYPE html>\n<html><body>hi</body></html>" },
    good: { status: 200, headers: [JSON_TYPE, NOSNIFF], body: "{}" },
  },
  // sec.csp
  { id: "sec.csp", severity: "info", bad: page([XFO("DENY")]), good: page([STRONG_CSP]) },
  {
    id: "sec.csp",
    severity: "info",
    bad: page([["Content-Security-Policy-Report-Only", "default-src 'self'"]]),
    good: { status: 200, headers: [JSON_TYPE, NOSNIFF], body: "{}" },
  },
  {
    id: "sec.csp",
    severity: "error",
    bad: page([CSP("default-src='self'")]),
    good: page([CSP("default-src 'self';;  img-src *")]),
  },
  {
    id: "sec.csp",
    severity: "error",
    bad: page([CSP("script-src: 'self'")]),
    good: page([CSP("Script-Src 'self'")]),
  },
  {
    id: "sec.csp",
    severity: "warning",
    bad: page([CSP("default-src 'self'; scirpt-src 'self'")]),
    good: page([STRONG_CSP]),
  },
  {
    id: "sec.csp",
    severity: "warning",
    bad: page([CSP("default-src self")]),
    good: page([CSP("default-src 'self'")]),
  },
  {
    id: "sec.csp",
    severity: "warning",
    bad: page([CSP("script-src 'self' 'unsafe-inline'")]),
    good: page([CSP("script-src 'self' 'unsafe-inline' 'nonce-r4nd0m'")]),
  },
  {
    id: "sec.csp",
    severity: "warning",
    bad: page([CSP("default-src 'self' 'unsafe-eval'")]),
    good: page([CSP("default-src 'self' 'unsafe-eval'"), CSP("script-src 'self'")]),
  },
  {
    id: "sec.csp",
    severity: "warning",
    bad: page([CSP("default-src 'self'; script-src https:")]),
    good: page([CSP("script-src 'nonce-abc' 'strict-dynamic' https:")]),
  },
  {
    id: "sec.csp",
    severity: "info",
    bad: page([CSP("frame-ancestors 'none'")]),
    good: { status: 200, headers: [JSON_TYPE, NOSNIFF, CSP("frame-ancestors 'none'")], body: "{}" },
  },
  // sec.referrer-policy
  {
    id: "sec.referrer-policy",
    severity: "warning",
    bad: page([["Referrer-Policy", "unsafe-url"]]),
    good: page([["Referrer-Policy", "strict-origin-when-cross-origin"]]),
  },
  {
    id: "sec.referrer-policy",
    severity: "warning",
    bad: page([["Referrer-Policy", "no-referrer-when-downgrade"]]),
    good: page([["Referrer-Policy", "no-referrer"]]),
  },
  {
    id: "sec.referrer-policy",
    severity: "warning",
    bad: page([["Referrer-Policy", "origin-when-cross-origin"]]),
    good: page([["Referrer-Policy", "same-origin"]]),
  },
  {
    id: "sec.referrer-policy",
    severity: "warning",
    bad: page([["Referrer-Policy", "never"]]),
    good: page([["Referrer-Policy", "never, strict-origin"]]),
  },
  {
    id: "sec.referrer-policy",
    severity: "warning",
    bad: page([["Referrer-Policy", "no-referrer, unsafe-url"]]),
    good: page([["Referrer-Policy", "unsafe-url, no-referrer"]]),
  },
  // sec.cookies
  {
    id: "sec.cookies",
    severity: "warning",
    bad: { status: 200, headers: [COOKIE("id=abc; Path=/; HttpOnly; SameSite=Lax")], https: true },
    good: { status: 200, headers: [COOKIE(GOOD_COOKIE)], https: true },
  },
  {
    id: "sec.cookies",
    severity: "warning",
    bad: { status: 200, headers: [COOKIE("PHPSESSID=abc; Secure; SameSite=Lax")] },
    good: { status: 200, headers: [COOKIE("csrftoken=abc; Secure; SameSite=Lax")] },
  },
  {
    id: "sec.cookies",
    severity: "warning",
    bad: { status: 200, headers: [COOKIE("theme=dark; Secure; HttpOnly; SameSite=Loose")] },
    good: { status: 200, headers: [COOKIE("theme=dark; Secure; HttpOnly; samesite=strict")] },
  },
  {
    id: "sec.cookies",
    severity: "info",
    bad: { status: 200, headers: [COOKIE("theme=dark; Secure")] },
    good: { status: 200, headers: [COOKIE("theme=dark; Secure; SameSite=Lax")] },
  },
  {
    id: "sec.cookies",
    severity: "error",
    bad: { status: 200, headers: [COOKIE("track=1; SameSite=None; HttpOnly")] },
    good: { status: 200, headers: [COOKIE("track=1; SameSite=None; Secure; HttpOnly")] },
  },
  {
    id: "sec.cookies",
    severity: "error",
    bad: {
      status: 200,
      headers: [COOKIE("__Host-id=1; Secure; Path=/; Domain=example.com; HttpOnly; SameSite=Lax")],
    },
    good: { status: 200, headers: [COOKIE("__Host-id=1; Secure; Path=/; HttpOnly; SameSite=Lax")] },
  },
  {
    id: "sec.cookies",
    severity: "error",
    bad: { status: 200, headers: [COOKIE("__Host-id=1; Secure; HttpOnly; SameSite=Lax")] },
    good: {
      status: 200,
      headers: [COOKIE("__Secure-id=1; Secure; Path=/app; Domain=example.com; HttpOnly; SameSite=Lax")],
    },
  },
  {
    id: "sec.cookies",
    severity: "error",
    bad: { status: 200, headers: [COOKIE("__Secure-id=1; HttpOnly; SameSite=Lax")] },
    good: { status: 200, headers: [] },
  },
  {
    id: "sec.cookies",
    severity: "error",
    bad: { status: 200, headers: [COOKIE("__Secure-id=1; Secure; HttpOnly; SameSite=Lax")], https: false },
    good: { status: 200, headers: [COOKIE("__Secure-id=1; Secure; HttpOnly; SameSite=Lax")], https: true },
  },
  {
    id: "sec.cookies",
    severity: "error",
    bad: { status: 200, headers: [COOKIE(`big=${"x".repeat(4100)}; ${GOOD_COOKIE.slice(7)}`)] },
    good: { status: 200, headers: [COOKIE(`big=${"x".repeat(4000)}; ${GOOD_COOKIE.slice(7)}`)] },
  },
  {
    id: "sec.cookies",
    severity: "warning",
    bad: { status: 200, headers: [COOKIE("justavalue; Secure; HttpOnly; SameSite=Lax")] },
    good: { status: 200, headers: [COOKIE("=; Secure; HttpOnly; SameSite=Lax; Max-Age=0")] },
  },
  // sec.info-leak
  {
    id: "sec.info-leak",
    severity: "info",
    bad: { status: 200, headers: [["X-Powered-By", "Express"]] },
    good: { status: 200, headers: [["Server", "nginx"]] },
  },
  {
    id: "sec.info-leak",
    severity: "info",
    bad: { status: 200, headers: [["Server", "Apache/2.4.58 (Ubuntu)"]] },
    good: { status: 200, headers: [["Server", "cloudflare"]] },
  },
  {
    id: "sec.info-leak",
    severity: "info",
    bad: { status: 200, headers: [["X-AspNet-Version", "4.0.30319"]] },
    good: { status: 200, headers: [["Server", "Microsoft-IIS"]] },
  },
];

runCheckCases(CASES);

describe("sec.hsts", () => {
  it("asks for HSTS only on HTML over HTTPS", () => {
    expect(
      findings({ status: 200, headers: [JSON_TYPE, NOSNIFF], body: "{}", https: true }, "sec.hsts"),
    ).toEqual([]);
    expect(findings(page([]), "sec.hsts")).toEqual([]);
  });
  it("reports only the transport problem on plain HTTP", () => {
    const found = findings(page([HSTS("max-age=5; max-age=6")], false), "sec.hsts");
    expect(found.map((f) => f.title)).toEqual(["Strict-Transport-Security sent over plain HTTP"]);
  });
});

describe("sec.framing", () => {
  it("points at the header to add or fix", () => {
    expect(findings(page([]), "sec.framing")[0]?.subject).toBe("Content-Security-Policy");
    expect(findings(page([XFO("ALLOW-FROM https://a.example")]), "sec.framing")[0]?.subject).toBe(
      "X-Frame-Options",
    );
  });
});

describe("sec.csp", () => {
  it("reports each script weakness separately", () => {
    const titles = findings(page([CSP("script-src * 'unsafe-inline' 'unsafe-eval'")]), "sec.csp").map(
      (f) => f.title,
    );
    expect(titles).toHaveLength(3);
    expect(titles.join(" ")).toMatch(/inline.*eval.*any host/);
  });
  it("judges script weaknesses on HTML only, but syntax everywhere", () => {
    const json = {
      status: 200,
      headers: [JSON_TYPE, NOSNIFF, CSP("script-src 'unsafe-inline'; defualt-src 'none'")],
      body: "{}",
    };
    expect(findings(json, "sec.csp").map((f) => f.severity)).toEqual(["warning"]);
    expect(findings(json, "sec.csp")[0]?.title).toMatch(/defualt-src/);
  });
});

describe("sec.cookies", () => {
  it("reports every cookie separately, naming it", () => {
    const found = findings(
      {
        status: 200,
        headers: [COOKIE("a=1; Secure; SameSite=Lax"), COOKIE("sessionid=2; Secure; SameSite=Lax")],
      },
      "sec.cookies",
    );
    expect(found.map((f) => f.title)).toEqual([
      "Cookie sessionid looks like a session cookie but is not HttpOnly",
    ]);
  });
  it("does not repeat a missing Secure that already made the cookie invalid", () => {
    const found = findings(
      { status: 200, headers: [COOKIE("__Secure-x=1; SameSite=None; HttpOnly")], https: true },
      "sec.cookies",
    );
    expect(found.map((f) => f.severity)).toEqual(["error", "error"]);
  });
  it("does not split a cookie at the comma in its Expires date", () => {
    expect(
      findings(
        {
          status: 200,
          headers: [COOKIE(`theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT; ${GOOD_COOKIE.slice(7)}`)],
        },
        "sec.cookies",
      ),
    ).toEqual([]);
  });
  it("leaves Secure alone on a plain-HTTP site", () => {
    expect(
      findings({ status: 200, headers: [COOKIE("theme=dark; SameSite=Lax")], https: false }, "sec.cookies"),
    ).toEqual([]);
  });
});

describe("sec.info-leak", () => {
  it("reports each revealing header", () => {
    const found = findings(
      {
        status: 200,
        headers: [
          ["X-Powered-By", "PHP/8.3.1"],
          ["Server", "nginx/1.25.3"],
          ["X-Runtime", "0.012"],
        ],
      },
      "sec.info-leak",
    );
    expect(found.map((f) => f.subject).sort()).toEqual(["Server", "X-Powered-By", "X-Runtime"]);
  });
});

describe("our simulator's responses", () => {
  const simulated: H[] = [
    ["Content-Type", "application/json"],
    ["Cache-Control", "no-store"],
    NOSNIFF,
    ["Access-Control-Allow-Origin", "*"],
    ["Access-Control-Expose-Headers", "Date, Vary"],
    ["ETag", '"abc"'],
    ["Date", "Wed, 25 Nov 2026 12:00:00 GMT"],
  ];

  it("raise no security error or warning", () => {
    for (const c of [
      { status: 200, headers: simulated, body: "{}" },
      { status: 404, headers: simulated, body: "{}", https: false },
      {
        status: 200,
        headers: simulated,
        body: "{}",
        request: {
          method: "GET",
          url: "http://localhost:3000/api/status/200",
          headers: [["Origin", "http://localhost:3000"]] as H[],
        },
      },
      {
        status: 204,
        headers: [
          ["Cache-Control", "no-store"],
          ["Access-Control-Allow-Origin", "*"],
        ] as H[],
      },
    ]) {
      expect(findings(c, "sec.*").filter((f) => f.severity !== "info")).toEqual([]);
    }
  });
});
