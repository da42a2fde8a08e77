import { describe, expect, it } from "vitest";

import {
  curlCommand,
  defaultRequestHeaders,
  fetchCommand,
  hiddenNotes,
  parseHeaderLines,
  prettyBody,
} from "./console";
import { followRules } from "./console-recipes";
import { answersOnly, followedRedirect } from "./registry";

const facts = (code: number) => ({
  followsRedirect: followedRedirect(code),
  answersOnly: answersOnly(code)?.request,
  followRules: followRules(),
});

describe("parseHeaderLines", () => {
  it("reads Name: value lines and skips blanks", () => {
    expect(parseHeaderLines("Accept: application/json\n\nX-Trace:  7 ")).toEqual({
      ok: true,
      headers: [
        ["Accept", "application/json"],
        ["X-Trace", "7"],
      ],
      ignored: [],
    });
  });
  it("sets aside headers the browser controls", () => {
    const r = parseHeaderLines("Host: evil\nCookie: a=b\nSec-Fetch-Mode: x\nX-Ok: 1");
    expect(r).toEqual({ ok: true, headers: [["X-Ok", "1"]], ignored: ["Host", "Cookie", "Sec-Fetch-Mode"] });
  });
  it("explains bad lines", () => {
    expect(parseHeaderLines("no colon")).toEqual({ ok: false, error: 'Line 1 is not "Name: value".' });
    expect(parseHeaderLines("Bad Name: x")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a valid header name/),
    });
  });
});

describe("copyable commands", () => {
  it("builds a curl command with safe quoting", () => {
    expect(
      curlCommand("http://h/api/status/201", "POST", [["Content-Type", "application/json"]], `{"a":"it's"}`),
    ).toBe(
      `curl -i -X POST -H 'Content-Type: application/json' --data-raw '{"a":"it'\\''s"}' 'http://h/api/status/201'`,
    );
    expect(curlCommand("http://h/x", "HEAD", [], "ignored")).toBe("curl -i --head 'http://h/x'");
  });
  it("builds a fetch call that omits credentials", () => {
    const f = fetchCommand("http://h/x", "PUT", [["X-A", "1"]], "body");
    expect(f).toContain('method: "PUT"');
    expect(f).toContain('headers: {"X-A":"1"}');
    expect(f).toContain('body: "body"');
    expect(f).toContain('credentials: "omit"');
  });
});

describe("prettyBody", () => {
  it("indents JSON and leaves other text alone", () => {
    expect(prettyBody('{"a":1}', "application/json")).toBe('{\n  "a": 1\n}');
    expect(prettyBody("{oops", "application/json")).toBe("{oops");
    expect(prettyBody("<p>", "text/html")).toBe("<p>");
  });
});

describe("defaultRequestHeaders", () => {
  it("starts with what the registry says the code answers: a Range, a condition, or plain Accept", () => {
    expect(defaultRequestHeaders(facts(206))).toBe("Range: bytes=0-99");
    expect(defaultRequestHeaders(facts(416))).toBe("Range: bytes=0-99");
    expect(defaultRequestHeaders(facts(304))).toBe('If-None-Match: "abc"');
    expect(defaultRequestHeaders(facts(404))).toBe("Accept: application/json");
  });
});

describe("hiddenNotes", () => {
  it("explains what the browser hides", () => {
    expect(hiddenNotes(301, "GET", 0, facts(301)).map((n) => n.kind)).toEqual(["redirect"]);
    expect(hiddenNotes(103, "GET", 200, facts(103)).map((n) => n.kind)).toEqual(["interim"]);
    expect(hiddenNotes(304, "GET", 304, facts(304)).map((n) => n.kind)).toEqual(["not-modified"]);
    expect(hiddenNotes(407, "HEAD", null, facts(407)).map((n) => n.kind)).toEqual(["proxy-auth", "head"]);
    expect(hiddenNotes(200, "GET", 200, facts(200))).toEqual([]);
  });
});
