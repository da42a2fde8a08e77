/**
 * parsePasted on what developers actually paste. The fixtures in ./fixtures are real output of
 * curl 7.88.1 against this site's simulator (`npm start`), host rewritten to 127.0.0.1:3000.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { inspect } from "./index";
import { parsePasted, type PasteResult } from "./parse";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

function hops(r: PasteResult) {
  if (!r.ok) throw new Error(r.errors.map((e) => e.reason).join(" "));
  return r.hops;
}

describe("parsePasted: curl -i -L chains", () => {
  it("splits a 302 and the 200 it led to; the second response is not the 302's body", () => {
    const r = parsePasted(fixture("curl-i-L-302.txt"));
    const h = hops(r);
    expect(h.map((x) => x.input.response.status)).toEqual([302, 200]);
    // curl -L did not print the 302's body: unknown, not empty.
    expect(h[0]!.input.response.body).toBeUndefined();
    expect(h[0]!.input.response.headers).toContainEqual(["Location", "/api/status/200"]);
    expect(JSON.parse(h[1]!.input.response.body!).status).toBe(200);
    expect(h.map((x) => x.label)).toEqual(["Response 1 of 2", "Response 2 of 2"]);
  });

  it("no longer reports a false Content-Length mismatch on the redirect", () => {
    for (const hop of hops(parsePasted(fixture("curl-i-L-302.txt")))) {
      const ids = inspect(hop.input).findings.map((f) => f.id);
      expect(ids.filter((id) => /length/i.test(id))).toEqual([]);
    }
  });

  it("splits after the body Content-Length announces when a body was printed", () => {
    const text =
      "HTTP/1.1 301 Moved Permanently\nLocation: /b\nContent-Length: 5\n\nmoved\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok";
    const h = hops(parsePasted(text));
    expect(h.map((x) => [x.input.response.status, x.input.response.body])).toEqual([
      [301, "moved"],
      [200, "ok"],
    ]);
  });

  it("keeps a body that merely mentions a status line", () => {
    const text = "HTTP/1.1 200 OK\nContent-Type: text/plain\n\nthe log said:\nHTTP/1.1 500 oops\n";
    const h = hops(parsePasted(text));
    expect(h).toHaveLength(1);
    expect(h[0]!.input.response.body).toContain("HTTP/1.1 500 oops");
  });
});

describe("parsePasted: interim responses", () => {
  it("reads a 100 Continue before the final response", () => {
    const h = hops(parsePasted(fixture("curl-i-expect-201.txt")));
    expect(h.map((x) => x.input.response.status)).toEqual([100, 201]);
    expect(h[0]!.input.response.headers).toEqual([]);
    expect(h[1]!.input.response.headers.some(([n]) => n === "Location")).toBe(true);
  });
  it("reads 103 Early Hints with its own headers before the 200", () => {
    const text =
      "HTTP/1.1 103 Early Hints\nLink: </s.css>; rel=preload; as=style\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n";
    const h = hops(parsePasted(text));
    expect(h.map((x) => x.input.response.status)).toEqual([103, 200]);
    expect(h[0]!.input.response.headers).toEqual([["Link", "</s.css>; rel=preload; as=style"]]);
  });
});

describe("parsePasted: curl -v", () => {
  it("reads the '< ' response lines, the '> ' request lines, and each hop of -L", () => {
    const r = parsePasted(fixture("curl-v-L-301.txt"));
    expect(r.ok && r.format).toBe("curl-verbose");
    const h = hops(r);
    expect(h.map((x) => x.input.response.status)).toEqual([301, 200]);
    expect(h.map((x) => x.input.request?.url)).toEqual(["/api/status/301", "/api/status/200"]);
    expect(h[0]!.input.request?.method).toBe("GET");
    expect(h[0]!.input.request?.headers).toContainEqual(["Accept", "*/*"]);
    // curl's own "* ..." notes and "{ [n bytes data]" markers are not part of any message.
    for (const x of h) {
      expect(x.input.response.headers.every(([n]) => !n.startsWith("*"))).toBe(true);
      expect(x.input.response.body ?? "").not.toMatch(/bytes data|Connection #0/);
    }
    expect(JSON.parse(h[1]!.input.response.body!).status).toBe(200);
  });
});

describe("parsePasted: headers copied from DevTools", () => {
  const copied = "content-type: application/json\ncache-control: no-store\nvary: Accept\n";
  it("asks for the status code when there is no status line", () => {
    const r = parsePasted(copied);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.needsStatus).toBe(true);
    expect(!r.ok && r.errors[0]!.reason).toMatch(/which status code/);
  });
  it("uses the code the reader gives", () => {
    const r = parsePasted(copied, { status: 404 });
    expect(r.ok && r.format).toBe("devtools-headers");
    const h = hops(r);
    expect(h[0]!.input.response.status).toBe(404);
    expect(h[0]!.input.response.headers).toEqual([
      ["content-type", "application/json"],
      ["cache-control", "no-store"],
      ["vary", "Accept"],
    ]);
  });
  it("reads an HTTP/2 :status pseudo-header and drops the other pseudo-headers", () => {
    const h = hops(parsePasted(":status: 429\nretry-after: 30\n:scheme: https\n"));
    expect(h[0]!.input.response.status).toBe(429);
    expect(h[0]!.input.response.headers).toEqual([["retry-after", "30"]]);
  });
  it("refuses a code outside 100-599", () => {
    const r = parsePasted(copied, { status: 42 });
    expect(!r.ok && r.errors[0]!.reason).toMatch(/not a status code/);
  });
});

describe("parsePasted: HAR", () => {
  const har = {
    log: {
      version: "1.2",
      entries: [
        {
          request: {
            method: "post",
            url: "https://api.example/login",
            headers: [{ name: "Accept", value: "*/*" }],
          },
          response: {
            status: 303,
            statusText: "See Other",
            httpVersion: "HTTP/1.1",
            headers: [{ name: "Location", value: "/home" }],
            content: { size: 0, mimeType: "x-unknown" },
          },
        },
        {
          request: { method: "GET", url: "https://api.example/home", headers: [] },
          response: {
            status: 200,
            statusText: "",
            httpVersion: "h2",
            headers: [
              { name: ":status", value: "200" },
              { name: "content-type", value: "application/json" },
            ],
            content: { size: 2, mimeType: "application/json", text: "{}" },
          },
        },
      ],
    },
  };
  it("inspects each entry with its request", () => {
    const r = parsePasted(JSON.stringify(har));
    expect(r.ok && r.format).toBe("har");
    const h = hops(r);
    expect(h.map((x) => x.label)).toEqual([
      "HAR entry 1: POST https://api.example/login",
      "HAR entry 2: GET https://api.example/home",
    ]);
    expect(h[0]!.input.request).toEqual({
      method: "POST",
      url: "https://api.example/login",
      headers: [["Accept", "*/*"]],
    });
    expect(h[1]!.input.response).toEqual({
      status: 200,
      httpVersion: "2",
      headers: [["content-type", "application/json"]],
      body: "{}",
    });
  });
  it("says what is wrong with JSON that is not a HAR", () => {
    expect(parsePasted('{"a": 1}')).toMatchObject({ ok: false, errors: [{ reason: /not a HAR/ }] });
    expect(parsePasted("{oops")).toMatchObject({ ok: false, errors: [{ reason: /does not parse/ }] });
    expect(parsePasted('{"log": {"entries": [{"response": {}}]}}')).toMatchObject({
      ok: false,
      errors: [{ reason: /entry 1 has no numeric response status/ }],
    });
  });
});

describe("parsePasted: limits and plain input", () => {
  it("reads a single plain response as before", () => {
    const h = hops(parsePasted("HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n"));
    expect(h).toHaveLength(1);
    expect(h[0]!.label).toBe("Response");
  });
  it("refuses input over 64 KiB and empty input", () => {
    expect(parsePasted("x".repeat(64 * 1024 + 1)).ok).toBe(false);
    expect(parsePasted("  \n ").ok).toBe(false);
  });
  it("bounds the number of hops", () => {
    const r = parsePasted("HTTP/1.1 100 Continue\n\n".repeat(60) + "HTTP/1.1 200 OK\n\n");
    expect(!r.ok && r.errors[0]!.reason).toMatch(/More than 50/);
  });
});

describe("the /inspect page's copy of the input limit", () => {
  it("equals MAX_INPUT_BYTES (the page keeps its own so the parser can load lazily)", async () => {
    const { MAX_INPUT_BYTES } = await import("./parse");
    const source = readFileSync(
      path.join(__dirname, "..", "..", "components", "inspector", "inspector-tool.client.tsx"),
      "utf8",
    );
    const m = /export const MAX_INPUT_BYTES = (\d+) \* (\d+);/.exec(source);
    expect(m && Number(m[1]) * Number(m[2])).toBe(MAX_INPUT_BYTES);
  });
});
