/**
 * npm run load: 200 concurrent connections for 30 s against the site's server on loopback, a mix of
 * codes with one request in five delayed, then the figures: throughput, latency, errors, and the
 * server's memory over time. Exits non-zero on any error or timeout, or if memory keeps growing.
 * Bounded in time and count; never targets anything but 127.0.0.1.
 *
 * Soak mode, `npm run load -- --minutes 10`: the same mix in one-minute windows for that many
 * minutes (at most 120); fails when a later minute's throughput falls below 70% of the first
 * minute's while the server's CPU time per request grew by more than 30% (see `soak`), or the
 * server's memory grows more than 64 MiB beyond its size after the first minute.
 * LOAD_NEXT=0 runs the site's server without Next (bench/fast-server.ts), so no build is needed.
 */
import os from "node:os";

import autocannon from "autocannon";

import { compiled, cpuSeconds, ensureBuild, rssMiB, startChild } from "./lib";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
/** Allowed RSS growth between the end of the first quarter and the end of the run. */
const MAX_GROWTH_MIB = 64;
/**
 * The server runs with a capped old-generation heap. Without a cap V8 defers major collections while
 * memory is plentiful, so RSS climbs for a while even without a leak; with one, a leak would show as
 * growth until the process ran out of heap, and flat RSS shows what is really retained.
 */
const NODE_OPTIONS = process.env.LOAD_NODE_OPTIONS ?? "--max-old-space-size=128";

const REQUESTS: autocannon.Request[] = [
  { path: "/api/status/200" },
  { path: "/api/status/404" },
  { path: "/api/status/301?location=/next" },
  { path: "/api/status/503?delay=250" },
  {
    method: "POST",
    path: "/api/status/201",
    headers: { "content-type": "application/json" },
    body: '{"load":true}',
  },
  { path: "/api/status/200:3,503:1?seed=7" },
  { method: "HEAD", path: "/api/status/204" },
  { path: "/api/status/429?delay=100&header=RateLimit-Remaining:0" },
  { path: "/api/status/abc" },
  { path: "/api/status/401?format=text" },
];

/** `--minutes N` from the command line (npm run load -- --minutes 10), or undefined. */
function soakMinutes(): number | undefined {
  const at = process.argv.indexOf("--minutes");
  if (at < 0) return undefined;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 2 || n > 120)
    throw new Error("--minutes takes a whole number from 2 to 120");
  return n;
}

async function startSite() {
  // Compiled as `npm run build` compiles it: what production runs.
  if (process.env.LOAD_NEXT === "0")
    return startChild("fast path", compiled("bench/fast-server.ts"), 3210, "/api/status/200", {
      NODE_OPTIONS,
    });
  ensureBuild();
  return startChild("site", compiled("server/main.ts"), 3210, "/api/status/200", { NODE_OPTIONS });
}

/**
 * Throughput, the server's CPU time per request and memory, minute by minute; fails on drift from the
 * first minute. Throughput alone cannot tell a slower server from a busier machine (other processes
 * take the CPU), so a minute that falls below 70% of the first one's throughput fails only when the
 * server's own CPU time per request also grew by more than 30% (a real slowdown: more work, or more
 * garbage collection, per request); otherwise it is reported as the machine's doing, with the load
 * average beside it.
 */
async function soak(minutes: number): Promise<void> {
  const site = await startSite();
  const rows: {
    minute: number;
    rps: number;
    p99: number;
    errors: number;
    rss: number;
    cpuUs: number;
    load: number;
  }[] = [];
  try {
    for (let minute = 1; minute <= minutes; minute++) {
      const cpuBefore = cpuSeconds(site.proc.pid);
      const r = await autocannon({
        url: site.url,
        connections: CONNECTIONS,
        duration: 60,
        timeout: 15,
        requests: REQUESTS,
      });
      const row = {
        minute,
        rps: r.requests.average,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        rss: rssMiB(site.proc.pid),
        cpuUs: ((cpuSeconds(site.proc.pid) - cpuBefore) * 1e6) / Math.max(1, r.requests.total),
        load: os.loadavg()[0] ?? Number.NaN,
      };
      rows.push(row);
      console.log(
        `minute ${minute}: ${Math.round(row.rps)} req/s, p99 ${row.p99} ms, errors ${row.errors}, RSS ${row.rss.toFixed(0)} MiB, ` +
          `server CPU ${row.cpuUs.toFixed(1)} µs/request, machine load average ${row.load.toFixed(1)}`,
      );
    }
  } finally {
    await site.stop();
  }
  const first = rows[0];
  if (!first) return;
  const later = rows.slice(1);
  const slowest = Math.min(...later.map((r) => r.rps));
  const biggest = Math.max(...later.map((r) => r.rss));
  const costliest = Math.max(...later.map((r) => r.cpuUs));
  const errors = rows.reduce((s, r) => s + r.errors, 0);
  // A slow minute counts against the server only when its own cost per request grew with it.
  const slowdown = later.some((r) => r.rps < 0.7 * first.rps && r.cpuUs > 1.3 * first.cpuUs);
  const busy = later.filter((r) => r.rps < 0.7 * first.rps && r.cpuUs <= 1.3 * first.cpuUs);
  const ok = !slowdown && biggest - first.rss <= MAX_GROWTH_MIB && errors === 0;
  console.log(
    `${ok ? "OK" : "FAILED"}: slowest minute ${(slowest / first.rps).toFixed(2)} of the first's throughput (at least 0.70 ` +
      `unless the server's CPU per request stayed within 1.30 of the first's: at most ${(costliest / first.cpuUs).toFixed(2)}), ` +
      `memory ${(biggest - first.rss).toFixed(0)} MiB above the first minute's (at most ${MAX_GROWTH_MIB}), errors ${errors}`,
  );
  if (busy.length)
    console.log(
      `minutes ${busy.map((r) => r.minute).join(", ")} were slower with the server's cost per request unchanged: ` +
        `the machine was busier (load average ${busy.map((r) => r.load.toFixed(1)).join(", ")} against ${first.load.toFixed(1)} in the first)`,
    );
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  const minutes = soakMinutes();
  if (minutes !== undefined) return soak(minutes);
  const site = await startSite();
  const samples: { t: number; rss: number }[] = [];
  const started = Date.now();
  const timer = setInterval(
    () => samples.push({ t: Math.round((Date.now() - started) / 1000), rss: rssMiB(site.proc.pid) }),
    1000,
  );
  try {
    const result = await autocannon({
      url: site.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 15,
      requests: REQUESTS,
    });
    clearInterval(timer);
    const quarter = samples.find((s) => s.t >= SECONDS / 4)?.rss ?? samples[0]?.rss ?? Number.NaN;
    const last = samples[samples.length - 1]?.rss ?? Number.NaN;
    const peak = Math.max(...samples.map((s) => s.rss));
    console.log(
      `\nLoad: ${CONNECTIONS} connections for ${SECONDS} s (1 request in 5 delayed 100-250 ms), server NODE_OPTIONS=${NODE_OPTIONS}`,
    );
    console.log(
      `requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(
      `errors: ${result.errors}, timeouts: ${result.timeouts}, responses by class: 2xx ${result["2xx"]}, 3xx ${result["3xx"]}, 4xx ${result["4xx"]}, 5xx ${result["5xx"]}`,
    );
    console.log(
      `server RSS MiB: after ${SECONDS / 4} s ${quarter.toFixed(0)}, peak ${peak.toFixed(0)}, at the end ${last.toFixed(0)}`,
    );
    console.log(`RSS by second: ${samples.map((s) => s.rss.toFixed(0)).join(" ")}`);
    const growth = last - quarter;
    const ok = result.errors === 0 && result.timeouts === 0 && growth <= MAX_GROWTH_MIB;
    console.log(
      ok
        ? `OK: no errors, memory flat (${growth.toFixed(0)} MiB growth after warm-up)`
        : `FAILED: errors ${result.errors}, timeouts ${result.timeouts}, growth ${growth.toFixed(0)} MiB`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    clearInterval(timer);
    await site.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
