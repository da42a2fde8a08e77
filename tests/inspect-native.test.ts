/**
 * POST /api/inspect served by the site's own node:http server (server/inspect.ts), not by Next: the
 * production wiring (server/app.ts) with a Next handler that records every request it is given.
 *
 * - For a matrix of requests, the native answer (over a real socket) equals the Next route's
 *   (app/api/inspect/route.ts, dispatched by Next's own method table, with the headers next.config
 *   adds to /api): status, body and every end-to-end header. Only framing and connection management
 *   (Date, Content-Length, Transfer-Encoding, Connection, Keep-Alive) may differ; where the native
 *   server does better than Next can (no 100 Continue before a 413, a 405 for methods Next does not
 *   know), the test says so. A real `next start` (16.4.6) also adds `Vary: rsc, next-router-state-tree,
 *   next-router-prefetch, next-router-segment-prefetch, Accept-Encoding` (for its client router and
 *   its compression), which means nothing for this API and is not sent here.
 * - Slow and body-less `Expect: 100-continue` requests, the ones that made `npm run abuse` stall,
 *   never reach Next and are cut by the server's own request timeout.
 */
import net, { type AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as route from "@/app/api/inspect/route";
import { MAX_INPUT_BYTES } from "@/lib/inspector/parse";
import { createSite as createAppSite, type Site } from "@/server/app";
import { readConfig } from "@/server/config";
import { readLimits } from "@/server/limits";
import { MemoryStore } from "@/lib/state/memory";
import nextConfig from "@/next.config";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import { isHTTPMethod } from "next/dist/server/web/http";

import { rawExchange, statuses, type RawExchange } from "./world/site";

let site: Site;
let port = 0;
const nextSaw: string[] = [];

beforeAll(async () => {
  const read = readConfig({ FAIR_USE_LIMIT: "0" });
  if (!read.ok) throw new Error(read.line);
  const limits = readLimits({ LIMIT_HEADERS_TIMEOUT_MS: "1000", LIMIT_REQUEST_TIMEOUT_MS: "2000" });
  site = createAppSite(
    read.config,
    new MemoryStore(),
    async (req, res) => {
      nextSaw.push(`${req.method} ${req.url}`);
      res.writeHead(404, { "Content-Type": "text/plain" }).end("this would be Next\n");
    },
    limits,
  );
  await new Promise<void>((r) => site.server.listen(0, "127.0.0.1", () => r()));
  port = (site.server.address() as AddressInfo).port;
});
afterAll(async () => {
  site.server.closeAllConnections();
  await site.shutdown();
});

interface Case {
  name: string;
  method: string;
  path?: string;
  headers?: [string, string][];
  body?: string;
  /** Send the body chunked (no Content-Length). */
  chunked?: boolean;
  /** Declare this Content-Length but send `body` (for a length declared over the limit). */
  declare?: number;
}

interface Answer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

const RAW_OK = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nCache-Control: max-age=60\r\n\r\n<p>hi</p>";
const JSON_OK = JSON.stringify({
  response: { status: 404, headers: [["Content-Type", "text/plain"]], body: "gone" },
  request: { method: "GET", headers: [] },
});
const big = "x".repeat(MAX_INPUT_BYTES + 10);

const matrix: Case[] = [
  { name: "raw HTTP as text/plain", method: "POST", headers: [["Content-Type", "text/plain"]], body: RAW_OK },
  {
    name: "raw HTTP as message/http",
    method: "POST",
    headers: [["Content-Type", "message/http"]],
    body: RAW_OK,
  },
  { name: "raw HTTP without a Content-Type", method: "POST", body: RAW_OK },
  {
    name: "raw HTTP with a byte-order mark",
    method: "POST",
    headers: [["Content-Type", "text/plain; charset=utf-8"]],
    body: `\uFEFF${RAW_OK}`,
  },
  { name: "the JSON form", method: "POST", headers: [["Content-Type", "application/json"]], body: JSON_OK },
  {
    name: "the JSON form, chunked, on a path with a query",
    method: "POST",
    path: "/api/inspect?from=test",
    headers: [["Content-Type", "application/json; charset=utf-8"]],
    body: JSON_OK,
    chunked: true,
  },
  {
    name: "bad JSON",
    method: "POST",
    headers: [["Content-Type", "application/json"]],
    body: '{"response": ',
  },
  {
    name: "JSON of the wrong shape",
    method: "POST",
    headers: [["Content-Type", "application/json"]],
    body: '{"status": 200}',
  },
  { name: "not an HTTP message", method: "POST", headers: [["Content-Type", "text/plain"]], body: "hello" },
  { name: "an empty body", method: "POST", headers: [["Content-Type", "text/plain"]], body: "" },
  { name: "a wrong content type", method: "POST", headers: [["Content-Type", "text/html"]], body: RAW_OK },
  {
    name: "a body declared over the limit",
    method: "POST",
    headers: [["Content-Type", "text/plain"]],
    body: "",
    declare: MAX_INPUT_BYTES + 1,
  },
  {
    name: "a body streamed over the limit",
    method: "POST",
    headers: [["Content-Type", "text/plain"]],
    body: big,
    chunked: true,
  },
  {
    name: "Expect: 100-continue with a good body",
    method: "POST",
    headers: [
      ["Content-Type", "text/plain"],
      ["Expect", "100-continue"],
    ],
    body: RAW_OK,
  },
  {
    name: "Expect: 100-continue with a body declared over the limit",
    method: "POST",
    headers: [
      ["Content-Type", "text/plain"],
      ["Expect", "100-continue"],
    ],
    body: "",
    declare: 10_000_000,
  },
  { name: "OPTIONS", method: "OPTIONS" },
  {
    name: "a CORS preflight",
    method: "OPTIONS",
    headers: [
      ["Origin", "https://example.com"],
      ["Access-Control-Request-Method", "POST"],
      ["Access-Control-Request-Headers", "content-type"],
    ],
  },
  { name: "GET", method: "GET" },
  { name: "HEAD", method: "HEAD" },
  { name: "PUT", method: "PUT", headers: [["Content-Type", "text/plain"]], body: RAW_OK },
  { name: "PATCH", method: "PATCH", headers: [["Content-Type", "text/plain"]], body: RAW_OK },
  { name: "DELETE", method: "DELETE" },
];

/** What only framing and connection management decide; everything else must be equal. */
const FRAMING = new Set(["date", "content-length", "transfer-encoding", "connection", "keep-alive"]);

function endToEnd(h: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...h].filter(([n]) => !FRAMING.has(n)).sort(([a], [b]) => a.localeCompare(b)));
}

function rawRequest(c: Case): string {
  const body = c.body ?? "";
  const lines = [`${c.method} ${c.path ?? "/api/inspect"} HTTP/1.1`, "Host: 127.0.0.1"];
  for (const [n, v] of c.headers ?? []) lines.push(`${n}: ${v}`);
  if (c.chunked) lines.push("Transfer-Encoding: chunked");
  else if (c.declare !== undefined) lines.push(`Content-Length: ${c.declare}`);
  else if (c.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  const head = `${lines.join("\r\n")}\r\n\r\n`;
  if (!c.chunked) return head + body;
  return body === ""
    ? `${head}0\r\n\r\n`
    : `${head}${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
}

/** The last answer in what a socket received, or undefined while its header section is incomplete. */
function parse(text: string): Answer | undefined {
  const starts = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})/g)];
  const last = starts[starts.length - 1];
  if (!last) return undefined;
  const at = last.index + (last[0].startsWith("\r\n") ? 2 : 0);
  const end = text.indexOf("\r\n\r\n", at);
  if (end < 0) return undefined;
  const headers = new Map<string, string>();
  for (const line of text.slice(at, end).split("\r\n").slice(1)) {
    const i = line.indexOf(":");
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = Buffer.from(text.slice(end + 4), "latin1").toString("utf8");
  return { status: Number(last[1]), headers, body };
}

/**
 * The native server's answer over a real socket, and what came before it. Done when the final
 * answer's body is complete; after a 413, also waits (at most 2 s) to see the server close.
 */
function native(c: Case): Promise<{ answer: Answer; x: RawExchange }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    let answer: Answer | undefined;
    let closeWait: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      clearTimeout(closeWait);
      socket.destroy();
      const x: RawExchange = { text, lines: [], closed, ms: Date.now() - started };
      resolve({ answer: answer ?? parse(text) ?? { status: 0, headers: new Map(), body: "" }, x });
    };
    const timer = setTimeout(() => finish(false), 5000);
    socket.on("connect", () => socket.write(rawRequest(c)));
    socket.on("data", (d: Buffer) => {
      text += d.toString("latin1");
      if (answer) return;
      const a = parse(text);
      if (!a || a.status < 200) return;
      const length = Number(a.headers.get("content-length") ?? "0");
      if (c.method !== "HEAD" && Buffer.byteLength(a.body) < length) return;
      answer = a;
      if (a.status === 413) closeWait = setTimeout(() => finish(false), 2000);
      else finish(false);
    });
    socket.on("close", () => finish(true));
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNRESET" || err.code === "EPIPE") finish(true);
      else reject(err);
    });
  });
}

/** The Next route's answer: its handlers, dispatched as Next dispatches them, plus next.config's headers. */
async function viaNext(c: Case): Promise<Answer> {
  const url = `http://127.0.0.1${c.path ?? "/api/inspect"}`;
  if (!isHTTPMethod(c.method)) return { status: 400, headers: new Map(), body: "" };
  const headers = new Headers(c.headers ?? []);
  if (c.declare !== undefined) headers.set("content-length", String(c.declare));
  const hasBody = c.body !== undefined && c.method !== "GET" && c.method !== "HEAD";
  const request = new Request(url, {
    method: c.method,
    headers,
    body: hasBody ? Buffer.from(c.body ?? "") : undefined,
  });
  const methods = autoImplementMethods(route as unknown as Parameters<typeof autoImplementMethods>[0]);
  const handler = methods[c.method as keyof typeof methods] as (r: Request) => Response | Promise<Response>;
  const response = await handler(request);
  const out = new Map<string, string>();
  response.headers.forEach((v, n) => out.set(n, v));
  const rules = (await nextConfig.headers?.()) ?? [];
  for (const rule of rules)
    if (rule.source === "/api/:path*") for (const h of rule.headers) out.set(h.key.toLowerCase(), h.value);
  const body = c.method === "HEAD" ? "" : await response.text();
  return { status: response.status, headers: out, body };
}

describe("POST /api/inspect from node:http answers as the Next route does", () => {
  it.each(matrix.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = nextSaw.length;
    const [{ answer, x }, reference] = await Promise.all([native(c), viaNext(c)]);
    expect(nextSaw.length, "the request went to Next").toBe(before);
    expect(answer.status).toBe(reference.status);
    let body = answer.body;
    let want = reference.body;
    if (c.chunked && answer.status === 413) {
      // "at least N bytes": N is what had arrived when the reader stopped, which depends on how the
      // bytes were cut into reads on each side; both are over the limit.
      const n = /at least (\d+) bytes/;
      expect(Number(n.exec(body)?.[1])).toBeGreaterThan(MAX_INPUT_BYTES);
      expect(Number(n.exec(want)?.[1])).toBeGreaterThan(MAX_INPUT_BYTES);
      body = body.replace(n, "at least N bytes");
      want = want.replace(n, "at least N bytes");
    }
    expect(body).toBe(want);
    expect(endToEnd(answer.headers)).toEqual(endToEnd(reference.headers));
    if (c.method === "HEAD") expect(answer.body).toBe("");
    else if (answer.status !== 204)
      expect(answer.headers.get("content-length")).toBe(String(Buffer.byteLength(answer.body)));
    const interim = statuses(x).filter((s) => s < 200);
    if (answer.status === 413) {
      // Refused without a go-ahead, and the rest of the upload is not waited for.
      expect(interim).toEqual([]);
      expect(answer.headers.get("connection")).toBe("close");
      expect(x.closed).toBe(true);
    } else if (c.headers?.some(([n]) => n === "Expect")) expect(interim).toEqual([100]);
    else expect(interim).toEqual([]);
  });

  it("answers methods Next does not know with a 405 naming POST and OPTIONS (Next sends a bare 400)", async () => {
    for (const method of ["TRACE", "PROPFIND", "QUERY"]) {
      const before = nextSaw.length;
      const { answer } = await native({ name: method, method });
      expect(nextSaw.length).toBe(before);
      const reference = await viaNext({ name: "GET", method: "GET" });
      expect((await viaNext({ name: method, method })).status).toBe(400);
      expect(answer.status).toBe(405);
      expect(answer.body).toBe(reference.body);
      expect(endToEnd(answer.headers)).toEqual(endToEnd(reference.headers));
    }
  });

  it("leaves other paths under /api/inspect to Next (its 404, its trailing-slash redirect)", async () => {
    const before = nextSaw.length;
    for (const path of ["/api/inspect/", "/api/inspect/x", "/api/inspector"])
      expect(
        parse(
          (await rawExchange(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, { until: /Next\n/ }))
            .text,
        )?.status,
      ).toBe(404);
    expect(nextSaw.slice(before)).toEqual(["GET /api/inspect/", "GET /api/inspect/x", "GET /api/inspector"]);
  });
});

describe("slow /api/inspect requests stay in node:http (the abuse run's slow phase)", () => {
  it("Expect: 100-continue without a body, and a body a byte at a time, never reach Next and are cut at the request timeout", async () => {
    const before = nextSaw.length;
    const started = Date.now();
    const silent = Array.from({ length: 10 }, () =>
      rawExchange(
        port,
        "POST /api/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n",
        { waitMs: 8000 },
      ),
    );
    const trickling = Array.from({ length: 10 }, () =>
      rawExchange(
        port,
        "POST /api/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nH",
        {
          waitMs: 8000,
          onConnect: (socket) => {
            // A byte every 200 ms: bounded by the server's 2 s request timeout and this 8 s wait.
            const t = setInterval(() => (socket.destroyed ? clearInterval(t) : socket.write("T")), 200);
            socket.once("close", () => clearInterval(t));
          },
        },
      ),
    );
    const silentDone = await Promise.all(silent);
    const tricklingDone = await Promise.all(trickling);
    for (const x of silentDone) {
      expect(statuses(x)[0]).toBe(100);
      expect(x.closed).toBe(true);
    }
    for (const x of tricklingDone) expect(x.closed).toBe(true);
    // Cut by the 2 s request timeout (checked every second), well before the client's own 8 s wait.
    expect(Date.now() - started).toBeLessThan(7000);
    expect(nextSaw.slice(before)).toEqual([]);
  }, 15_000);
});
