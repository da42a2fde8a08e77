/**
 * Starts the site's own server (without Next: tests/helpers/api-server.ts) as a child process on a free
 * port, with the environment given, and stops it.
 */
import { spawn, type ChildProcess } from "node:child_process";

import { freePort, waitForPort } from "./redis";

const ROOT = process.cwd();

export class SiteProcess {
  stdout = "";
  stderr = "";
  exit: Promise<number | null>;
  constructor(
    readonly proc: ChildProcess,
    readonly port: number,
  ) {
    proc.stdout?.on("data", (d: Buffer) => (this.stdout += d.toString()));
    proc.stderr?.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.exit = new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Spawns the server; `wait` false returns at once (for a start that is meant to fail). */
  static async start(env: Record<string, string>, wait = true): Promise<SiteProcess> {
    const port = await freePort();
    const proc = spawn(process.execPath, ["--import", "tsx", "tests/helpers/api-server.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ACCESS_LOG: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const site = new SiteProcess(proc, port);
    if (wait)
      await Promise.race([
        waitForPort(port, 30_000).then(() => site.printed("> statuscodes listening", 30_000)),
        site.exit.then(() => Promise.reject(new Error(site.stderr))),
      ]);
    return site;
  }

  /**
   * Resolves once stdout holds `text`. The server prints its configuration and "listening" lines
   * after the port opens, so a test that reads stdout as soon as the port answers can miss them.
   */
  printed(text: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stdout.includes(text)) return resolve();
      const timer = setTimeout(() => {
        this.proc.stdout?.off("data", onData);
        reject(new Error(`no "${text}" on stdout within ${timeoutMs} ms: ${this.stdout}`));
      }, timeoutMs);
      const onData = () => {
        if (!this.stdout.includes(text)) return;
        clearTimeout(timer);
        this.proc.stdout?.off("data", onData);
        resolve();
      };
      this.proc.stdout?.on("data", onData);
    });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill("SIGKILL");
    await this.exit;
  }
}
