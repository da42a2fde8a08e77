/** Shared helpers for the benchmark and load scripts: child servers on loopback, autocannon runs. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import autocannon from "autocannon";
import { buildSync } from "esbuild";

export const ROOT = path.resolve(__dirname, "..");

export function ensureBuild(): void {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("No production build yet: running next build…");
  const { status } = spawnSync("npx", ["next", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (status !== 0) throw new Error("next build failed");
}

/**
 * Compiles a server entry (server/main.ts, bench/fast-server.ts) the way `npm run build` compiles
 * the production server (scripts/build-server.mjs: one esbuild bundle, packages left to node_modules)
 * into dist/bench/, and returns the node arguments that run it. Benchmarks measure what production
 * runs: under tsx every exported binding is read through a getter and every function is renamed at
 * run time, which made the simulator look a good deal slower than it is.
 */
export function compiled(entry: string): string[] {
  const outfile = path.join(ROOT, "dist", "bench", `${path.basename(entry, ".ts")}.js`);
  buildSync({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "warning",
  });
  return [outfile];
}

/** CPU time (user + system, all threads) a process has used so far, in seconds (Linux). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export interface Child {
  proc: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export async function startChild(
  name: string,
  args: string[],
  port: number,
  readyPath: string,
  env: Record<string, string> = {},
): Promise<Child> {
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited:\n${log}`);
    try {
      await get(`${url}${readyPath}`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${name} did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    proc,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
        setTimeout(() => proc.kill("SIGKILL"), 5000).unref();
      }),
  };
}

export function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; rawHeaders: string[]; body: Buffer; statusMessage: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
          statusMessage: res.statusMessage ?? "",
        }),
      );
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error("timeout")));
  });
}

export interface RunResult {
  label: string;
  /** CPU time the server spent per request, in µs, when it was measured. */
  cpuUs?: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export async function cannon(label: string, opts: autocannon.Options): Promise<RunResult> {
  const r = await autocannon({ ...opts });
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

/** Runs `measure` and adds the CPU time `pid` spent per request meanwhile. */
export async function withCpu(
  pid: number | undefined,
  measure: () => Promise<RunResult>,
): Promise<RunResult> {
  const before = cpuSeconds(pid);
  const r = await measure();
  const spent = cpuSeconds(pid) - before;
  return { ...r, cpuUs: r.requests > 0 ? (spent * 1e6) / r.requests : Number.NaN };
}

export function table(rows: RunResult[]): void {
  console.log("");
  console.log("| target | req/s | p50 ms | p99 ms | requests | errors | timeouts | server CPU µs/req |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.timeouts} | ${r.cpuUs === undefined ? "" : r.cpuUs.toFixed(1)} |`,
    );
  console.log("");
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
