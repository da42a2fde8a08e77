/**
 * The simulator without the site's own server: a bare `next start` on the same build, where only the
 * Next route handler (app/api/status/[code]/route.ts) answers /api/status/*. A method the simulator
 * does not simulate must get the same real 405 problem+json with Allow as the fast path gives, not
 * Next's bare 400 (issue 9, item 10).
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";

import { expect, test } from "./fixtures";
import { freePort } from "../tests/helpers/free-port";

const FAST_PATH_PORT = Number(process.env.E2E_PORT ?? 3100);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, method: string, target: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: target, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

let next: ChildProcess | undefined;
let port = 0;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  port = await freePort();
  next = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await request(port, "GET", "/api/status/204")).status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(() => {
  next?.kill("SIGTERM");
});

test.describe("bare next start: /api/status/* through the Next route handler", () => {
  for (const method of ["PROPFIND", "QUERY", "SEARCH", "MKCOL", "PURGE"]) {
    test(`${method} gets the simulator's 405 with Allow, as on the fast path`, async () => {
      const viaNext = await request(port, method, "/api/status/401?x=1");
      expect(viaNext.status).toBe(405);
      expect(viaNext.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(viaNext.headers["content-type"]).toBe("application/problem+json");
      // A real refusal, not a simulated one.
      expect(viaNext.headers["simulated-status"]).toBeUndefined();
      const problem = JSON.parse(viaNext.body) as { status: number; instance: string; detail: string };
      expect(problem.status).toBe(405);
      expect(problem.instance).toBe("/api/status/401");
      expect(problem.detail).toContain(method);

      const fast = await request(FAST_PATH_PORT, method, "/api/status/401?x=1");
      expect(fast.status).toBe(405);
      expect(viaNext.headers.allow).toBe(fast.headers.allow);
      expect(viaNext.body).toBe(fast.body);
    });
  }

  test("the seven simulated methods still reach the simulator", async () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const res = await request(port, method, "/api/status/418");
      expect(res.status, method).toBe(418);
      expect(res.headers["simulated-status"], method).toBe("418");
    }
  });
});
