/**
 * Debian's nginx in front of the simulator: the config in nginx.conf.template rendered into a temp
 * directory with free ports, started as a child process, stopped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface Fronts {
  "1.0": number;
  "1.1": number;
  "1.0 cache": number;
  "1.1 cache": number;
}

export interface Nginx {
  fronts: Fronts;
  stop(): Promise<void>;
  log(): string;
}

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        r(true);
      });
      s.once("error", () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port} within ${ms} ms`);
}

export async function startNginx(upstreamPort: number): Promise<Nginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-nginx-"));
  // nginx's workers may run as another user (nobody, when started as root): they need to get in.
  fs.chmodSync(prefix, 0o755);
  const fronts: Fronts = {
    "1.0": await freePort(),
    "1.1": await freePort(),
    "1.0 cache": await freePort(),
    "1.1 cache": await freePort(),
  };
  const template = fs.readFileSync(path.join(__dirname, "nginx.conf.template"), "utf8");
  const conf = template
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{UPSTREAM_PORT}}", String(upstreamPort))
    .replaceAll("{{PORT_10}}", String(fronts["1.0"]))
    .replaceAll("{{PORT_11}}", String(fronts["1.1"]))
    .replaceAll("{{PORT_10_CACHE}}", String(fronts["1.0 cache"]))
    .replaceAll("{{PORT_11_CACHE}}", String(fronts["1.1 cache"]));
  fs.writeFileSync(path.join(prefix, "nginx.conf"), conf);
  const child = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const log = () => {
    let errors = "";
    try {
      errors = fs.readFileSync(path.join(prefix, "error.log"), "utf8");
    } catch {
      // not written yet
    }
    return `${stderr}${errors}`;
  };
  try {
    for (const port of Object.values(fronts)) await waitForPort(port, child, 10_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}\n${log()}`);
  }
  return {
    fronts,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(prefix, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(kill);
          done();
        });
        // SIGQUIT: graceful shutdown of master and workers.
        child.kill("SIGQUIT");
      }),
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over a keep-alive agent, bounded in time. */
export function request(
  port: number,
  target: string,
  opts: { method?: string; headers?: Record<string, string>; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: target,
        method: opts.method ?? "GET",
        headers: opts.headers,
        agent: opts.agent,
        timeout: opts.timeoutMs ?? 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out: ${opts.method ?? "GET"} ${target}`)));
    req.on("error", reject);
    req.end();
  });
}
