/**
 * Proof: the client snippets (lib/snippets/client.ts) run against the real simulator (the fast-path
 * server, on a free loopback port) and do what their comments say: follow or not follow redirects
 * (with the method each client really uses), refresh and retry once on 401, honour Retry-After once
 * up to the cap on 429/503, retry a GET once on 502/504, and surface 403/404/409/412 as errors with
 * the problem details. fetch is Node's own; requests and httpx come from .venv.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLIENT_CODES, clientKind, clientSnippets } from "@/lib/snippets/client";
import { FastPath } from "@/server/fast-path";

import { type FastPathServer, startFastPath } from "../helpers/fast-path-server";

const PYTHON = process.env.SNIPPET_PYTHON ?? path.resolve(".venv/bin/python");
let server: FastPathServer;
let base = "";
let unique = 0;
const scenario = (tag: string) => `client-${tag}-${process.pid}-${++unique}`;

beforeAll(async () => {
  server = await startFastPath(new FastPath());
  base = server.base;
});

afterAll(() => server.close());

/** The method the final request of a followed redirect uses, per client, after a POST. */
function methodAfter(code: number): string {
  return code === 307 || code === 308 ? "POST" : "GET";
}

interface Diagnostic {
  request: { method: string; headers: Record<string, string>; body?: string };
}

/** Loads a fetch snippet with a counting fetch in place of the global one. */
function loadFetch(code: number) {
  const calls: string[] = [];
  const auth: (string | undefined)[] = [];
  const counting = (input: string, init?: RequestInit) => {
    calls.push(String(input));
    auth.push(new Headers(init?.headers).get("Authorization") ?? undefined);
    return fetch(input, init);
  };
  const text = clientSnippets(code)!.fetch.text;
  const names = [...text.matchAll(/^async function (\w+)/gm)].map((m) => m[1]);
  const fns = new Function("fetch", `${text}\nreturn { ${names.join(", ")} };`)(counting) as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  return { fns, calls, auth };
}

describe("fetch client snippets", () => {
  it.each(CLIENT_CODES)("%i", async (code) => {
    const { fns, calls, auth } = loadFetch(code);
    const kind = clientKind(code);
    if (kind === "redirect") {
      const r = (await fns.send!(`${base}/api/status/${code}?location=/api/status/200`, {
        method: "POST",
        body: "hello",
      })) as { status: number; redirected: boolean; url: string; body: Diagnostic };
      expect(r).toMatchObject({ status: 200, redirected: true, url: `${base}/api/status/200` });
      expect(r.body.request.method).toBe(methodAfter(code));
      if (methodAfter(code) === "POST") expect(r.body.request.body).toBe("hello");
      expect(await fns.peek!(`${base}/api/status/${code}?location=/api/status/200`)).toEqual({
        status: code,
        location: "/api/status/200",
      });
    } else if (kind === "refresh") {
      let refreshed = 0;
      const tokens = { access: "old", refresh: async () => (refreshed++, "new") };
      const ok = (await fns.fetchWithAuth!(
        `${base}/api/status/401?scenario=${scenario("401")}&fail-until=1`,
        tokens,
      )) as Response;
      expect(ok.status).toBe(200);
      // The simulator hides credentials in its echo: the request itself says which token went out.
      expect(auth.slice(0, 2)).toEqual(["Bearer old", "Bearer new"]);
      expect([refreshed, calls.length]).toEqual([1, 2]);
      const denied = (await fns.fetchWithAuth!(`${base}/api/status/401`, {
        access: "x",
        refresh: async () => "y",
      })) as Response;
      expect([denied.status, calls.length]).toEqual([401, 4]);
    } else if (kind === "retry-after") {
      const started = Date.now();
      const ok = (await fns.fetchWithRetry!(
        `${base}/api/status/${code}?scenario=${scenario(String(code))}&fail-until=1&retry-after=1`,
      )) as Response;
      expect([ok.status, calls.length]).toEqual([200, 2]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      const longWait = Date.now();
      const given = (await fns.fetchWithRetry!(`${base}/api/status/${code}?retry-after=3600`)) as Response;
      expect([given.status, calls.length]).toEqual([code, 3]);
      expect(Date.now() - longWait).toBeLessThan(900);
    } else if (kind === "retry-gateway") {
      const ok = (await fns.getWithRetry!(
        `${base}/api/status/${code}?scenario=${scenario(String(code))}&fail-until=1`,
        200,
      )) as Response;
      expect([ok.status, calls.length]).toEqual([200, 2]);
      const failed = (await fns.getWithRetry!(`${base}/api/status/${code}`, 50)) as Response;
      expect([failed.status, calls.length]).toEqual([code, 4]);
    } else {
      const error = await fns.getJson!(`${base}/api/status/${code}`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ status: code, problem: { status: code } });
      expect(typeof (error as { problem: { title: unknown } }).problem.title).toBe("string");
      expect(calls).toHaveLength(1);
    }
  });
});

describe("Python client snippets (requests and httpx)", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "client-snippets-"));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  /** One driver runs every case, counting the requests each snippet sends with the library's own hooks. */
  function driver(): string {
    const cases = CLIENT_CODES.flatMap((code) =>
      (["requests", "httpx"] as const).map((lib) => ({
        code,
        lib,
        kind: clientKind(code),
        module: `c${code}_${lib}`,
        scenario: scenario(`${lib}-${code}`),
      })),
    );
    for (const c of cases)
      fs.writeFileSync(path.join(work, `${c.module}.py`), clientSnippets(c.code)![c.lib].text);
    return `
import importlib, json, sys, time
import httpx, requests

BASE = sys.argv[1]
CASES = json.loads(${JSON.stringify(JSON.stringify(cases))})
out = []
for c in CASES:
    m = importlib.import_module(c["module"])
    calls = []
    if c["lib"] == "requests":
        http = requests.Session()
        http.hooks["response"].append(lambda r, *a, **k: calls.append(r.status_code))
    else:
        http = httpx.Client(event_hooks={"response": [lambda r: calls.append(r.status_code)]})
    code, res = c["code"], {"code": c["code"], "lib": c["lib"]}
    url = f"{BASE}/api/status/{code}"
    if c["kind"] == "redirect":
        r = m.send(http, "POST", f"{url}?location=/api/status/200", content=b"hello") if c["lib"] == "httpx" else m.send(http, "POST", f"{url}?location=/api/status/200", data=b"hello")
        body = r.json()["request"]
        p = m.peek(http, "GET", f"{url}?location=/api/status/200")
        res.update(status=r.status_code, hops=len(r.history), method=body["method"], body=body.get("body"), peek=[p.status_code, p.headers.get("Location")])
    elif c["kind"] == "refresh":
        refreshed = []
        r, token = m.get_with_auth(http, f"{url}?scenario={c['scenario']}&fail-until=1", "old", lambda: refreshed.append(1) or "new")
        res.update(status=r.status_code, auth=r.request.headers.get("Authorization"), refreshed=len(refreshed), calls=len(calls))
        r2, _ = m.get_with_auth(http, url, "x", lambda: "y")
        res.update(denied=r2.status_code, calls_after=len(calls))
    elif c["kind"] == "retry-after":
        t = time.monotonic()
        r = m.get_with_retry(http, f"{url}?scenario={c['scenario']}&fail-until=1&retry-after=1")
        res.update(status=r.status_code, calls=len(calls), waited=time.monotonic() - t)
        t = time.monotonic()
        r2 = m.get_with_retry(http, f"{url}?retry-after=3600")
        res.update(given=r2.status_code, calls_after=len(calls), quick=time.monotonic() - t)
    elif c["kind"] == "retry-gateway":
        r = m.get_with_retry(http, f"{url}?scenario={c['scenario']}&fail-until=1", 0.2)
        res.update(status=r.status_code, calls=len(calls))
        r2 = m.get_with_retry(http, url, 0.05)
        res.update(failed=r2.status_code, calls_after=len(calls))
    else:
        try:
            m.get_json(http, url)
            res.update(raised=None)
        except m.HttpProblem as e:
            res.update(raised=e.status, problem_status=e.problem.get("status"), title=e.problem.get("title"), calls=len(calls))
    out.append(res)
print(json.dumps(out))
`;
  }

  let results: Record<string, unknown>[] = [];
  beforeAll(async () => {
    fs.writeFileSync(path.join(work, "driver.py"), driver());
    // Asynchronously: the simulator answering it runs in this process.
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        PYTHON,
        ["driver.py", base],
        { cwd: work, encoding: "utf8", timeout: 120_000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      ),
    );
    results = JSON.parse(stdout) as Record<string, unknown>[];
  }, 150_000);

  it.each(CLIENT_CODES.flatMap((c) => [[c, "requests"] as const, [c, "httpx"] as const]))(
    "%i %s",
    (code, lib) => {
      const r = results.find((x) => x.code === code && x.lib === lib);
      const kind = clientKind(code);
      if (kind === "redirect") {
        // requests and httpx turn a 302 into a GET for every method but HEAD; a POST after 301 too.
        expect(r).toMatchObject({
          status: 200,
          hops: 1,
          method: methodAfter(code),
          peek: [code, "/api/status/200"],
        });
        if (methodAfter(code) === "POST") expect(r?.body).toBe("hello");
      } else if (kind === "refresh") {
        expect(r).toMatchObject({
          status: 200,
          auth: "Bearer new",
          refreshed: 1,
          calls: 2,
          denied: 401,
          calls_after: 4,
        });
      } else if (kind === "retry-after") {
        expect(r).toMatchObject({ status: 200, calls: 2, given: code, calls_after: 3 });
        expect(r?.waited).toBeGreaterThanOrEqual(0.95);
        expect(r?.quick).toBeLessThan(0.9);
      } else if (kind === "retry-gateway") {
        expect(r).toMatchObject({ status: 200, calls: 2, failed: code, calls_after: 4 });
      } else {
        expect(r).toMatchObject({ raised: code, problem_status: code, calls: 1 });
        expect(typeof r?.title).toBe("string");
      }
    },
  );
});
