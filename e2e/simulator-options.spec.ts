import http from "node:http";

import { expect, test } from "./fixtures";

/** A raw request that records interim responses, which fetch() and Playwright never show. */
function raw(
  baseURL: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
    interim: { status: number; headers: http.IncomingHttpHeaders }[];
    ms: number;
  }>((resolve, reject) => {
    const started = Date.now();
    const interim: { status: number; headers: http.IncomingHttpHeaders }[] = [];
    const req = http.request(
      new URL(path, baseURL),
      { method: init.method ?? "GET", headers: init.headers, agent: false },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            interim,
            ms: Date.now() - started,
          }),
        );
      },
    );
    req.on("information", (info) => interim.push({ status: info.statusCode, headers: info.headers }));
    // Node reports a 100 both as "information" (recorded above) and as "continue": send the body then.
    req.on("continue", () => req.end(init.body));
    req.on("error", reject);
    if (!init.headers?.Expect) req.end(init.body);
  });
}

test.describe("real interim responses (the fast path)", () => {
  test("103 Early Hints comes before the final 200", async ({ baseURL }) => {
    const res = await raw(baseURL ?? "", "/api/status/103");
    expect(res.interim.map((i) => i.status)).toEqual([103]);
    expect(res.interim[0]?.headers.link).toBe("</styles.css>; rel=preload; as=style");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).interim).toMatchObject({ status: 103, sent: true });
  });

  test("Expect: 100-continue gets 100 Continue, then the body is read and echoed", async ({ baseURL }) => {
    const res = await raw(baseURL ?? "", "/api/status/201", {
      method: "POST",
      headers: { Expect: "100-continue", "Content-Type": "text/plain", "Content-Length": "5" },
      body: "hello",
    });
    expect(res.interim.map((i) => i.status)).toEqual([100]);
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).request.body).toBe("hello");
  });

  test("102 Processing is sent; 101 is not, and the body says why", async ({ baseURL }) => {
    expect((await raw(baseURL ?? "", "/api/status/102")).interim.map((i) => i.status)).toEqual([102]);
    const switching = await raw(baseURL ?? "", "/api/status/101");
    expect(switching.interim).toEqual([]);
    expect(JSON.parse(switching.body).interim).toMatchObject({ status: 101, sent: false });
  });
});

test.describe("options", () => {
  test("delay holds the answer back", async ({ baseURL }) => {
    const res = await raw(baseURL ?? "", "/api/status/504?delay=400");
    expect(res.status).toBe(504);
    expect(res.ms).toBeGreaterThanOrEqual(390);
    expect(JSON.parse(res.body).delayMs).toBe(400);
  });

  test("extra headers, location, Basic auth and Retry-After", async ({ request }) => {
    const res = await request.get(
      "/api/status/302?location=/elsewhere&header=X-Request-Id:abc&retry-after=5",
      { maxRedirects: 0 },
    );
    expect(res.status()).toBe(302);
    expect(res.headers()["location"]).toBe("/elsewhere");
    expect(res.headers()["x-request-id"]).toBe("abc");
    expect(res.headers()["retry-after"]).toBe("5");
    const basic = await request.get("/api/status/401?auth=basic");
    expect(basic.headers()["www-authenticate"]).toMatch(/^Basic realm=/);
  });

  test("weighted codes repeat for a seed", async ({ request }) => {
    const seq = async () => {
      const out: number[] = [];
      for (let n = 0; n < 10; n++)
        out.push((await request.get(`/api/status/200:1,500:1?seed=77&draw=${n}`)).status());
      return out;
    };
    const a = await seq();
    expect(await seq()).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 500]));
  });

  test("body formats follow Accept", async ({ request }) => {
    const problem = await request.get("/api/status/409", { headers: { Accept: "application/problem+json" } });
    expect(problem.headers()["content-type"]).toBe("application/problem+json");
    expect(await problem.json()).toMatchObject({ status: 409, title: "Conflict" });
    const text = await request.get("/api/status/409", { headers: { Accept: "text/plain" } });
    expect(text.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toMatch(/^409 Conflict/);
  });

  test("every bad option is a 400 naming the parameter", async ({ request }) => {
    for (const [query, name] of [
      ["delay=99999", "delay"],
      ["header=Content-Length:1", "header"],
      ["location=https://evil.example/", "location"],
      ["auth=ntlm", "auth"],
      ["retry-after=later", "retry-after"],
      ["seed=-1", "seed"],
      ["format=html", "format"],
    ]) {
      const res = await request.get(`/api/status/200?${query}`);
      expect(res.status(), query).toBe(400);
      expect(res.headers()["content-type"]).toBe("application/problem+json");
      expect((await res.json())["invalid-params"][0].name, query).toBe(name);
    }
  });

  test("a body over the echo limit gets 413", async ({ request }) => {
    const res = await request.post("/api/status/200", {
      data: "x".repeat(70_000),
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status()).toBe(413);
    expect((await res.json()).status).toBe(413);
  });

  test("HEAD gets the GET's Content-Length and no body", async ({ baseURL }) => {
    const headers = { Accept: "application/json", "User-Agent": "e2e" };
    const get = await raw(baseURL ?? "", "/api/status/404", { headers });
    const head = await raw(baseURL ?? "", "/api/status/404", { method: "HEAD", headers });
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(get.body));
  });

  test("426 keeps Upgrade and Connection: Upgrade on the wire", async ({ baseURL }) => {
    const res = await raw(baseURL ?? "", "/api/status/426", { headers: { Connection: "keep-alive" } });
    expect(res.status).toBe(426);
    expect(res.headers.upgrade).toBe("TLS/1.3, HTTP/1.1");
    expect(String(res.headers.connection).toLowerCase()).toContain("upgrade");
  });

  test("the simulator's JSON can never be read as HTML", async ({ request }) => {
    const res = await request.get("/api/status/200?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await res.text()).not.toContain("<");
  });
});

test.describe("docs and security headers", () => {
  test("/api/openapi.json describes the simulator, and /docs/simulator is built from it", async ({
    request,
    page,
  }) => {
    const doc = await (await request.get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/status/{code}"].get.parameters.map((p: { name: string }) => p.name)).toContain(
      "delay",
    );
    await page.goto("/docs/simulator");
    await expect(page.getByRole("rowheader", { name: "retry-after" })).toBeVisible();
  });

  for (const path of ["/", "/401", "/inspect"]) {
    test(`${path} sends security headers`, async ({ request }) => {
      const h = (await request.get(path)).headers();
      expect(h["content-security-policy"]).toContain("default-src 'self'");
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"]).not.toContain("unsafe-eval");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"]).toBe("DENY");
    });
  }
});
