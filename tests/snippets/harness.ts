/**
 * Shared pieces of the snippet proofs: a raw HTTP client that also records interim (1xx) responses,
 * and the rules every snippet's response must follow, taken from the registry.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";

import { allStatuses, getStatus } from "@/lib/registry";
import type { SnippetLang } from "@/lib/snippets/render";
import { snippetSpec, type SnippetSpec } from "@/lib/snippets/spec";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  interim: { status: number; headers: Record<string, string | string[] | undefined> }[];
}

export function rawRequest(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const interim: RawResponse["interim"] = [];
    // A keep-alive client, as most are: with "Connection: close" servers overwrite the Connection header.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request(
      { host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          agent.destroy();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            interim,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("information", (info) => interim.push({ status: info.statusCode, headers: info.headers }));
    req.on("error", (e) => {
      agent.destroy();
      reject(e);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout on ${path}`)));
    req.end();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts a server process and resolves once `port` accepts a request to `readyPath`. */
export async function startServer(
  cmd: string,
  args: string[],
  opts: { cwd: string; port: number; env?: NodeJS.ProcessEnv; readyPath: string },
): Promise<ChildProcess> {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${cmd} exited with ${child.exitCode}:\n${output}`);
    try {
      await rawRequest(opts.port, opts.readyPath);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`${cmd} did not start listening on ${opts.port}:\n${output}`);
}

/** Every code that gets a snippet: the whole registry. */
export const SNIPPET_CODES = allStatuses().map((s) => s.code);

export const pathFor = (code: number) => `/c/${code}`;
export const nameFor = (code: number) => `status${code}`;

function header(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(", ") : v;
}

/**
 * Requests one code's handler as a client would and returns every rule it breaks (empty = correct):
 * the status, the headers the registry requires, the spec's header values, problem+json bodies whose
 * status member matches, no content where HTTP forbids it, the 304 conditional flow, and 1xx interims.
 */
export async function checkSnippet(port: number, code: number, lang: SnippetLang): Promise<string[]> {
  const spec: SnippetSpec = snippetSpec(code);
  const info = getStatus(code);
  const problems: string[] = [];
  const fail = (m: string) => problems.push(`${code} ${lang}: ${m}`);
  const path = pathFor(code);

  if (spec.flow.kind === "conditional") {
    const ok = await rawRequest(port, path);
    if (ok.status !== 200) fail(`unconditional GET gave ${ok.status}, not 200`);
    const etag = header(ok, "etag");
    if (etag !== spec.flow.etag) fail(`200 ETag is ${etag}`);
    if (!ok.body) fail("200 has no body");
    const nm = await rawRequest(port, path, { headers: { "If-None-Match": `"other", ${spec.flow.etag}` } });
    if (nm.status !== 304) fail(`matching If-None-Match gave ${nm.status}, not 304`);
    if (nm.body !== "") fail("304 has a body");
    if (header(nm, "etag") !== spec.flow.etag) fail("304 lacks the 200's ETag");
    if (!header(nm, "cache-control")) fail("304 lacks the 200's Cache-Control");
    if (header(nm, "content-length") && header(nm, "content-length") !== header(ok, "content-length"))
      fail("304 Content-Length differs from the 200's");
    const miss = await rawRequest(port, path, { headers: { "If-None-Match": '"stale"' } });
    if (miss.status !== 200) fail(`non-matching If-None-Match gave ${miss.status}, not 200`);
    return problems;
  }

  const res = await rawRequest(port, path);
  if (res.status !== spec.sentStatus) fail(`status ${res.status}, expected ${spec.sentStatus}`);

  for (const [name, value] of spec.headers) {
    const got = header(res, name);
    if (name.toLowerCase() === "connection") {
      if (!got?.toLowerCase().split(/,\s*/).includes(value.toLowerCase()))
        fail(`Connection is ${got}, expected to include ${value}`);
    } else if (got !== value) fail(`${name} is ${got}, expected ${value}`);
  }
  if (info && spec.flow.kind === "plain" && code === spec.sentStatus) {
    for (const h of info.requiredHeaders) {
      if (code === 206 && h !== "Content-Range") continue; // the others are "whatever a 200 would carry"
      if (!header(res, h)) fail(`required header ${h} missing`);
    }
    for (const h of info.forbiddenHeaders) if (header(res, h)) fail(`forbidden header ${h} present`);
  }

  const noContent = spec.sentStatus === 204 || spec.sentStatus === 205 || spec.sentStatus === 304;
  if (noContent) {
    if (res.body !== "") fail("content on a status that forbids it");
    if (header(res, "content-type")) fail("Content-Type on a response without content");
    if (spec.sentStatus === 204 && header(res, "content-length")) fail("Content-Length on 204");
  } else if (spec.body.kind === "json") {
    const type = header(res, "content-type") ?? "";
    if (!type.startsWith(spec.body.contentType))
      fail(`Content-Type ${type}, expected ${spec.body.contentType}`);
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      fail("body is not JSON");
    }
    if (spec.body.contentType === "application/problem+json") {
      if (parsed.status !== code) fail(`problem status member ${String(parsed.status)} ≠ ${code}`);
      if (typeof parsed.title !== "string" || typeof parsed.type !== "string")
        fail("problem lacks type/title");
    }
  } else if (spec.body.kind === "text") {
    if (res.body !== spec.body.value) fail(`body ${JSON.stringify(res.body.slice(0, 40))} differs`);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header(res, "content-range") ?? "");
    if (code === 206 && (!range || Number(range[2]) - Number(range[1]) + 1 !== Buffer.byteLength(res.body)))
      fail("Content-Range does not match the body");
  }
  if (code >= 400 && spec.body.kind === "none") fail("error without a body");

  const flow = spec.flow;
  if (flow.kind === "interim" && flow.supported[lang]) {
    const hint = res.interim.find((i) => i.status === flow.interim);
    if (!hint) fail(`no interim ${flow.interim} before the final response`);
    for (const [n, v] of flow.interimHeaders) {
      const got = hint?.headers[n.toLowerCase()];
      if ((Array.isArray(got) ? got.join(", ") : got) !== v) fail(`interim ${n} is ${String(got)}`);
    }
  }

  const head = await rawRequest(port, path, { method: "HEAD" });
  if (head.status !== res.status) fail(`HEAD gave ${head.status}, GET ${res.status}`);
  if (head.body !== "") fail("HEAD response has a body");
  return problems;
}
