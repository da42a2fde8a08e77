import { describe, expect, it } from "vitest";

import { CLIENT_CODES, clientKind, clientSnippets } from "./client";

describe("client snippets read their codes from the registry", () => {
  it("cover the followed redirects, 401, the Retry-After codes, the gateway codes and the advised problems", () => {
    expect(CLIENT_CODES).toEqual([301, 302, 303, 307, 308, 401, 403, 404, 409, 412, 429, 502, 503, 504]);
    expect([301, 302, 303, 307, 308].map(clientKind)).toEqual(Array(5).fill("redirect"));
    expect([429, 503].map(clientKind)).toEqual(["retry-after", "retry-after"]);
    expect([502, 504].map(clientKind)).toEqual(["retry-gateway", "retry-gateway"]);
    // An unofficial gateway code (Cloudflare's 522) gets no client snippet of its own.
    expect(clientKind(522)).toBeUndefined();
  });

  it("name the codes of their kind in the code they print", () => {
    expect(clientSnippets(503)?.fetch.text).toContain(
      "if (res.status !== 429 && res.status !== 503) return res;",
    );
    expect(clientSnippets(429)?.httpx.text).toContain("if response.status_code in (429, 503):");
    expect(clientSnippets(504)?.requests.text).toContain("if response.status_code in (502, 504):");
  });

  it("say how each redirect is followed, from the registry's method", () => {
    expect(clientSnippets(303)?.fetch.text).toContain("303: the client follows with a GET");
    expect(clientSnippets(308)?.fetch.text).toContain("308: the client repeats the same method and body");
    expect(clientSnippets(301)?.fetch.text).toContain("301: a POST is followed with a GET");
  });
});
