/**
 * Shared pieces of the snippet proofs: a raw HTTP client that sends a code's scenario request (with
 * its body, chunked or with Expect: 100-continue) and records interim (1xx) responses, and the rules
 * every snippet's answer must follow: the spec's status and headers, the registry's MUST rules, and
 * the project's Inspector with no error and no warning.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";

import { inspect } from "@/lib/inspector";
import { allStatuses, getStatus } from "@/lib/registry";
import type { SnippetLang } from "@/lib/snippets/render";
import { answerBody, snippetSpec, type ScenarioRequest, type SnippetSpec } from "@/lib/snippets/spec";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: [string, string][];
  body: string;
  interim: { status: number; headers: Record<string, string | string[] | undefined> }[];
}

/** Sends `r` to 127.0.0.1:port, under `prefix`, the way a client would. */
export function sendScenario(port: number, prefix: string, r: ScenarioRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const interim: RawResponse["interim"] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const headers: Record<string, string> = Object.fromEntries(r.headers);
    if (r.body !== undefined) {
      if (r.chunked) headers["Transfer-Encoding"] = "chunked";
      else headers["Content-Length"] = String(Buffer.byteLength(r.body));
    }
    let answered = false;
    const req = http.request(
      { host: "127.0.0.1", port, path: prefix + r.path, method: r.method, headers, agent },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          agent.destroy();
          const raw: [string, string][] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
            raw.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: raw,
            body: Buffer.concat(chunks).toString("utf8"),
            interim,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("information", (info) => interim.push({ status: info.statusCode, headers: info.headers }));
    req.on("error", (e) => {
      // A server that answers before reading a large body may reset the connection while we write.
      if (answered) return;
      agent.destroy();
      reject(e);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout on ${r.method} ${r.path}`)));
    const sendBody = () => {
      if (r.body === undefined) req.end();
      else if (r.chunked) {
        req.write(r.body.slice(0, 5));
        req.end(r.body.slice(5));
      } else req.end(r.body);
    };
    if (headers.Expect?.toLowerCase() === "100-continue" && r.body !== undefined) {
      // As clients do: wait for the 100, but not forever (RFC 9110 §10.1.1).
      const timer = setTimeout(sendBody, 2000);
      req.on("continue", () => {
        clearTimeout(timer);
        sendBody();
      });
      req.flushHeaders();
    } else sendBody();
  });
}

export function rawRequest(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return sendScenario(port, "", {
    method: init.method ?? "GET",
    path,
    headers: Object.entries(init.headers ?? {}),
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
  opts: { cwd: string; port: number; env?: NodeJS.ProcessEnv; readyPath: string; timeoutMs?: number },
): Promise<ChildProcess> {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
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

export const prefixFor = (code: number) => `/c/${code}`;
export const nameFor = (code: number) => `status${code}`;

function header(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** The Inspector's errors and warnings on a response to `r`. */
export function inspectorFindings(res: RawResponse, r: ScenarioRequest, prefix: string): string[] {
  const result = inspect({
    response: { status: res.status, headers: res.rawHeaders, body: res.body, httpVersion: "1.1" },
    request: { method: r.method, headers: r.headers, url: prefix + r.path },
    https: false,
  });
  return result.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `Inspector ${f.severity} ${f.id}: ${f.title}`);
}

/**
 * Sends one code's scenario to its handler and returns every rule the answer breaks (empty = correct):
 * the status, the spec's headers, the registry's required and forbidden headers, a problem+json body
 * whose status member matches on errors, no content where HTTP forbids it, the Inspector's verdict,
 * the control request (the same route without the trigger must not get the code), interim responses
 * where the framework can send them, and HEAD for GET routes.
 */
export async function checkSnippet(port: number, code: number, lang: SnippetLang): Promise<string[]> {
  const spec: SnippetSpec = snippetSpec(code);
  const info = getStatus(code);
  const problems: string[] = [];
  const fail = (m: string) => problems.push(`${code} ${lang}: ${m}`);
  const prefix = prefixFor(code);
  const byServer = spec.serverAnswers.includes(lang);

  if (spec.flow.kind === "rate-limit") {
    // Up to the limit every request passes; the scenario request is the one over it.
    for (let i = 0; i < spec.flow.limit; i++) {
      const ok = await sendScenario(port, prefix, spec.scenario);
      if (ok.status !== spec.flow.okAnswer.status) {
        fail(`request ${i + 1} of ${spec.flow.limit} (under the limit) gave ${ok.status}`);
        break;
      }
    }
  }
  const res = await sendScenario(port, prefix, spec.scenario);
  if (res.status !== spec.sentStatus) fail(`status ${res.status}, expected ${spec.sentStatus}`);

  const answer = spec.flow.kind === "app-side" ? spec.answer : spec.answer;
  {
    for (const [name, value] of answer.headers) {
      const got = header(res, name);
      if (name.toLowerCase() === "connection") {
        if (!got?.toLowerCase().split(/,\s*/).includes(value.toLowerCase()))
          fail(`Connection is ${got}, expected to include ${value}`);
      } else if (spec.flow.kind === "rate-limit" && name === "Retry-After") {
        const left = Number(got);
        if (!/^\d+$/.test(got ?? "") || left < 1 || left > spec.flow.windowSeconds)
          fail(`Retry-After is ${got}, not the seconds left in the window`);
      } else if (got !== value) fail(`${name} is ${got}, expected ${value}`);
    }
  }
  if (info && res.status === code) {
    for (const h of info.requiredHeaders) {
      if (code === 206 && h !== "Content-Range") continue; // the others are "whatever a 200 would carry"
      if (code === 304 && !["ETag", "Cache-Control"].includes(h)) continue; // only those the 200 carries
      if (!header(res, h)) fail(`required header ${h} missing`);
    }
    for (const h of info.forbiddenHeaders) if (header(res, h)) fail(`forbidden header ${h} present`);
  }

  const noContent = [204, 205, 304].includes(res.status);
  const body = answerBody(answer);
  if (noContent) {
    if (res.body !== "") fail("content on a status that forbids it");
    if (header(res, "content-type")) fail("Content-Type on a response without content");
    if (res.status === 204 && header(res, "content-length")) fail("Content-Length on 204");
  } else if (!byServer && body.kind === "json") {
    const type = header(res, "content-type") ?? "";
    if (!type.startsWith(body.contentType)) fail(`Content-Type ${type}, expected ${body.contentType}`);
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      fail("body is not JSON");
    }
    if (body.contentType === "application/problem+json") {
      if (parsed.status !== res.status)
        fail(`problem status member ${String(parsed.status)} ≠ ${res.status}`);
      if (typeof parsed.title !== "string" || typeof parsed.type !== "string")
        fail("problem lacks type/title");
    }
  } else if (body.kind === "text" && !byServer) {
    if (res.body !== body.value) fail(`body ${JSON.stringify(res.body.slice(0, 40))} differs`);
  }
  if (res.status === 206) {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header(res, "content-range") ?? "");
    if (!range || Number(range[2]) - Number(range[1]) + 1 !== Buffer.byteLength(res.body))
      fail("Content-Range does not match the body");
  }

  // The Inspector judges the answer to this request; answers the server itself writes are judged on errors only.
  for (const f of inspectorFindings(res, spec.scenario, prefix)) {
    if (spec.expectedFindings.some((id) => f.includes(` ${id}:`))) continue;
    if (!byServer || f.startsWith("Inspector error")) fail(f);
  }

  const flow = spec.flow;
  if (flow.kind === "interim" && flow.supported[lang]) {
    const hint = res.interim.find((i) => i.status === flow.interim);
    if (!hint) fail(`no interim ${flow.interim} before the final response`);
    for (const [n, v] of flow.interimHeaders) {
      const got = hint?.headers[n.toLowerCase()];
      if ((Array.isArray(got) ? got.join(", ") : got) !== v) fail(`interim ${n} is ${String(got)}`);
    }
  } else if (flow.kind === "interim" && res.interim.some((i) => i.status === flow.interim))
    fail(`sent a ${flow.interim} though the snippet says ${lang} cannot`);

  for (const more of spec.moreControls ?? []) {
    const c = await sendScenario(port, prefix, more.request);
    const sent = more.request.headers.map(([n, v]) => `${n}: ${v}`).join("; ");
    if (c.status !== more.status)
      fail(`${more.request.method} with ${sent} gave ${c.status}, expected ${more.status}`);
  }
  if (spec.control) {
    const c = await sendScenario(port, prefix, spec.control.request);
    if (c.status !== spec.control.status)
      fail(
        `control request ${spec.control.request.method} gave ${c.status}, expected ${spec.control.status}`,
      );
    for (const f of inspectorFindings(c, spec.control.request, prefix)) fail(`control: ${f}`);
  }

  if (spec.scenario.method === "GET") {
    // Range is defined for GET only (RFC 9110 §14.2): HEAD is checked without it, against the 200.
    const headRequest =
      spec.flow.kind === "range"
        ? { ...spec.scenario, headers: [], method: "HEAD" }
        : { ...spec.scenario, method: "HEAD" };
    const head = await sendScenario(port, prefix, headRequest);
    if (spec.flow.kind === "range" && head.status !== 200)
      fail(`HEAD without Range gave ${head.status}, not 200`);
    else if (spec.flow.kind !== "range" && head.status !== res.status)
      fail(`HEAD gave ${head.status}, GET ${res.status}`);
    if (head.body !== "") fail("HEAD response has a body");
  }
  return problems;
}
