/**
 * Scenarios over HTTP: through the node:http fast path (real sockets, real curl for the faults) and
 * through the Next route handler, which cannot act on the connection and says so.
 */
import { execFile } from "node:child_process";
import http from "node:http";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/api/status/[code]/route";
import { FastPath } from "@/server/fast-path";

import { type FastPathServer, startFastPath } from "./helpers/fast-path-server";
import { until } from "./helpers/until";

const run = promisify(execFile);

let server: FastPathServer;
let base = "";
const fast = new FastPath();

beforeAll(async () => {
  server = await startFastPath(fast);
  base = server.base;
});

afterAll(() => server.close());

/** curl's exit code and output; curl exits non-zero for the faults, which is the point. */
async function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run("curl", ["-sS", ...args]);
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: Date.now() - started };
  }
}

const unique = () => `h-${Math.random().toString(36).slice(2)}`;

describe("the fast path", () => {
  it("walks a sequence and never reuses a prepared answer for a scenario", async () => {
    const name = unique();
    const got = [];
    for (let i = 0; i < 4; i++)
      got.push((await fetch(`${base}/api/status/503,503,200?scenario=${name}`)).status);
    expect(got).toEqual([503, 503, 200, 200]);
    const single = unique();
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push((await fetch(`${base}/api/status/503?scenario=${single}&fail-until=2`)).status);
    expect(codes).toEqual([503, 503, 200]);
  });

  it("fault=close closes the connection without a response (curl: empty reply)", async () => {
    const r = await curl([`${base}/api/status/444?fault=close`]);
    expect(r.code).toBe(52);
  });

  it("fault=reset resets the connection (curl: connection reset)", async () => {
    const r = await curl([`${base}/api/status/200?fault=reset`]);
    expect(r.code).toBe(56);
    expect(r.stderr).toMatch(/reset/i);
  });

  it("fault=truncate declares a Content-Length and sends less (curl: partial file)", async () => {
    const r = await curl(["-i", `${base}/api/status/200?fault=truncate`]);
    expect(r.code).toBe(18);
    const declared = Number(/content-length: (\d+)/i.exec(r.stdout)?.[1]);
    const got = Buffer.byteLength(r.stdout.split("\r\n\r\n").slice(1).join("\r\n\r\n"));
    expect(declared).toBeGreaterThan(0);
    expect(got).toBeLessThan(declared);
  });

  it("fault=stall sends nothing until the client gives up", async () => {
    const r = await curl(["--max-time", "1", `${base}/api/status/200?fault=stall&delay=5000`]);
    expect(r.code).toBe(28);
    expect(r.stdout).toBe("");
  });

  it("fault=stall closes after the delay when the client waits", async () => {
    const r = await curl([`${base}/api/status/200?fault=stall&delay=300`]);
    expect(r.code).toBe(52);
    expect(r.ms).toBeGreaterThanOrEqual(250);
  });

  it("fault=slow-body drips the whole body over the delay", async () => {
    const arrivals: number[] = [];
    const started = Date.now();
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get(`${base}/api/status/200?fault=slow-body&delay=1500`, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            arrivals.push(Date.now() - started);
            text += chunk;
          });
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 200 });
    // Fifteen pieces a tenth of a second apart: even a busy machine that merges a few still shows
    // several arrivals, and the last cannot come before the delay.
    expect(arrivals.length).toBeGreaterThan(3);
    expect(arrivals[arrivals.length - 1]).toBeGreaterThanOrEqual(1400);
    expect(fast.runtime.gate.inUse).toBe(0);
  });

  it("a client that leaves during a stall frees its slot", async () => {
    await curl(["--max-time", "0.3", `${base}/api/status/200?fault=stall&delay=5000`]);
    // Long before the 5 s stall would end by itself.
    expect(await until(() => fast.runtime.gate.inUse === 0, 2000)).toBe(true);
  });

  it("the limiter's RateLimit fields and a simulated 429 come through the fast path", async () => {
    const name = unique();
    let last: Response | undefined;
    for (let i = 0; i < 3; i++)
      last = await fetch(`${base}/api/status/204?scenario=${name}&limit=2&window=30`);
    expect(last?.status).toBe(429);
    expect(last?.headers.get("simulated-status")).toBe("429");
    expect(last?.headers.get("retry-after")).toMatch(/^(29|30)$/);
    expect(last?.headers.get("ratelimit-policy")).toBe('"scenario";q=2;w=30');
  });
});

describe("the Next route handler", () => {
  const get = (target: string) =>
    GET(new Request(`http://127.0.0.1/api/status/${target}`), {
      params: Promise.resolve({ code: decodeURIComponent(target.split("?")[0] ?? "") }),
    });

  it("walks a sequence too", async () => {
    const name = unique();
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await get(`500,200?scenario=${name}`)).status);
    expect(got).toEqual([500, 200, 200]);
  });

  it("answers a fault with a real 501 problem+json saying it needs the site's own server", async () => {
    const res = await get(`444?fault=close`);
    expect(res.status).toBe(501);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("simulated-status")).toBeNull();
    const body = (await res.json()) as { detail: string; "invalid-params": { name: string }[] };
    expect(body.detail).toMatch(/npm start/);
    expect(body["invalid-params"][0]?.name).toBe("fault");
  });
});
