import { describe, expect, it } from "vitest";

import { DELETE, GET, HEAD, OPTIONS, POST } from "./route";

function call(handler: typeof GET, code: string, init: RequestInit = {}, query = "") {
  const request = new Request(`http://127.0.0.1/api/status/${encodeURIComponent(code)}${query}`, init);
  return handler(request, { params: Promise.resolve({ code }) });
}

describe("/api/status/[code] route handler", () => {
  it("adapts the simulator to a Response", async () => {
    const res = await call(GET, "401");
    expect(res.status).toBe(401);
    expect(res.statusText).toBe("Unauthorized");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      status: 401,
      request: { method: "GET", path: "/api/status/401" },
    });
  });

  it("leaves out the forwarding headers the server adds itself", async () => {
    const res = await call(GET, "200", { headers: { "x-forwarded-host": "a", "x-custom": "b" } });
    const body = (await res.json()) as { request: { headers: Record<string, string> } };
    expect(body.request.headers).toEqual({ "x-custom": "b" });
  });

  it("builds null-body responses for 204, 304 and HEAD without throwing", async () => {
    const conditional = { "If-None-Match": "*" };
    for (const [handler, method, code, headers] of [
      [GET, "GET", "204", {}],
      [GET, "GET", "205", {}],
      [GET, "GET", "304", conditional],
      [HEAD, "HEAD", "200", {}],
      [HEAD, "HEAD", "401", {}],
    ] as const) {
      const res = await call(handler, code, { method, headers });
      expect(res.status).toBe(Number(code));
      expect(res.body).toBeNull();
    }
  });

  it("answers POST and DELETE too", async () => {
    expect((await call(POST, "201", { method: "POST", body: "{}" })).headers.get("location")).toBe(
      "/api/status/200",
    );
    expect((await call(DELETE, "405", { method: "DELETE" })).headers.get("allow")).not.toContain("DELETE");
  });

  it("answers a CORS preflight", async () => {
    const res = await call(OPTIONS, "503", {
      method: "OPTIONS",
      headers: { origin: "https://x.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("turns bad codes into 400 problem+json, never a 500", async () => {
    for (const code of ["abc", "600", "99", "1e3", ""]) {
      const res = await call(GET, code);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(((await res.json()) as { status: number }).status).toBe(400);
    }
  });

  it("answers 1xx requests with 200 instead of throwing like new Response(null, { status: 103 }) would", async () => {
    const res = await call(GET, "103");
    expect(res.status).toBe(200);
    expect(res.headers.get("simulated-status")).toBe("103");
  });
});
