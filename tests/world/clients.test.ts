/**
 * Real clients against the site's own server (issue 9, "real components"): curl, Python requests
 * and httpx, Go net/http with httptrace, Node fetch and node:http. Every registered code, and what
 * each client makes of it; where a client itself is wrong, the test records it with its version
 * (and the code's page says so under "Client handling").
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { allStatuses } from "@/lib/registry";

import { startSite, type Site } from "./site";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const PYTHON = path.join(ROOT, ".venv/bin/python");
const GO = process.env.GO_PATH ?? "/usr/local/go/bin/go";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const CODES = allStatuses().map((s) => s.code);
/** What a plain GET gets: 1xx, 206, 304 and 416 stand in a 200 (see README). */
const plainStatus = (code: number) => (code < 200 || [206, 304, 416].includes(code) ? 200 : code);
/** Interim responses the site's server sends to an HTTP/1.1 GET without Expect. */
const INTERIM: Record<number, number> = { 102: 102, 103: 103 };

async function curl(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run("curl", ["-sS", "--max-time", "10", ...args], { encoding: "latin1" });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe("curl", () => {
  it("every code: the simulated status as the final one", async () => {
    const wrong: string[] = [];
    for (const code of CODES) {
      const { stdout } = await curl([
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        `${site.base}/api/status/${code}`,
      ]);
      if (Number(stdout) !== plainStatus(code)) wrong.push(`${code}: ${stdout}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it("sees the interim 103 over HTTP/1.1, none with --http1.0", async () => {
    const v11 = await curl(["-si", `${site.base}/api/status/103`]);
    expect(v11.stdout).toMatch(/^HTTP\/1\.1 103 Early Hints\r\n/);
    expect(v11.stdout).toContain("HTTP/1.1 200 OK");
    for (const code of [102, 103]) {
      const v10 = await curl(["-si", "--http1.0", `${site.base}/api/status/${code}`]);
      expect(v10.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(v10.stdout).not.toMatch(/HTTP\/1\.[01] 10\d/);
    }
  });

  it("-r 0-99 gets those bytes of /206", async () => {
    const whole = (await curl([`${site.base}/api/status/206`])).stdout;
    const ranged = await curl(["-si", "-r", "0-99", `${site.base}/api/status/206`]);
    expect(ranged.stdout).toMatch(/^HTTP\/1\.1 206 Partial Content\r\n/);
    expect(ranged.stdout).toContain(`Content-Range: bytes 0-99/${whole.length}`);
    expect(ranged.stdout.endsWith(whole.slice(0, 100))).toBe(true);
  });

  it("-C - resumes a partial download of /206 into the whole representation", async () => {
    const whole = (await curl([`${site.base}/api/status/206`])).stdout;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-curl-"));
    try {
      const file = path.join(dir, "part");
      fs.writeFileSync(file, whole.slice(0, 123), "latin1");
      const res = await curl(["-C", "-", "-o", file, `${site.base}/api/status/206`]);
      expect(res.code).toBe(0);
      expect(fs.readFileSync(file, "latin1")).toBe(whole);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--retry honours a 503's Retry-After and gets the 200 that follows", async () => {
    const name = `curl-${Math.random().toString(36).slice(2)}`;
    // Not -o /dev/null: curl truncates its output file before a retry, which /dev/null refuses.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-curl-"));
    try {
      const started = Date.now();
      const res = await curl([
        "-o",
        path.join(dir, "out"),
        "-w",
        "%{http_code}",
        "--retry",
        "3",
        `${site.base}/api/status/503,200?scenario=${name}`,
      ]);
      expect(res.stdout).toBe("200");
      // Retry-After: 1 (the simulator's default) is waited out.
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface PySeen {
  status?: number;
  bytes?: number;
  error?: string;
}

describe("Python requests and httpx", () => {
  it("every code; requests takes a 102 or 103 for the final answer (http.client only skips 100)", async () => {
    const { stdout } = await run(
      PYTHON,
      [path.join(__dirname, "clients.py"), site.base, ...CODES.map(String)],
      {
        timeout: 120_000,
      },
    );
    const out = JSON.parse(stdout) as {
      versions: { requests: string; httpx: string };
      requests: Record<string, PySeen>;
      httpx: Record<string, PySeen>;
      requests_range: { status: number; bytes: number };
      httpx_conditional: { first: number; again: number; bytes: number };
    };
    const wrong: string[] = [];
    for (const code of CODES) {
      if (out.httpx[code]?.status !== plainStatus(code))
        wrong.push(`httpx ${code}: ${JSON.stringify(out.httpx[code])}`);
      // requests 2.34 (CPython 3.11's http.client) returns the interim 102/103 as the response, with
      // no body; the 200 after it is lost. Recorded on the 102 and 103 pages.
      const want = INTERIM[code] ?? plainStatus(code);
      if (out.requests[code]?.status !== want)
        wrong.push(`requests ${code}: ${JSON.stringify(out.requests[code])}`);
    }
    expect(wrong, JSON.stringify(out.versions)).toEqual([]);
    expect(out.versions.requests).toBe("2.34.2");
    expect(out.requests["103"]?.bytes).toBe(0);
    expect(out.requests_range).toEqual({
      status: 206,
      bytes: 100,
      content_range: expect.stringMatching(/^bytes 0-99\//),
    });
    expect(out.httpx_conditional).toEqual({ first: 200, again: 304, bytes: 0 });
  }, 150_000);
});

describe("Go net/http", () => {
  it("every code, with the interim responses httptrace reports", async () => {
    const { stdout } = await run(
      GO,
      ["run", path.join(__dirname, "client.go"), site.base, ...CODES.map(String)],
      {
        timeout: 170_000,
        env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" },
      },
    );
    const out = JSON.parse(stdout) as {
      version: string;
      codes: Record<string, { status: number; interim: number[]; bytes: number; error?: string }>;
    };
    const wrong: string[] = [];
    for (const code of CODES) {
      const s = out.codes[code];
      const interim = INTERIM[code] ? [INTERIM[code]] : [];
      if (s?.status !== plainStatus(code) || JSON.stringify(s.interim) !== JSON.stringify(interim))
        wrong.push(`${code}: ${JSON.stringify(s)}`);
    }
    expect(wrong, out.version).toEqual([]);
  }, 180_000);
});

describe("Node fetch and node:http", () => {
  it("fetch: every code's final status (redirects not followed); a 407 is a network error", async () => {
    const wrong: string[] = [];
    for (const code of CODES) {
      if (code === 407) {
        // The Fetch Standard turns a 407 into a network error outside a browser window (undici follows it).
        await expect(fetch(`${site.base}/api/status/407`)).rejects.toThrow("fetch failed");
        continue;
      }
      try {
        const res = await fetch(`${site.base}/api/status/${code}`, { redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== plainStatus(code)) wrong.push(`${code}: ${res.status}`);
      } catch (err) {
        const cause = (err as { cause?: { message?: string; code?: string } }).cause;
        wrong.push(`${code}: ${(err as Error).message} (${cause?.code ?? ""} ${cause?.message ?? ""})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it("node:http: every code, interim responses as 'information' events", async () => {
    const agent = new http.Agent({ keepAlive: true });
    const wrong: string[] = [];
    try {
      for (const code of CODES) {
        const got = await new Promise<{ status: number; interim: number[] }>((resolve, reject) => {
          const interim: number[] = [];
          const req = http.get(`${site.base}/api/status/${code}`, { agent, timeout: 5000 }, (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode ?? 0, interim }));
          });
          req.on("information", (info) => interim.push(info.statusCode));
          req.on("timeout", () => req.destroy(new Error(`timed out: ${code}`)));
          req.on("error", reject);
        });
        const interim = INTERIM[code] ? [INTERIM[code]] : [];
        if (got.status !== plainStatus(code) || JSON.stringify(got.interim) !== JSON.stringify(interim))
          wrong.push(`${code}: ${JSON.stringify(got)}`);
      }
    } finally {
      agent.destroy();
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
