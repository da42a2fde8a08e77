/**
 * A real redis-server (Debian's) for tests: on a free 127.0.0.1 port, no persistence, stopped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";

import { freePort } from "./free-port";

export { freePort };

/** Resolves when something accepts TCP connections on the port; rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class RedisServer {
  private proc: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(port?: number): Promise<RedisServer> {
    const r = new RedisServer(port ?? (await freePort()));
    await r.start();
    return r;
  }

  async start(): Promise<void> {
    const bin = process.env.REDIS_SERVER ?? "redis-server";
    this.proc = spawn(
      bin,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    await waitForPort(this.port);
  }

  /** Kills redis-server and waits until it exited. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once("exit", () => resolve());
      p.kill("SIGKILL");
    });
  }
}
