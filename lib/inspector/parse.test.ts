import { describe, expect, it } from "vitest";

import { parseInspectJson, parseRawMessage } from "./parse";

describe("parseRawMessage", () => {
  it("reads status line, headers in order with duplicates, and body", () => {
    const r = parseRawMessage(
      "HTTP/1.1 200 OK\r\nVary: A\r\nvary: B\r\nContent-Type: text/plain\r\n\r\nhi\r\n",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.response).toEqual({
      status: 200,
      reason: "OK",
      httpVersion: "1.1",
      headers: [
        ["Vary", "A"],
        ["vary", "B"],
        ["Content-Type", "text/plain"],
      ],
      body: "hi\n",
    });
  });
  it("reads a request before the response", () => {
    const r = parseRawMessage("POST /orders HTTP/1.1\nHost: x\n\nHTTP/2 201\nLocation: /orders/1\n\n");
    expect(r.ok && r.input.request).toEqual({ method: "POST", url: "/orders", headers: [["Host", "x"]] });
    expect(r.ok && r.input.response.status).toBe(201);
    expect(r.ok && r.input.response.reason).toBeUndefined();
  });
  it("joins obsolete line folding", () => {
    const r = parseRawMessage("HTTP/1.1 200 OK\nX-A: one\n  two\n\n");
    expect(r.ok && r.input.response.headers).toEqual([["X-A", "one two"]]);
  });
  it.each([
    ["", /empty/],
    ["hello", /status line/],
    ["HTTP/1.1 20 OK\n\n", /status line/],
    ["HTTP/1.1 200 OK\nno colon here\n\n", /Name: value/],
    ["HTTP/1.1 200 OK\nBad Name: x\n\n", /valid field name/],
    ["GET / HTTP/1.1\nHost: x\n", /blank line/],
  ])("rejects %j", (text, reason) => {
    const r = parseRawMessage(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.reason).toMatch(reason);
  });
});

describe("parseInspectJson", () => {
  it("accepts headers as pairs or as an object", () => {
    const a = parseInspectJson({ response: { status: 204, headers: [["ETag", '"x"']] } });
    const b = parseInspectJson({ response: { status: 204, headers: { ETag: '"x"' } } });
    expect(a.ok && a.input.response.headers).toEqual([["ETag", '"x"']]);
    expect(b.ok && b.input.response.headers).toEqual([["ETag", '"x"']]);
  });
  it("rejects unknown members and bad header names", () => {
    expect(parseInspectJson({ response: { status: 200 }, extra: 1 }).ok).toBe(false);
    expect(parseInspectJson({ response: { status: 200, headers: [["Bad Name", "x"]] } }).ok).toBe(false);
    expect(parseInspectJson({ response: { status: 200 }, request: { method: "G E T" } }).ok).toBe(false);
  });
});
