import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { drawValue, parseChoices, pick, SequenceStore } from "./choice";
import { simulate, type SimRequest, type SimResponse } from "./index";
import { MAX_DELAY_MS, MAX_ECHO_BYTES, negotiateFormat, parseOptions } from "./options";
import { SimulatorRuntime } from "./runtime";

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

function req(code: string, query = "", init: Partial<SimRequest> = {}): SimRequest {
  return {
    method: "GET",
    url: `/api/status/${encodeURIComponent(code)}${query}`,
    code,
    headers: [],
    now: NOW,
    ...init,
  };
}
const header = (res: SimResponse, name: string) =>
  res.headers
    .filter(([n]) => n.toLowerCase() === name.toLowerCase())
    .map(([, v]) => v)
    .join(", ") || undefined;
const json = (res: SimResponse) => JSON.parse(res.body ?? "null") as Record<string, unknown>;
const invalidNames = (res: SimResponse) =>
  (json(res)["invalid-params"] as { name: string }[]).map((p) => p.name);

describe("delay", () => {
  it("is passed to the adapter, capped at 10 s", () => {
    expect(simulate(req("200", "?delay=250")).delayMs).toBe(250);
    expect(simulate(req("200", "", { headers: [["Simulate-Delay", "40"]] })).delayMs).toBe(40);
    expect(simulate(req("200", "?delay=5", { headers: [["Simulate-Delay", "40"]] })).delayMs).toBe(5);
    for (const bad of [`${MAX_DELAY_MS + 1}`, "-1", "1.5", "abc", ""]) {
      const res = simulate(req("200", `?delay=${bad}`));
      expect(res.status, bad).toBe(400);
      expect(invalidNames(res)).toEqual(["delay"]);
    }
  });

  it("waits, and refuses with 503 + Retry-After when too many wait", async () => {
    const waited: number[] = [];
    let release: () => void = () => {};
    const runtime = new SimulatorRuntime(1, (ms) => {
      waited.push(ms);
      return new Promise<void>((r) => (release = r));
    });
    const first = runtime.answer(req("201", "?delay=300"));
    const second = await runtime.answer(req("201", "?delay=300"));
    expect(second.status).toBe(503);
    expect(header(second, "Retry-After")).toBe("1");
    expect(header(second, "Content-Type")).toBe("application/problem+json");
    expect(invalidNames(second)).toEqual(["delay"]);
    release();
    expect((await first).status).toBe(201);
    expect(waited).toEqual([300]);
    expect(runtime.gate.inUse).toBe(0);
    // Undelayed requests never touch the gate.
    expect((await runtime.answer(req("200"))).status).toBe(200);
  });
});

describe("extra headers", () => {
  it("adds them, replacing the simulator's own of the same name, and exposes them", () => {
    const res = simulate(
      req("429", "?header=X-Rate-Limit:100&header=Cache-Control:max-age%3D60&header=Retry-After:30"),
    );
    expect(header(res, "X-Rate-Limit")).toBe("100");
    expect(header(res, "Cache-Control")).toBe("max-age=60");
    expect(header(res, "Retry-After")).toBe("30");
    expect(header(res, "Access-Control-Expose-Headers")).toContain("X-Rate-Limit");
  });

  it.each([
    ["Content-Length:5", /not a header this simulator lets you set/],
    ["Transfer-Encoding:chunked", /not a header this simulator lets you set/],
    ["Connection:close", /not a header this simulator lets you set/],
    ["Set-Cookie:a=b", /not a header this simulator lets you set/],
    ["Content-Type:text/html", /not a header this simulator lets you set/],
    ["Access-Control-Allow-Credentials:true", /not a header this simulator lets you set/],
    ["Location:https://evil.example", /not a header this simulator lets you set/],
    ["Bad Name:x", /not a valid header name/],
    ["novalue", /not Name:value/],
    ["X-A:a%0d%0aSet-Cookie: x=1", /CR, LF, NUL/],
    ["X-A:a%00b", /CR, LF, NUL/],
    [`X-A:${"v".repeat(1025)}`, /longer than 1024/],
    [`${"N".repeat(65)}:v`, /not a valid header name/],
  ])("refuses %s", (h, reason) => {
    const res = simulate(req("200", `?header=${h}`));
    expect(res.status).toBe(400);
    expect((json(res)["invalid-params"] as { reason: string }[])[0]?.reason).toMatch(reason);
  });

  // Issue 10 item 4: headers that act on the whole origin were accepted by the old deny-list.
  it.each([
    "NEL:{}",
    "Report-To:{}",
    "Reporting-Endpoints:a=%22/r%22",
    "Clear-Site-Data:%22*%22",
    "Alt-Svc:h3=%22:443%22",
    "X-Accel-Redirect:/internal",
    "X-Sendfile:/etc/passwd",
    "Surrogate-Control:max-age=9",
    "CDN-Cache-Control:max-age=9",
    "Vary:Cookie",
    "Content-Disposition:attachment;filename=a.bat",
    "Refresh:0;url=/",
    "Permissions-Policy:camera=*",
    "X-Frame-Options:DENY",
    "Content-Location:/",
  ])("refuses %s, naming it", (h) => {
    const res = simulate(req("200", `?header=${h}`));
    expect(res.status).toBe(400);
    const name = decodeURIComponent(h.split(":")[0] ?? "");
    const reason = (json(res)["invalid-params"] as { name: string; reason: string }[])[0];
    expect(reason?.name).toBe("header");
    expect(reason?.reason).toContain(`${name} is not a header this simulator lets you set`);
  });

  it.each([
    "Cache-Control:max-age=60",
    "Expires:Thu,%2001%20Jan%202026%2000:00:00%20GMT",
    "ETag:%22v1%22",
    "WWW-Authenticate:Basic%20realm=%22x%22",
    "RateLimit:limit=10,%20remaining=0,%20reset=5",
    "RateLimit-Policy:10;w=60",
    "X-Request-Id:abc",
    "Link:%3C/page/2%3E;%20rel=%22next%22",
    "Link:%3C/a.css%3E;%20rel=preload;%20as=style",
    "Deprecation:@1688169599",
  ])("allows %s", (h) => {
    expect(simulate(req("200", `?header=${h}`)).status).toBe(200);
  });

  it.each([
    ["Link:%3C/x.css%3E;%20rel=stylesheet", /rel=stylesheet is not allowed/],
    ["Link:%3Chttps://evil.example/%3E;%20rel=preload", /same-origin paths/],
    ["Link:%3C//evil.example/%3E;%20rel=next", /same-origin paths/],
    ["Link:%3C/a%3E", /needs a rel/],
  ])("refuses the Link %s", (h, reason) => {
    const res = simulate(req("200", `?header=${h}`));
    expect(res.status).toBe(400);
    expect((json(res)["invalid-params"] as { reason: string }[])[0]?.reason).toMatch(reason);
  });

  // Issue 9 item 5: these made Node throw after the status line was chosen (500) or sent a raw 0x85.
  it.each(["X-A:%E2%82%AC", "X-A:%C2%85", "X-A:caf%C3%A9"])("refuses the non-ASCII value %s", (h) => {
    const res = simulate(req("200", `?header=${h}`));
    expect(res.status).toBe(400);
    expect((json(res)["invalid-params"] as { reason: string }[])[0]?.reason).toMatch(/printable ASCII/);
  });

  it("limits how many", () => {
    const q = Array.from({ length: 21 }, (_, i) => `header=X-${i}:v`).join("&");
    expect(simulate(req("200", `?${q}`)).status).toBe(400);
  });
});

describe("location", () => {
  it("points 3xx and 201 at a same-origin path", () => {
    expect(header(simulate(req("302", "?location=/login%3Fnext%3D%2Fa")), "Location")).toBe("/login?next=/a");
    // Non-ASCII is percent-encoded (it made Node throw: "500 Found").
    expect(header(simulate(req("302", "?location=/%E2%82%AC")), "Location")).toBe("/%E2%82%AC");
    expect(header(simulate(req("302", "?location=/a%C2%85")), "Location")).toBe("/a%C2%85");
    expect(
      header(simulate(req("201", "", { headers: [["Simulate-Location", "/orders/9"]] })), "Location"),
    ).toBe("/orders/9");
  });
  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "evil",
    "/a b",
    "/\r\nX: 1",
    "/a\u0000",
  ])("is never an open redirect: %s", (loc) => {
    const res = simulate(req("302", `?location=${encodeURIComponent(loc)}`));
    expect(res.status).toBe(400);
    expect(invalidNames(res)).toEqual(["location"]);
  });
});

describe("auth and retry-after", () => {
  it("offers a Basic challenge only when asked", () => {
    expect(header(simulate(req("401")), "WWW-Authenticate")).toMatch(/^Bearer /);
    expect(header(simulate(req("401", "?auth=basic")), "WWW-Authenticate")).toBe(
      'Basic realm="statuscodes simulator", charset="UTF-8"',
    );
    expect(simulate(req("401", "?auth=digest")).status).toBe(400);
  });
  it("sets Retry-After as seconds or an HTTP-date", () => {
    expect(header(simulate(req("503", "?retry-after=120")), "Retry-After")).toBe("120");
    expect(
      header(simulate(req("301", "?retry-after=Wed,%2021%20Oct%202026%2007:28:00%20GMT")), "Retry-After"),
    ).toBe("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(simulate(req("503", "?retry-after=soon")).status).toBe(400);
    expect(simulate(req("503", "?retry-after=999999")).status).toBe(400);
  });

  // Issue 9 item 9: the old pattern only checked the shape.
  it.each([
    "Wed, 99 Oct 9999 99:99:99 GMT",
    "Wed, 31 Feb 2026 07:28:00 GMT",
    "Thu, 21 Oct 2026 07:28:00 GMT",
    "Wed, 21 Oct 2026 24:00:00 GMT",
    "Wednesday, 21-Oct-26 07:28:00 GMT",
  ])("refuses the Retry-After date %j", (date) => {
    const res = simulate(req("503", `?retry-after=${encodeURIComponent(date)}`));
    expect(res.status).toBe(400);
    expect(invalidNames(res)).toEqual(["retry-after"]);
  });
});

describe("body format", () => {
  it("follows Accept", () => {
    expect(negotiateFormat(undefined)).toBe("json");
    expect(negotiateFormat("*/*")).toBe("json");
    expect(negotiateFormat("application/problem+json")).toBe("problem");
    expect(negotiateFormat("text/plain, application/json;q=0.5")).toBe("text");
    expect(negotiateFormat("application/json, text/plain;q=0.1")).toBe("json");
    expect(negotiateFormat("text/html")).toBe("json");
  });
  it("answers problem+json for errors when asked", () => {
    const res = simulate(req("404", "", { headers: [["Accept", "application/problem+json"]] }));
    expect(header(res, "Content-Type")).toBe("application/problem+json");
    expect(json(res)).toMatchObject({ type: "about:blank", title: "Not Found", status: 404 });
    expect(header(res, "Vary")).toBe("Accept, Simulate-Delay, Simulate-Retry-After");
  });
  it("answers errors as problem+json by default, the diagnostic in its extension members (RFC 9457 §3.2)", () => {
    for (const accept of [undefined, "*/*", "application/json"]) {
      const res = simulate(req("404", "?x=1", { headers: accept ? [["Accept", accept]] : [] }));
      expect(header(res, "Content-Type")).toBe("application/problem+json");
      expect(json(res)).toMatchObject({
        type: "about:blank",
        title: "Not Found",
        status: 404,
        instance: "/api/status/404",
        simulated: true,
        registered: true,
        docs: "/404",
        request: { method: "GET", path: "/api/status/404", query: { x: "1" } },
      });
      expect(typeof json(res).detail).toBe("string");
    }
    for (const code of ["500", "503", "429", "418"])
      expect(header(simulate(req(code)), "Content-Type")).toBe("application/problem+json");
  });
  it("keeps plain JSON for 1xx-3xx, and for errors when format=json asks for it", () => {
    expect(header(simulate(req("200")), "Content-Type")).toBe("application/json");
    expect(header(simulate(req("302")), "Content-Type")).toBe("application/json");
    const plain = simulate(req("404", "?format=json"));
    expect(header(plain, "Content-Type")).toBe("application/json");
    expect(json(plain)).toMatchObject({ status: 404, reason: "Not Found", docs: "/404" });
    expect(json(plain).type).toBeUndefined();
  });
  it("answers text/plain when asked, and format= overrides Accept", () => {
    const res = simulate(req("503", "?format=text", { headers: [["Accept", "application/json"]] }));
    expect(header(res, "Content-Type")).toBe("text/plain; charset=utf-8");
    expect(res.body).toMatch(/^503 Service Unavailable\n/);
    expect(header(res, "Vary")).toBe("Simulate-Delay, Simulate-Retry-After");
    expect(simulate(req("200", "?format=xml")).status).toBe(400);
  });
  it("never lets the body be read as HTML", () => {
    const res = simulate(req("200", "?q=%3Cscript%3Ealert(1)%3C/script%3E"));
    expect(res.body).not.toContain("<");
    expect((json(res).request as { query: { q: string } }).query.q).toBe("<script>alert(1)</script>");
  });
});

describe("weighted codes", () => {
  it("parses code:weight lists", () => {
    expect(parseChoices("200:3,503:1")).toEqual({
      ok: true,
      choices: [
        { code: "200", weight: 3 },
        { code: "503", weight: 1 },
      ],
    });
    expect(parseChoices("200,404")).toEqual({
      ok: true,
      choices: [
        { code: "200", weight: 1 },
        { code: "404", weight: 1 },
      ],
    });
    for (const bad of ["200:0", "200:x", "abc:1", "200:3,", ","])
      expect(parseChoices(bad).ok, bad).toBe(false);
  });
  it("picks by weight", () => {
    const choices = [
      { code: "200", weight: 3 },
      { code: "503", weight: 1 },
    ];
    expect(pick(choices, 0)).toBe("200");
    expect(pick(choices, 0.74)).toBe("200");
    expect(pick(choices, 0.75)).toBe("503");
    expect(pick(choices, 0.999)).toBe("503");
  });
  it("draws roughly in proportion", () => {
    const counts: Record<string, number> = {};
    for (let n = 0; n < 4000; n++) {
      const code = pick(
        [
          { code: "200", weight: 3 },
          { code: "503", weight: 1 },
        ],
        drawValue(7, n),
      );
      counts[code] = (counts[code] ?? 0) + 1;
    }
    expect((counts["200"] ?? 0) / 4000).toBeGreaterThan(0.7);
    expect((counts["200"] ?? 0) / 4000).toBeLessThan(0.8);
  });
  it("repeats the same sequence for the same seed", () => {
    const run = () => {
      const sequences = new SequenceStore();
      return Array.from(
        { length: 20 },
        () => simulate(req("200:1,404:1,503:1", "?seed=42", { sequences })).status,
      );
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
    // draw= picks one element of the sequence without state.
    expect(simulate(req("200:1,404:1,503:1", "?seed=42&draw=5")).status).toBe(a[5]);
    const res = simulate(req("200:1,503:1", "?seed=1&draw=0"));
    expect(json(res).choice).toEqual({ from: "200:1,503:1", draw: 0 });
  });
  it("rejects bad lists and a draw without a seed", () => {
    expect(invalidNames(simulate(req("200:3,abc")))).toEqual(["code"]);
    expect(invalidNames(simulate(req("200:1,503:1", "?draw=3")))).toEqual(["draw"]);
    expect(invalidNames(simulate(req("200:1,600:1", "?seed=1&draw=0")))).toEqual(
      expect.arrayContaining(["code"]),
    );
  });
  it("forgets the least recently used seeds", () => {
    const store = new SequenceStore(2);
    store.take("a");
    store.take("b");
    store.take("c");
    expect(store.size).toBe(2);
    expect(store.take("a")).toBe(0);
  });
  it("is bounded in bytes, not only in keys: long keys cannot fill memory", () => {
    const store = new SequenceStore(10_000, 1024 * 1024);
    const long = "2".repeat(5_000);
    for (let i = 0; i < 10_000; i++) store.take(`${i}|${long}`);
    expect(store.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(store.size).toBeLessThan(200);
    expect(store.take(`9999|${long}`)).toBe(1);
  });
});

describe("echo and limits", () => {
  it("echoes the request body", () => {
    const res = simulate(req("201", "", { method: "POST", body: '{"n":1}' }));
    expect((json(res).request as { body: string }).body).toBe('{"n":1}');
  });
  it("answers 413 over the limit", () => {
    const res = simulate(req("200", "", { method: "POST", bodyBytes: MAX_ECHO_BYTES + 1 }));
    expect(res.status).toBe(413);
    expect(json(res)).toMatchObject({ status: 413, title: "Content Too Large" });
  });
  it("reports every bad option at once", () => {
    expect(invalidNames(simulate(req("200", "?delay=x&auth=y&format=z")))).toEqual([
      "delay",
      "auth",
      "format",
    ]);
    expect(invalidNames(simulate(req("abc", "?delay=x")))).toEqual(["delay", "code"]);
    expect(invalidNames(simulate(req("200", "?delay=1&delay=2")))).toEqual(["delay"]);
  });
});

describe("interim responses", () => {
  it("are sent where the adapter can, and reported either way", () => {
    const hints = simulate(req("103", "", { canSendInterim: true }));
    expect(hints.status).toBe(200);
    expect(hints.interim).toEqual([
      { status: 103, headers: [["Link", "</styles.css>; rel=preload; as=style"]] },
    ]);
    expect(json(hints).interim).toMatchObject({ status: 103, sent: true });
    expect(simulate(req("102", "", { canSendInterim: true })).interim[0]?.status).toBe(102);
    expect(
      simulate(req("100", "", { canSendInterim: true, headers: [["Expect", "100-continue"]] })).interim[0]
        ?.status,
    ).toBe(100);
    const unasked = simulate(req("100", "", { canSendInterim: true }));
    expect(unasked.interim).toEqual([]);
    expect(String((json(unasked).interim as { note: string }).note)).toMatch(/Expect: 100-continue/);
    expect(simulate(req("101", "", { canSendInterim: true })).interim).toEqual([]);
    expect(simulate(req("103")).interim).toEqual([]);
  });
});

describe("parseOptions", () => {
  it("reads defaults when nothing is given", () => {
    expect(parseOptions(new URLSearchParams(""), () => undefined)).toMatchObject({
      ok: true,
      options: { delayMs: 0, authScheme: "bearer", headers: [] },
    });
  });
});

describe("properties with options", () => {
  const optionPair = fc.oneof(
    fc.tuple(
      fc.constantFrom("delay", "auth", "retry-after", "seed", "draw", "format", "location", "header"),
      fc.string({ maxLength: 30 }),
    ),
    fc.tuple(
      fc.constant("header"),
      fc
        .tuple(fc.stringMatching(/^[A-Za-z-]{1,10}$/), fc.string({ maxLength: 20 }))
        .map(([n, v]) => `${n}:${v}`),
    ),
    fc.tuple(fc.constant("delay"), fc.integer({ min: 0, max: 20 }).map(String)),
  );
  const code = fc.oneof(
    fc.integer({ min: 90, max: 620 }).map(String),
    fc.constantFrom("200:3,503:1", "abc", "", "404,500:2"),
    fc.string({ maxLength: 10 }),
  );
  const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  const headers = fc.array(
    fc.tuple(
      fc.constantFrom("Accept", "Simulate-Delay", "Simulate-Auth", "Expect", "X-Any"),
      fc.string({ maxLength: 20 }).map((v) => v.replace(/[\r\n\0]/g, "")),
    ),
    { maxLength: 4 },
  );

  it("never 5xx unless asked, never CR/LF in a header, never forbidden content, every 400 is problem+json", () => {
    fc.assert(
      fc.property(code, method, fc.array(optionPair, { maxLength: 5 }), headers, (c, m, opts, hs) => {
        const query = new URLSearchParams(opts).toString();
        const res = simulate({ method: m, code: c, url: `/api/status/x?${query}`, headers: hs, now: NOW });
        const asked = c.split(",").map((p) => p.split(":")[0]);
        if (res.status >= 500) expect(asked).toContain(String(res.status));
        for (const [n, v] of res.headers) expect(`${n}${v}`).not.toMatch(/[\r\n\0]/);
        if (m === "HEAD" || [204, 205, 304].includes(res.status) || res.status < 200)
          expect(res.body).toBeNull();
        if (res.status === 400 && !asked.includes("400")) {
          expect(header(res, "Content-Type")).toBe("application/problem+json");
          if (m !== "HEAD") {
            const p = json(res);
            expect(p.status).toBe(400);
            expect((p["invalid-params"] as unknown[]).length).toBeGreaterThan(0);
          }
        }
        if (res.body !== null && header(res, "Content-Type")?.includes("json"))
          expect(() => JSON.parse(res.body ?? "")).not.toThrow();
        expect(res.delayMs).toBeLessThanOrEqual(MAX_DELAY_MS);
      }),
      { numRuns: 1000 },
    );
    // A thousand simulated requests: well under a second alone, several on a loaded CI machine.
  }, 60_000);
});
