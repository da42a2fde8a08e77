import { expect, test } from "./fixtures";

// The raw wire result of the simulator, as a test suite would see it (Playwright's request fixture
// does not follow redirects here, so 3xx are seen as sent).
test.describe("simulator over HTTP", () => {
  test("401 carries a Bearer challenge and a diagnostic body", async ({ request }) => {
    const res = await request.get("/api/status/401?x=1");
    expect(res.status()).toBe(401);
    expect(res.statusText()).toBe("Unauthorized");
    const h = res.headers();
    expect(h["www-authenticate"]).toBe('Bearer realm="statuscodes simulator"');
    expect(h["content-type"]).toBe("application/problem+json");
    expect(h["cache-control"]).toBe("no-store");
    expect(h["simulated-status"]).toBe("401");
    expect(h["access-control-allow-origin"]).toBe("*");
    expect(h["access-control-expose-headers"]).toContain("WWW-Authenticate");
    expect(h["date"]).toBeTruthy();
    expect(await res.json()).toMatchObject({
      status: 401,
      request: { method: "GET", path: "/api/status/401", query: { x: "1" } },
    });
  });

  test("204 has no body, no Content-Type, no Content-Length; HEAD too", async ({ request }) => {
    for (const res of [await request.get("/api/status/204"), await request.head("/api/status/204")]) {
      expect(res.status()).toBe(204);
      expect((await res.body()).length).toBe(0);
      expect(res.headers()["content-type"]).toBeUndefined();
      expect(res.headers()["content-length"]).toBeUndefined();
      expect(res.headers()["transfer-encoding"]).toBeUndefined();
    }
  });

  test("HEAD keeps the GET's headers and sends no body", async ({ request }) => {
    const res = await request.head("/api/status/401");
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toMatch(/^Bearer /);
    expect((await res.body()).length).toBe(0);
  });

  test("304 answers a matching If-None-Match, has no body and carries the 200's validators", async ({
    request,
  }) => {
    const ok = await request.get("/api/status/304");
    expect(ok.status()).toBe(200);
    const etag = ok.headers()["etag"] ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const res = await request.get("/api/status/304", { headers: { "If-None-Match": etag } });
    expect(res.status()).toBe(304);
    expect((await res.body()).length).toBe(0);
    expect(res.headers()["etag"]).toBe(etag);
    expect(res.headers()["cache-control"]).toBe("no-store");
    expect(res.headers()["content-type"]).toBeUndefined();
  });

  test("405 carries Allow without the refused method", async ({ request }) => {
    const res = await request.get("/api/status/405");
    expect(res.status()).toBe(405);
    expect(res.headers()["allow"]).toBe("POST, PUT, PATCH, DELETE, OPTIONS");
    const del = await request.delete("/api/status/405");
    expect(del.headers()["allow"]).not.toContain("DELETE");
  });

  test("301 is sent as a 301 with a same-origin Location", async ({ request }) => {
    const res = await request.get("/api/status/301", { maxRedirects: 0 });
    expect(res.status()).toBe(301);
    expect(res.headers()["location"]).toBe("/api/status/200");
  });

  test("418 and 599 are sent as asked", async ({ request }) => {
    const teapot = await request.get("/api/status/418");
    expect(teapot.status()).toBe(418);
    expect(teapot.statusText()).toBe("Unused");
    const unofficial = await request.get("/api/status/599");
    expect(unofficial.status()).toBe(599);
    expect(await unofficial.json()).toMatchObject({ status: 599, registered: false });
  });

  test("a 1xx request gets a final 200 that says whether the interim status was sent", async ({
    request,
  }) => {
    const hints = await request.get("/api/status/103");
    expect(hints.status()).toBe(200);
    expect(hints.headers()["simulated-status"]).toBe("103");
    expect(await hints.json()).toMatchObject({ status: 200, interim: { status: 103, sent: true } });
    const upgrade = await request.get("/api/status/101");
    expect(await upgrade.json()).toMatchObject({ status: 200, interim: { status: 101, sent: false } });
  });

  for (const bad of ["abc", "600", "99", "1e3"]) {
    test(`"${bad}" gets a 400 problem+json`, async ({ request }) => {
      const res = await request.get(`/api/status/${bad}`);
      expect(res.status()).toBe(400);
      expect(res.headers()["content-type"]).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({
        type: "about:blank",
        title: "Bad Request",
        status: 400,
        "invalid-params": [{ name: "code" }],
      });
    });
  }

  test("every method is answered by the simulator itself", async ({ request }) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await request.fetch("/api/status/409", { method, data: "{}" });
      expect(res.status(), method).toBe(409);
      expect((await res.json()).request.method).toBe(method);
    }
  });
});
