/** Debian's wrk, driven from the benchmark: one bounded run, its requests/s and latency. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import type { RunResult } from "./lib";

const run = promisify(execFile);

/** A wrk script that makes every request distinct: a per-thread random prefix and a counter. */
export const DISTINCT_LUA = `
local prefix, n
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003)
  prefix = tostring(math.random(1, 1000000000))
  n = 0
end
function request()
  n = n + 1
  return wrk.format("GET", wrk.path .. "?n=" .. prefix .. "-" .. n)
end
`;

function ms(text: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
}

export async function wrk(
  label: string,
  url: string,
  opts: { seconds: number; connections: number; threads?: number; lua?: string },
): Promise<RunResult> {
  const args = [
    `-t${opts.threads ?? 2}`,
    `-c${opts.connections}`,
    `-d${opts.seconds}s`,
    "--latency",
    "-H",
    "User-Agent: bench",
  ];
  let dir: string | undefined;
  if (opts.lua) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-wrk-"));
    const script = path.join(dir, "script.lua");
    fs.writeFileSync(script, opts.lua);
    args.push("-s", script);
  }
  args.push(url);
  try {
    const { stdout } = await run("wrk", args, { timeout: (opts.seconds + 30) * 1000 });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
    const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
    const errors = /Socket errors: (.*)/.exec(stdout)?.[1];
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
    return {
      label,
      rps,
      p50: ms(/\s50%\s+(\S+)/.exec(stdout)?.[1] ?? ""),
      p99: ms(/\s99%\s+(\S+)/.exec(stdout)?.[1] ?? ""),
      requests,
      errors: errors ? errors.split(",").reduce((s, p) => s + Number(/(\d+)/.exec(p)?.[1] ?? 0), 0) : 0,
      timeouts: Number(/timeout (\d+)/.exec(errors ?? "")?.[1] ?? 0),
      non2xx,
    };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
