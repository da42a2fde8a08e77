import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allStatuses } from "../registry";

import {
  allowFor405,
  DEFAULT_LOCATION,
  forbidsContent,
  parseCode,
  simulate,
  SIMULATED_METHODS,
  type SimRequest,
  type SimResponse,
} from "./index";

function req(code: string, init: Partial<SimRequest> = {}): SimRequest {
  return {
    method: "GET",
    url: `/api/status/${encodeURIComponent(code)}`,
    code,
    headers: [["accept", "*/*"]],
    now: NOW,
    ...init,
  };
}

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

function header(res: SimResponse, name: string): string | undefined {
  const found = res.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase());
  return found.length ? found.map(([, v]) => v).join(", ") : undefined;
}

function json(res: SimResponse): Record<string, unknown> {
  expect(res.body).not.toBeNull();
  return JSON.parse(res.body ?? "") as Record<string, unknown>;
}

describe("parseCode", () => {
  it.each(["100", "200", "401", "599", "299"])("accepts %s", (raw) => {
    expect(parseCode(raw)).toEqual({ ok: true, code: Number(raw) });
  });
  it.each([
    "abc",
    "99",
    "600",
    "1e3",
    "",
    " ",
    "40",
    "4011",
    "-401",
    "+401",
    "401.0",
    "0x191",
    "٤٠١",
    "000",
    "099",
    // Issue 9 item 9: `%20401` and `401%0A` were trimmed and accepted.
    " 401",
    "401\n",
    "\t401",
    "401 ",
  ])("rejects %j", (raw) => {
    const parsed = parseCode(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.invalidParams[0]?.name).toBe("code");
  });
});

describe("simulate: status, reason and marking", () => {
  it.each(
    allStatuses()
      // 206, 304 and 416 need a Range or a matching condition (see resource.test.ts).
      .filter((s) => s.code >= 200 && ![206, 304, 416].includes(s.code))
      .map((s) => s.code),
  )("answers %i with that status", (code) => {
    const res = simulate(req(String(code)));
    expect(res.status).toBe(code);
    expect(header(res, "Simulated-Status")).toBe(String(code));
    expect(header(res, "Cache-Control")).toBe("no-store");
    expect(header(res, "Access-Control-Allow-Origin")).toBe("*");
  });

  it("sends Date in IMF-fixdate form (RFC 9110 §6.6.1)", () => {
    expect(header(simulate(req("200")), "Date")).toBe("Wed, 25 Nov 2026 12:00:00 GMT");
    expect(header(simulate(req("abc")), "Date")).toBe("Wed, 25 Nov 2026 12:00:00 GMT");
  });

  it("uses the registry's reason phrase", () => {
    expect(simulate(req("401")).statusText).toBe("Unauthorized");
    expect(simulate(req("413")).statusText).toBe("Content Too Large");
    expect(simulate(req("599")).statusText).toBe("Network Connect Timeout Error");
  });

  it("accepts unregistered codes with a generic reason", () => {
    const res = simulate(req("299"));
    expect(res.status).toBe(299);
    expect(res.statusText).toBe("Unassigned Successful");
    expect(json(res)).toMatchObject({ status: 299, registered: false });
    expect(json(res)).not.toHaveProperty("docs");
  });
});

describe("methods (issue 9 item 10)", () => {
  it.each(["TRACE", "PROPFIND", "SEARCH", "QUERY", "CONNECT", "FOO"])(
    "answers %s with a real 405 and Allow",
    (method) => {
      const res = simulate(req("200", { method, headers: [["Cookie", "secret=1"]] }));
      expect(res.status).toBe(405);
      expect(header(res, "Allow")).toBe(SIMULATED_METHODS.join(", "));
      expect(header(res, "Content-Type")).toBe("application/problem+json");
      expect(header(res, "Simulated-Status")).toBeUndefined();
      expect(res.body).not.toContain("secret");
    },
  );
});

describe("simulate: diagnostic body", () => {
  it("describes the request and the returned status", () => {
    const res = simulate(
      req("418", {
        method: "POST",
        url: "/api/status/418?a=1&a=2&b=x",
        headers: [
          ["X-Test", "one"],
          ["x-test", "two"],
          ["Accept", "application/json"],
        ],
      }),
    );
    // An error: RFC 9457 problem details, the diagnostic in extension members.
    expect(header(res, "Content-Type")).toBe("application/problem+json");
    expect(json(res)).toEqual({
      type: "about:blank",
      title: "Unused",
      status: 418,
      detail: "A simulated 418 Unused, sent because it was asked for.",
      instance: "/api/status/418",
      simulated: true,
      reason: "Unused",
      registered: true,
      docs: "/418",
      request: {
        method: "POST",
        path: "/api/status/418",
        query: { a: ["1", "2"], b: "x" },
        headers: { "x-test": "one, two", accept: "application/json" },
      },
    });
  });
});

describe("simulate: no content where HTTP forbids it", () => {
  it.each([204, 205, 304])("%i has no body and no Content-Type", (code) => {
    for (const method of code === 304 ? ["GET", "HEAD"] : ["GET", "POST", "HEAD"]) {
      const headers: [string, string][] = code === 304 ? [["If-None-Match", "*"]] : [];
      const res = simulate(req(String(code), { method, headers }));
      expect(res.status).toBe(code);
      expect(res.body).toBeNull();
      expect(header(res, "Content-Type")).toBeUndefined();
      expect(header(res, "Content-Length")).toBeUndefined();
    }
  });

  it("HEAD gets the GET's status and headers but no body (RFC 9110 §9.3.2)", () => {
    for (const code of ["200", "401", "404", "206", "503"]) {
      const get = simulate(req(code));
      const head = simulate(req(code, { method: "HEAD" }));
      expect(head.status).toBe(get.status);
      expect(head.body).toBeNull();
      expect(head.headers).toEqual(get.headers);
    }
  });

  it("a 304 carries the ETag, Cache-Control and Vary the 200 to the same request would carry", () => {
    const ok = simulate(req("304"));
    expect(ok.status).toBe(200);
    expect(header(ok, "ETag")).toMatch(/^"[0-9a-f]{16}"$/);
    const notModified = simulate(req("304", { headers: [["If-None-Match", header(ok, "ETag") ?? ""]] }));
    expect(notModified.status).toBe(304);
    for (const h of ["ETag", "Cache-Control", "Vary"]) expect(header(notModified, h)).toBe(header(ok, h));
    expect(header(notModified, "Vary")).toContain("Accept");
    expect(header(notModified, "Location")).toBeUndefined();
  });
});

describe("simulate: code-specific headers", () => {
  it("401 carries a Bearer challenge (Basic would open a browser login dialog)", () => {
    expect(header(simulate(req("401")), "WWW-Authenticate")).toBe('Bearer realm="statuscodes simulator"');
  });

  it("405 carries Allow, never naming the refused method", () => {
    for (const method of SIMULATED_METHODS) {
      const allow = header(simulate(req("405", { method })), "Allow") ?? "";
      expect(allow.length).toBeGreaterThan(0);
      expect(allow.split(", ")).not.toContain(method);
    }
    expect(allowFor405("GET")).toBe("POST, PUT, PATCH, DELETE, OPTIONS");
    expect(allowFor405("DELETE")).toBe("GET, HEAD, POST, PUT, PATCH, OPTIONS");
  });

  it("407 carries Proxy-Authenticate", () => {
    expect(header(simulate(req("407")), "Proxy-Authenticate")).toMatch(/^Basic realm=/);
  });

  it.each([201, 300, 301, 302, 303, 307, 308])("%i points Location at a same-origin path", (code) => {
    expect(header(simulate(req(String(code))), "Location")).toBe(DEFAULT_LOCATION);
  });

  it.each([304, 305, 306, 200, 404])("%i has no Location", (code) => {
    expect(header(simulate(req(String(code))), "Location")).toBeUndefined();
  });

  it.each([429, 503])("%i carries Retry-After", (code) => {
    expect(header(simulate(req(String(code))), "Retry-After")).toMatch(/^\d+$/);
  });

  it("426 carries Upgrade and Connection: Upgrade", () => {
    const res = simulate(req("426"));
    expect(header(res, "Upgrade")).toBeTruthy();
    expect(header(res, "Connection")).toBe("Upgrade");
  });

  it("416 carries an unsatisfied Content-Range", () => {
    const res = simulate(req("416", { headers: [["Range", "bytes=0-9"]] }));
    expect(res.status).toBe(416);
    expect(header(res, "Content-Range")).toMatch(/^bytes \*\/\d+$/);
  });

  it("206 carries a Content-Range that matches the body it sends", () => {
    const res = simulate(req("206", { headers: [["Range", "bytes=0-99"]] }));
    const m = /^bytes 0-(\d+)\/(\d+)$/.exec(header(res, "Content-Range") ?? "");
    expect(m).not.toBeNull();
    const bodyBytes = new TextEncoder().encode(res.body ?? "").length;
    expect(res.status).toBe(206);
    expect(Number(m?.[1]) + 1).toBe(bodyBytes);
    expect(Number(m?.[2])).toBeGreaterThan(bodyBytes);
  });

  it("226 carries an ETag and 451 a blocked-by link", () => {
    expect(header(simulate(req("226")), "ETag")).toBeTruthy();
    expect(header(simulate(req("451")), "Link")).toMatch(/rel="blocked-by"/);
  });

  it("sends every header a registered code requires", () => {
    const conditional = new Set([206, 304, 416]); // their MUSTs apply to range and conditional requests
    for (const s of allStatuses()) {
      if (s.code < 200 || conditional.has(s.code)) continue;
      const res = simulate(req(String(s.code)));
      for (const h of s.requiredHeaders) expect(header(res, h), `${s.code} ${h}`).toBeDefined();
      for (const h of s.forbiddenHeaders) expect(header(res, h), `${s.code} ${h}`).toBeUndefined();
    }
  });

  it("exposes every non-safelisted header it sends to scripts", () => {
    for (const code of ["401", "405", "301", "206", "304", "abc"]) {
      const res = simulate(req(code));
      const exposed = (header(res, "Access-Control-Expose-Headers") ?? "").toLowerCase().split(/,\s*/);
      for (const [name] of res.headers) {
        const lower = name.toLowerCase();
        if (
          [
            "cache-control",
            "content-type",
            "content-length",
            "expires",
            "last-modified",
            "pragma",
            "content-language",
          ].includes(lower)
        )
          continue;
        if (lower.startsWith("access-control-")) continue;
        expect(exposed, `${code}: ${name}`).toContain(lower);
      }
    }
  });
});

describe("simulate: 1xx", () => {
  it.each([100, 101, 102, 103, 104, 150])(
    "%i is answered with a final 200 that explains the interim status",
    (code) => {
      const res = simulate(req(String(code)));
      expect(res.status).toBe(200);
      expect(header(res, "Simulated-Status")).toBe(String(code));
      const body = json(res);
      expect(body.status).toBe(200);
      expect(body.interim).toMatchObject({ status: code, sent: false });
    },
  );
});

describe("simulate: bad input", () => {
  it.each(["abc", "99", "600", "1e3", "", "0"])("%j gets 400 problem+json", (code) => {
    const res = simulate(req(code));
    expect(res.status).toBe(400);
    expect(header(res, "Content-Type")).toBe("application/problem+json");
    expect(header(res, "Access-Control-Allow-Origin")).toBe("*");
    const body = json(res);
    expect(body).toMatchObject({ type: "about:blank", title: "Bad Request", status: 400 });
    expect(typeof body.detail).toBe("string");
    expect(body["invalid-params"]).toEqual([expect.objectContaining({ name: "code" })]);
  });

  it("says why: out of range vs not a number", () => {
    expect(json(simulate(req("600"))).detail).toMatch(/100 to 599/);
    expect(json(simulate(req("abc"))).detail).toMatch(/three digits/);
    expect(json(simulate(req(""))).detail).toMatch(/missing/);
  });

  it("HEAD with a bad code gets the 400 without a body", () => {
    const res = simulate(req("abc", { method: "HEAD" }));
    expect(res.status).toBe(400);
    expect(res.body).toBeNull();
  });
});

describe("simulate: CORS preflight", () => {
  it("answers a preflight with 204 and the allowed methods and headers", () => {
    const res = simulate(
      req("401", {
        method: "OPTIONS",
        headers: [
          ["Origin", "https://example.com"],
          ["Access-Control-Request-Method", "PUT"],
          ["Access-Control-Request-Headers", "authorization, x-trace"],
        ],
      }),
    );
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(header(res, "Access-Control-Allow-Origin")).toBe("*");
    expect(header(res, "Access-Control-Allow-Methods")).toContain("PUT");
    expect(header(res, "Access-Control-Allow-Headers")).toBe("authorization, x-trace");
  });

  it("treats a plain OPTIONS as a simulated request", () => {
    const res = simulate(req("401", { method: "OPTIONS" }));
    expect(res.status).toBe(401);
  });
});

describe("simulate: properties", () => {
  const methods = fc.constantFrom(...SIMULATED_METHODS);
  const anyCode = fc.oneof(fc.integer({ min: 0, max: 1200 }).map(String), fc.string({ maxLength: 8 }));
  const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
  const headerValue = fc.string({ maxLength: 30 }).map((v) => v.replace(/[\r\n\0]/g, " "));

  it("never answers 5xx unless asked, never puts CR/LF in a header, never sends forbidden content", () => {
    fc.assert(
      fc.property(
        anyCode,
        methods,
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
        fc.string({ maxLength: 20 }),
        (code, method, headers, q) => {
          const res = simulate({ method, code, url: `/api/status/x?q=${encodeURIComponent(q)}`, headers });
          const asked = parseCode(code);
          if (res.status >= 500) expect(asked.ok && asked.code === res.status).toBe(true);
          for (const [n, v] of res.headers) expect(`${n}${v}`).not.toMatch(/[\r\n\0]/);
          if (method === "HEAD" || forbidsContent(res.status)) expect(res.body).toBeNull();
          if (res.status === 400 && !(asked.ok && asked.code === 400)) {
            expect(header(res, "Content-Type")).toBe("application/problem+json");
            if (method !== "HEAD") expect(json(res).status).toBe(400);
          }
          // JSON wherever it says JSON (the 206/416 resource is plain text).
          if (res.body !== null && /json/.test(header(res, "Content-Type") ?? ""))
            expect(() => JSON.parse(res.body ?? "")).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );
  });
});
