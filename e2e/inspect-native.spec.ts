/**
 * `/api/inspect` as the production server answers it (node:http, server/inspect.ts) against what a
 * real `next start` on the same build answers from app/api/inspect/route.ts: the same status, body
 * and end-to-end headers. Allowed to differ, and checked to differ only so: framing and connection
 * headers, Next's own `Vary` (its client router's request headers and its compression), and the
 * answers to methods Next does not know.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

import { expect, test } from "@playwright/test";
import { freePort } from "../tests/helpers/free-port";

const PORT = Number(process.env.E2E_PORT ?? 3100);

const FRAMING = new Set(["date", "content-length", "transfer-encoding", "connection", "keep-alive"]);
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function ask(
  port: number,
  method: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/inspect",
        method,
        agent: false,
        // Identity, so that Next does not compress and both bodies compare as sent.
        headers: { "Accept-Encoding": "identity", ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          const out: Record<string, string> = {};
          for (const [n, v] of Object.entries(res.headers))
            if (!FRAMING.has(n)) out[n] = Array.isArray(v) ? v.join(", ") : (v ?? "");
          resolve({ status: res.statusCode ?? 0, headers: out, body: text });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

let next: ChildProcess | undefined;
let nextPort = 0;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  nextPort = await freePort();
  next = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(nextPort), "-H", "127.0.0.1"],
    { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" },
  );
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      await ask(nextPort, "OPTIONS");
      break;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
});

test.afterAll(() => {
  next?.kill("SIGKILL");
});

const RAW = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nCache-Control: max-age=60\r\n\r\n<p>hi</p>";
const cases: [string, string, Record<string, string>, string | undefined][] = [
  ["raw HTTP", "POST", { "Content-Type": "text/plain" }, RAW],
  ["message/http", "POST", { "Content-Type": "message/http" }, RAW],
  [
    "the JSON form",
    "POST",
    { "Content-Type": "application/json" },
    JSON.stringify({ response: { status: 404, headers: [["Content-Type", "text/plain"]], body: "gone" } }),
  ],
  ["bad JSON", "POST", { "Content-Type": "application/json" }, "{"],
  ["a wrong media type", "POST", { "Content-Type": "text/html" }, RAW],
  ["not an HTTP message", "POST", { "Content-Type": "text/plain" }, "hello"],
  ["Expect: 100-continue", "POST", { "Content-Type": "text/plain", Expect: "100-continue" }, RAW],
  ["OPTIONS", "OPTIONS", {}, undefined],
  [
    "a CORS preflight",
    "OPTIONS",
    { Origin: "https://example.com", "Access-Control-Request-Method": "POST" },
    undefined,
  ],
  ["GET", "GET", {}, undefined],
  ["HEAD", "HEAD", {}, undefined],
  ["PUT", "PUT", { "Content-Type": "text/plain" }, RAW],
  ["DELETE", "DELETE", {}, undefined],
];

test.describe("/api/inspect: the production server answers as next start does", () => {
  for (const [name, method, headers, body] of cases)
    test(name, async () => {
      const [ours, theirs] = await Promise.all([
        ask(PORT, method, headers, body),
        ask(nextPort, method, headers, body),
      ]);
      expect(ours.status).toBe(theirs.status);
      expect(ours.body).toBe(theirs.body);
      const vary = (theirs.headers.vary ?? "").replace(/, Accept-Encoding$/i, "");
      expect(vary).toBe(NEXT_VARY);
      delete theirs.headers.vary;
      expect(ours.headers).toEqual(theirs.headers);
    });

  test("methods Next does not know get the 405 that GET gets (next start: 400 or 500)", async () => {
    const get = await ask(PORT, "GET");
    for (const method of ["PROPFIND", "TRACE"]) {
      const ours = await ask(PORT, method);
      expect(ours).toEqual(get);
      expect([400, 500]).toContain((await ask(nextPort, method)).status);
    }
  });
});
