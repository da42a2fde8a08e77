/**
 * The two adapters of the simulator (the node:http fast path and the Next route handler) must answer
 * the same requests the same way: same status, same headers (bar Date), same body.
 */
import http from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET, HEAD, POST, PUT } from "@/app/api/status/[code]/route";
import { processRuntime, SimulatorRuntime } from "@/lib/simulator/runtime";
import { FastPath } from "@/server/fast-path";

import { type FastPathServer, startFastPath } from "./helpers/fast-path-server";

/** A real runtime that counts how often the simulator is asked: a reused answer does not ask it. */
class CountingRuntime extends SimulatorRuntime {
  calls = 0;
  override answer(...args: Parameters<SimulatorRuntime["answer"]>): ReturnType<SimulatorRuntime["answer"]> {
    this.calls++;
    return super.answer(...args);
  }
}

const runtime = new CountingRuntime();
let server: FastPathServer;
let base = "";

beforeAll(async () => {
  server = await startFastPath(new FastPath(runtime));
  base = server.base;
});

afterAll(() => server.close());

// Date is the clock; the ETag no longer depends on the echoed headers, so it must match too.
const comparable = (headers: Headers) =>
  [...headers.entries()]
    .filter(([n]) => !["date", "content-length", "connection", "keep-alive", "transfer-encoding"].includes(n))
    .sort();

const CASES: [string, RequestInit][] = [
  ["401", {}],
  ["204", {}],
  ["304", { headers: { "If-None-Match": '"x"' } }],
  ["405", { method: "POST", body: "{}" }],
  ["301?location=/next", {}],
  ["418?header=X-Tea:earl-grey", {}],
  ["599", {}],
  ["abc", {}],
  ["200?delay=oops", {}],
  ["404", { headers: { Accept: "application/problem+json" } }],
  ["503?format=text", {}],
  ["200:1,404:1?seed=9&draw=3", {}],
  ["201", { method: "POST", body: '{"echo":true}', headers: { "Content-Type": "application/json" } }],
  ["200", { method: "HEAD" }],
  ["304", { headers: { "If-None-Match": "*" } }],
  ["206", { headers: { Range: "bytes=0-99" } }],
  ["206", { headers: { Range: "bytes=0-4,10-14" } }],
  ["206", {}],
  ["416", { headers: { Range: "bytes=0-9" } }],
  ["200", { method: "PUT", headers: { "If-Match": '"stale"' } }],
  ["200?header=Cache-Control:max-age%3D60", { headers: { Authorization: "Bearer secret" } }],
];

describe.each(CASES)("%s", (target, init) => {
  it("gets the same answer from both adapters", async () => {
    const viaFast = await fetch(`${base}/api/status/${target}`, { ...init, redirect: "manual" });
    const code = decodeURIComponent(target.split("?")[0] ?? "");
    const handler =
      init.method === "POST" ? POST : init.method === "HEAD" ? HEAD : init.method === "PUT" ? PUT : GET;
    const viaNext = await handler(new Request(`http://127.0.0.1/api/status/${target}`, init), {
      params: Promise.resolve({ code }),
    });
    expect(viaFast.status).toBe(viaNext.status);
    expect(viaFast.statusText).toBe(viaNext.statusText);
    expect(comparable(viaFast.headers)).toEqual(comparable(viaNext.headers));
    const [a, b] = [await viaFast.text(), await viaNext.text()];
    // The echoed request headers differ (the real client sends host, connection, ...); the rest must match.
    const strip = (t: string) =>
      t.startsWith("{") ? JSON.stringify({ ...JSON.parse(t), request: undefined }) : t;
    expect(strip(a)).toBe(strip(b));
  });
});

function raw(method: string): Promise<{ headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/status/200`,
      { method, agent: false, headers: { Accept: "application/json", "User-Agent": "t" } },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the fast path", () => {
  it("reuses answers only for identical requests", async () => {
    const ask = (trace: string) => fetch(`${base}/api/status/418?reuse=1`, { headers: { "X-Trace": trace } });
    const before = runtime.calls;
    const a = await (await ask("one")).json();
    expect(runtime.calls - before).toBe(1);
    // The same request again: answered from the prepared answer, without asking the simulator.
    const b = await (await ask("one")).json();
    expect(runtime.calls - before).toBe(1);
    expect(b).toEqual(a);
    // A different header is a different request: the simulator is asked, and echoes it.
    const c = await (await ask("two")).json();
    expect(runtime.calls - before).toBe(2);
    expect(c.request.headers["x-trace"]).toBe("two");
    // Weighted codes are drawn afresh every time, never replayed.
    const drawn = runtime.calls;
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add((await fetch(`${base}/api/status/200:1,404:1`)).status);
    expect(statuses).toEqual(new Set([200, 404]));
    expect(runtime.calls - drawn).toBe(30);
  });

  it("sends on HEAD the Content-Length and ETag the GET gets", async () => {
    const get = await raw("GET");
    const head = await raw("HEAD");
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(get.body));
    expect(head.headers.etag).toBe(get.headers.etag);
  });
});

describe("one runtime per process (issue 9 item 6)", () => {
  it("the route handler and a default fast path walk one seed sequence and share one delay gate", async () => {
    const shared = new FastPath();
    expect(shared.runtime).toBe(processRuntime());
    const seed = 1000 + Math.floor(Math.random() * 1e6);
    const target = `200:1,404:1?seed=${seed}`;
    const first = await GET(new Request(`http://127.0.0.1/api/status/${target}`), {
      params: Promise.resolve({ code: "200:1,404:1" }),
    });
    expect((await first.json()).choice.draw).toBe(0);
    // The fast path's next draw for the same seed is 1: the route handler's draw was counted.
    const again = processRuntime().answer({
      method: "GET",
      url: `/api/status/${target}`,
      code: "200:1,404:1",
      headers: [],
    });
    const sim = again instanceof Promise ? await again : again;
    expect(JSON.parse(sim.body ?? "{}").choice.draw).toBe(1);
  });
});
