/**
 * The simulated resource behind every URL: stable validators, conditional requests (RFC 9110 §13),
 * byte ranges (§14), what is echoed and what the answer varies on. Each case here was wrong before
 * (issue 9, items 3, 4, 7, 8).
 */
import { describe, expect, it } from "vitest";

import { simulate, type SimRequest, type SimResponse } from "./index";

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

function req(path: string, headers: [string, string][] = [], init: Partial<SimRequest> = {}): SimRequest {
  const [code = "", query = ""] = path.split("?");
  return {
    method: "GET",
    url: `/api/status/${code}${query ? `?${query}` : ""}`,
    code: decodeURIComponent(code),
    headers: [["Accept", "*/*"], ...headers],
    now: NOW,
    ...init,
  };
}

function h(res: SimResponse, name: string): string | undefined {
  const found = res.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase());
  return found.length ? found.map(([, v]) => v).join(", ") : undefined;
}

const etagOf = (path: string) => h(simulate(req(path)), "ETag") ?? "";

describe("validators", () => {
  it("an ETag that does not depend on echoed request headers", () => {
    const a = simulate(req("200", [["User-Agent", "one"]]));
    const b = simulate(req("200", [["User-Agent", "two"]]));
    const c = simulate(req("200", [["If-None-Match", '"nope"']]));
    expect(h(a, "ETag")).toMatch(/^"[0-9a-f]{16}"$/);
    expect(h(b, "ETag")).toBe(h(a, "ETag"));
    expect(h(c, "ETag")).toBe(h(a, "ETag"));
    expect(h(a, "Last-Modified")).toBe("Thu, 01 Jan 2026 00:00:00 GMT");
  });

  it("an ETag that changes with what selects the representation: URL, query and format", () => {
    const base = etagOf("200");
    expect(etagOf("200?x=1")).not.toBe(base);
    expect(etagOf("203")).not.toBe(base);
    expect(etagOf("200?format=text")).not.toBe(base);
    expect(h(simulate(req("200", [["Simulate-Delay", "0"]])), "ETag")).not.toBe(base);
  });

  it("the caller's own ETag is the one conditions are evaluated against", () => {
    const res = simulate(req("200?header=ETag:%22v7%22", [["If-None-Match", '"v7"']]));
    expect(res.status).toBe(304);
    expect(h(res, "ETag")).toBe('"v7"');
  });
});

describe("conditional requests (RFC 9110 §13.2.2)", () => {
  it("a matching If-None-Match on GET and HEAD gets a real 304 with the 200's ETag and Vary", () => {
    const ok = simulate(req("200"));
    for (const method of ["GET", "HEAD"]) {
      const res = simulate(req("200", [["If-None-Match", `"x", ${h(ok, "ETag")}`]], { method }));
      expect(res.status).toBe(304);
      expect(res.body).toBeNull();
      expect(res.getLength).toBeUndefined();
      expect(h(res, "ETag")).toBe(h(ok, "ETag"));
      expect(h(res, "Vary")).toBe(h(ok, "Vary"));
      expect(h(res, "Cache-Control")).toBe(h(ok, "Cache-Control"));
      expect(h(res, "Content-Type")).toBeUndefined();
      expect(h(res, "Simulated-Status")).toBe("200");
    }
  });

  it("If-None-Match compares weakly, and * matches", () => {
    const tag = etagOf("200");
    expect(simulate(req("200", [["If-None-Match", `W/${tag}`]])).status).toBe(304);
    expect(simulate(req("200", [["If-None-Match", "*"]])).status).toBe(304);
    expect(simulate(req("200", [["If-None-Match", '"other"']])).status).toBe(200);
  });

  it("a matching If-None-Match on PUT gets 412 (§13.1.2)", () => {
    expect(simulate(req("200", [["If-None-Match", "*"]], { method: "PUT" })).status).toBe(412);
  });

  it("If-Match: a failing one gets 412, a matching one or * the simulated code", () => {
    const tag = etagOf("204");
    const put = (value: string) => simulate(req("204", [["If-Match", value]], { method: "PUT" }));
    const failed = put('"stale"');
    expect(failed.status).toBe(412);
    expect(h(failed, "Simulated-Status")).toBe("204");
    expect(put(tag).status).toBe(204);
    expect(put("*").status).toBe(204);
    // Strong comparison: a weak tag never matches.
    expect(put(`W/${tag}`).status).toBe(412);
  });

  it("a 201 simulates a resource that did not exist: If-None-Match: * passes, If-Match: * fails", () => {
    expect(simulate(req("201", [["If-None-Match", "*"]], { method: "PUT" })).status).toBe(201);
    expect(simulate(req("201", [["If-Match", "*"]], { method: "PUT" })).status).toBe(412);
  });

  it("If-Modified-Since: not modified since a date at or after Last-Modified", () => {
    const lm = "Thu, 01 Jan 2026 00:00:00 GMT";
    expect(simulate(req("200", [["If-Modified-Since", lm]])).status).toBe(304);
    expect(simulate(req("200", [["If-Modified-Since", "Sunday, 01-Feb-26 00:00:00 GMT"]])).status).toBe(304);
    expect(simulate(req("200", [["If-Modified-Since", "Wed, 31 Dec 2025 23:59:59 GMT"]])).status).toBe(200);
    expect(simulate(req("200", [["If-Modified-Since", "yesterday"]])).status).toBe(200);
    // Only for GET and HEAD.
    expect(simulate(req("200", [["If-Modified-Since", lm]], { method: "POST" })).status).toBe(200);
  });

  it("If-None-Match takes precedence over If-Modified-Since", () => {
    const headers: [string, string][] = [
      ["If-None-Match", '"other"'],
      ["If-Modified-Since", "Fri, 01 Jan 2027 00:00:00 GMT"],
    ];
    expect(simulate(req("200", headers)).status).toBe(200);
  });

  it("If-Unmodified-Since before Last-Modified fails", () => {
    const put = (date: string) => simulate(req("200", [["If-Unmodified-Since", date]], { method: "PUT" }));
    expect(put("Wed, 31 Dec 2025 00:00:00 GMT").status).toBe(412);
    expect(put("Fri, 02 Jan 2026 00:00:00 GMT").status).toBe(200);
  });

  it("conditions are ignored where the answer is not 2xx (§13.2.1)", () => {
    expect(simulate(req("404", [["If-None-Match", "*"]])).status).toBe(404);
    expect(simulate(req("503", [["If-Match", '"x"']], { method: "PUT" })).status).toBe(503);
  });

  it("/304 without a matching condition gets the 200 it stands for, saying how to get the 304", () => {
    const res = simulate(req("304"));
    expect(res.status).toBe(200);
    expect(h(res, "Simulated-Status")).toBe("304");
    expect(h(res, "ETag")).toMatch(/^"/);
    expect(String(JSON.parse(res.body ?? "{}").note)).toContain(`If-None-Match: ${h(res, "ETag")}`);
    const revalidated = simulate(req("304", [["If-None-Match", h(res, "ETag") ?? ""]]));
    expect(revalidated.status).toBe(304);
  });
});

describe("byte ranges (RFC 9110 §14)", () => {
  const full = simulate(req("206"));
  const length = (full.body ?? "").length;

  it("/206 without Range gets the whole representation with 200 (a 206 only answers a range request)", () => {
    expect(full.status).toBe(200);
    expect(h(full, "Simulated-Status")).toBe("206");
    expect(h(full, "Accept-Ranges")).toBe("bytes");
    expect(h(full, "Content-Type")).toBe("text/plain; charset=utf-8");
    expect(h(full, "Content-Range")).toBeUndefined();
    expect(length).toBeGreaterThan(200);
    expect(full.body).toContain("Range: bytes=0-99");
  });

  it("the representation is the same bytes whoever asks", () => {
    const other = simulate(
      req("206", [
        ["User-Agent", "x"],
        ["Cookie", "a=b"],
      ]),
    );
    expect(other.body).toBe(full.body);
    expect(h(other, "ETag")).toBe(h(full, "ETag"));
  });

  it("a single range gets 206 with those bytes, the total length and the 200's ETag", () => {
    const res = simulate(req("206", [["Range", "bytes=0-99"]]));
    expect(res.status).toBe(206);
    expect(h(res, "Content-Range")).toBe(`bytes 0-99/${length}`);
    expect(res.body).toBe(full.body?.slice(0, 100));
    expect(h(res, "ETag")).toBe(h(full, "ETag"));
    expect(h(res, "Content-Type")).toBe("text/plain; charset=utf-8");
  });

  it("suffix and open ranges; a last position past the end is clipped", () => {
    expect(h(simulate(req("206", [["Range", "bytes=-10"]])), "Content-Range")).toBe(
      `bytes ${length - 10}-${length - 1}/${length}`,
    );
    const open = simulate(req("206", [["Range", "bytes=10-"]]));
    expect(open.body).toBe(full.body?.slice(10));
    expect(h(simulate(req("206", [["Range", "bytes=5-999999"]])), "Content-Range")).toBe(
      `bytes 5-${length - 1}/${length}`,
    );
  });

  it("several ranges get multipart/byteranges; overlapping ones are coalesced", () => {
    const res = simulate(req("206", [["Range", "bytes=0-4, 20-24"]]));
    expect(res.status).toBe(206);
    const type = h(res, "Content-Type") ?? "";
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(type)?.[1];
    expect(boundary).toBeDefined();
    expect(h(res, "Content-Range")).toBeUndefined();
    const parts = (res.body ?? "").split(`--${boundary}`);
    expect(parts).toHaveLength(4);
    expect(parts[1]).toContain(`Content-Range: bytes 0-4/${length}\r\n\r\n${full.body?.slice(0, 5)}\r\n`);
    expect(parts[2]).toContain(`Content-Range: bytes 20-24/${length}\r\n\r\n${full.body?.slice(20, 25)}\r\n`);
    expect(parts[3]).toBe("--\r\n");
    const merged = simulate(req("206", [["Range", "bytes=0-9,5-19"]]));
    expect(h(merged, "Content-Range")).toBe(`bytes 0-19/${length}`);
  });

  it("an unsatisfiable range gets 416 with Content-Range: bytes */length", () => {
    const res = simulate(req("206", [["Range", `bytes=${length}-`]]));
    expect(res.status).toBe(416);
    expect(h(res, "Content-Range")).toBe(`bytes */${length}`);
    expect(h(res, "Simulated-Status")).toBe("206");
  });

  it("a Range with another unit, bad syntax or too many parts is ignored", () => {
    for (const range of ["items=0-1", "bytes=9-3", "bytes=x", Array(20).fill("bytes=0-1").join(",")])
      expect(simulate(req("206", [["Range", range]])).status).toBe(200);
  });

  it("If-Range: a matching ETag or Last-Modified applies the range, anything else gets all of it", () => {
    const range: [string, string] = ["Range", "bytes=0-9"];
    expect(simulate(req("206", [range, ["If-Range", h(full, "ETag") ?? ""]])).status).toBe(206);
    expect(simulate(req("206", [range, ["If-Range", h(full, "Last-Modified") ?? ""]])).status).toBe(206);
    expect(simulate(req("206", [range, ["If-Range", '"stale"']])).status).toBe(200);
    expect(simulate(req("206", [range, ["If-Range", `W/${h(full, "ETag")}`]])).status).toBe(200);
  });

  it("Range applies to GET only: HEAD gets the 200's headers", () => {
    const res = simulate(req("206", [["Range", "bytes=0-9"]], { method: "HEAD" }));
    expect(res.status).toBe(200);
    expect(res.getLength).toBe(length);
  });

  it("/416 with any Range gets 416, without one the 200 it stands for", () => {
    const res = simulate(req("416", [["Range", "bytes=0-9"]]));
    expect(res.status).toBe(416);
    expect(h(res, "Content-Range")).toMatch(/^bytes \*\/\d+$/);
    const plain = simulate(req("416"));
    expect(plain.status).toBe(200);
    expect(h(plain, "Simulated-Status")).toBe("416");
    expect(h(plain, "Accept-Ranges")).toBe("bytes");
  });

  it("a conditional GET with a Range is evaluated first (§13.2.2): a matching If-None-Match gets 304", () => {
    const res = simulate(
      req("206", [
        ["Range", "bytes=0-9"],
        ["If-None-Match", h(full, "ETag") ?? ""],
      ]),
    );
    expect(res.status).toBe(304);
  });
});

describe("what is echoed", () => {
  it("credentials: that they came and their scheme, never their value", () => {
    const res = simulate(
      req("200", [
        ["Authorization", "Bearer s3cr3t-token"],
        ["Proxy-Authorization", "Basic dXNlcjpwYXNz"],
        ["Cookie", "session=abc; theme=dark"],
      ]),
    );
    expect(res.body).not.toMatch(/s3cr3t|dXNlcjpwYXNz|abc|dark/);
    const echoed = JSON.parse(res.body ?? "{}").request.headers;
    expect(echoed.authorization).toBe("Bearer (credentials hidden)");
    expect(echoed["proxy-authorization"]).toBe("Basic (credentials hidden)");
    expect(echoed.cookie).toBe("(2 cookies, values hidden)");
  });

  it("keys named like Object.prototype members are kept as they came", () => {
    const res = simulate(
      req("200?toString=1&constructor=2&__proto__=3&hasOwnProperty=4", [
        ["__proto__", "h"],
        ["constructor", "c"],
      ]),
    );
    const body = JSON.parse(res.body ?? "{}");
    expect(body.request.query).toEqual({
      toString: "1",
      constructor: "2",
      ["__proto__"]: "3",
      hasOwnProperty: "4",
    });
    expect(Object.keys(body.request.query)).toContain("__proto__");
    expect(body.request.headers.constructor).toBe("c");
    expect(Object.keys(body.request.headers)).toContain("__proto__");
  });

  it("repeated query keys are collected in linear time (100,000 repeats well inside the test timeout)", () => {
    const res = simulate(req(`200?${"k=v&".repeat(100_000)}`));
    expect(JSON.parse(res.body ?? "{}").request.query.k).toHaveLength(100_000);
  });
});

describe("what the answer varies on, and caches in front (RFC 9111 §4.1)", () => {
  it("declares Accept and the Simulate-* headers that can change it", () => {
    expect(h(simulate(req("200")), "Vary")).toBe("Accept, Simulate-Delay, Simulate-Retry-After");
    expect(h(simulate(req("301")), "Vary")).toBe(
      "Accept, Simulate-Delay, Simulate-Location, Simulate-Retry-After",
    );
    expect(h(simulate(req("401")), "Vary")).toContain("Simulate-Auth");
    // What the query sets, a header cannot change.
    expect(h(simulate(req("200?delay=0&retry-after=5&format=json")), "Vary")).toBeUndefined();
  });

  it("a Simulate-* header really changes the answer", () => {
    const a = simulate(req("301"));
    const b = simulate(req("301", [["Simulate-Location", "/elsewhere"]]));
    expect(h(b, "Location")).toBe("/elsewhere");
    expect(h(a, "Location")).not.toBe(h(b, "Location"));
  });

  it("an answer the caller made cacheable echoes no request headers, so caches cannot hand them on", () => {
    const res = simulate(
      req("200?header=Cache-Control:max-age=60", [
        ["X-Mine", "private"],
        ["Authorization", "Bearer t"],
      ]),
    );
    expect(h(res, "Cache-Control")).toBe("max-age=60");
    const body = JSON.parse(res.body ?? "{}");
    expect(body.request.headers).toBeUndefined();
    expect(body.note).toMatch(/not echoed/);
    expect(res.body).not.toContain("private");
    // ...and it is the same answer for everyone, with the same ETag.
    const other = simulate(req("200?header=Cache-Control:max-age=60", [["X-Mine", "other"]]));
    expect(other.body).toBe(res.body);
    expect(h(other, "ETag")).toBe(h(res, "ETag"));
  });

  it("no-store answers keep the echo", () => {
    const res = simulate(req("200?header=Cache-Control:no-store,max-age=0", [["X-Mine", "mine"]]));
    expect(JSON.parse(res.body ?? "{}").request.headers["x-mine"]).toBe("mine");
  });
});
