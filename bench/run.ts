/**
 * npm run bench: the simulator's fast path against a raw node:http server sending the same bytes,
 * measured in the same run, with two load generators: wrk (Debian's, C) and autocannon (Node). And
 * the Next route handler, for reference. Loopback only; bounded.
 *
 * Prints requests/s, p50/p99 and the ratios, for a repeated URL and with every request distinct.
 * No assertions: the machine is shared and noisy, so read the ratios, not the absolute numbers.
 *
 * BENCH_SECONDS (default 10) per run; BENCH_NEXT=0 benchmarks the fast path without Next (the site's
 * server with a 404 where Next would be, bench/fast-server.ts), so no `next build` is needed.
 */
import {
  cannon,
  compiled,
  ensureBuild,
  get,
  startChild,
  table,
  withCpu,
  type Child,
  type RunResult,
} from "./lib";
import { DISTINCT_LUA, wrk } from "./wrk";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WITH_NEXT = process.env.BENCH_NEXT !== "0";
const CONNECTIONS = 50;
const PATH = "/api/status/401";

const avg = (rows: RunResult[], prefix: string) => {
  const r = rows.filter((x) => x.label.startsWith(prefix));
  return r.reduce((s, x) => s + x.rps, 0) / r.length;
};

async function main(): Promise<void> {
  if (WITH_NEXT) ensureBuild();
  // Compiled as `npm run build` compiles it: what production runs.
  const site = WITH_NEXT
    ? await startChild("site", compiled("server/main.ts"), 3200, "/api/status/200")
    : await startChild("fast path", compiled("bench/fast-server.ts"), 3200, "/api/status/200");
  let next: Child | undefined;
  if (WITH_NEXT)
    next = await startChild(
      "next start",
      ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", "3202"],
      3202,
      "/api/status/200",
    );
  try {
    // Capture what the simulator sends, minus per-connection headers, for the baseline to replay.
    const sample = await get(`${site.url}${PATH}`, { "User-Agent": "bench" });
    const headers: string[] = [];
    for (let i = 0; i < sample.rawHeaders.length; i += 2) {
      const name = sample.rawHeaders[i] ?? "";
      if (!["connection", "keep-alive", "transfer-encoding"].includes(name.toLowerCase()))
        headers.push(name, sample.rawHeaders[i + 1] ?? "");
    }
    const baseline = await startChild("baseline", compiled("bench/raw-baseline.ts"), 3201, "/", {
      BASELINE_RESPONSE: JSON.stringify({
        status: sample.status,
        statusMessage: sample.statusMessage,
        headers,
        body: sample.body.toString("base64"),
      }),
    });
    try {
      const wrkOpts = { connections: CONNECTIONS, seconds: DURATION };
      console.log(`wrk -t2 -c${CONNECTIONS}: 3 s warm-up each, then ${DURATION} s per run, alternating…`);
      for (const url of [site.url, baseline.url])
        await wrk("warm-up", `${url}${PATH}`, { ...wrkOpts, seconds: 3 });
      const w: RunResult[] = [];
      for (let round = 1; round <= 2; round++) {
        const ours = site.proc.pid;
        const raw = baseline.proc.pid;
        w.push(
          await withCpu(ours, () => wrk(`wrk simulator, round ${round}`, `${site.url}${PATH}`, wrkOpts)),
        );
        w.push(
          await withCpu(raw, () =>
            wrk(`wrk raw node:http, round ${round}`, `${baseline.url}${PATH}`, wrkOpts),
          ),
        );
        w.push(
          await withCpu(ours, () =>
            wrk(`wrk simulator every request distinct, round ${round}`, `${site.url}${PATH}`, {
              ...wrkOpts,
              lua: DISTINCT_LUA,
            }),
          ),
        );
        // The same script against the baseline: the load generator's own cost is in both.
        w.push(
          await withCpu(raw, () =>
            wrk(`wrk raw node:http every request distinct, round ${round}`, `${baseline.url}${PATH}`, {
              ...wrkOpts,
              lua: DISTINCT_LUA,
            }),
          ),
        );
      }
      table(w);

      const opts = { connections: CONNECTIONS, duration: DURATION, headers: { "User-Agent": "bench" } };
      console.log(`autocannon c=${CONNECTIONS}: 3 s warm-up each, then ${DURATION} s per run, alternating…`);
      for (const url of [site.url, baseline.url])
        await cannon("warm-up", { connections: CONNECTIONS, duration: 3, url: `${url}${PATH}` });
      const a: RunResult[] = [];
      for (let round = 1; round <= 2; round++) {
        a.push(
          await withCpu(site.proc.pid, () =>
            cannon(`autocannon simulator, round ${round}`, { ...opts, url: `${site.url}${PATH}` }),
          ),
        );
        a.push(
          await withCpu(baseline.proc.pid, () =>
            cannon(`autocannon raw node:http, round ${round}`, { ...opts, url: `${baseline.url}${PATH}` }),
          ),
        );
      }
      // autocannon puts a fresh id in the query: nothing can be reused, every request is simulated.
      // Its id replacement costs autocannon itself a good deal, so the baseline gets it too.
      a.push(
        await withCpu(site.proc.pid, () =>
          cannon("autocannon simulator every request distinct", {
            ...opts,
            url: `${site.url}${PATH}?n=[<id>]`,
            idReplacement: true,
          }),
        ),
      );
      a.push(
        await withCpu(baseline.proc.pid, () =>
          cannon("autocannon raw node:http every request distinct", {
            ...opts,
            url: `${baseline.url}${PATH}?n=[<id>]`,
            idReplacement: true,
          }),
        ),
      );
      if (next)
        a.push(
          await cannon("autocannon Next route handler (next start)", { ...opts, url: `${next.url}${PATH}` }),
        );
      table(a);

      const cpu = (prefix: string) => {
        const r = w.filter((x) => x.label.startsWith(prefix));
        return r.reduce((t, x) => t + (x.cpuUs ?? 0), 0) / r.length;
      };
      const wRaw = avg(w, "wrk raw node:http, round");
      const wRawDistinct = avg(w, "wrk raw node:http every");
      const aRaw = avg(a, "autocannon raw");
      console.log(
        `wrk: simulator / raw node:http, repeated URL: ${(avg(w, "wrk simulator, round") / wRaw).toFixed(2)} (target ≥ 0.80)`,
      );
      console.log(
        `wrk: simulator / raw node:http, every request distinct: ${(avg(w, "wrk simulator every") / wRawDistinct).toFixed(2)} (target ≥ 0.50)`,
      );
      console.log(
        `wrk: server CPU per request, raw node:http / simulator: repeated ${(cpu("wrk raw node:http, round") / cpu("wrk simulator, round")).toFixed(2)}, ` +
          `every request distinct ${(cpu("wrk raw node:http every") / cpu("wrk simulator every")).toFixed(2)} (the same ratios in CPU time, which other work on the machine moves less)`,
      );
      console.log(
        `autocannon: simulator / raw node:http, repeated URL: ${(avg(a, "autocannon simulator, round") / aRaw).toFixed(2)}`,
      );
      console.log(
        `autocannon: simulator / raw node:http, every request distinct: ${(avg(a, "autocannon simulator every") / avg(a, "autocannon raw node:http every")).toFixed(2)}`,
      );
      if (next) {
        const viaNext = avg(a, "autocannon Next");
        console.log(`autocannon: Next route handler / raw node:http: ${(viaNext / aRaw).toFixed(2)}`);
      }

      // A delayed mix: every request waits 100 ms; with c=50 the ideal is 500 req/s at ~100 ms.
      const delayed = await cannon("delay=100 (c=50)", {
        connections: CONNECTIONS,
        duration: Math.min(DURATION, 5),
        url: `${site.url}/api/status/200?delay=100`,
      });
      table([delayed]);
      console.log(
        `delayed: ${Math.round(delayed.rps)} req/s of an ideal ${Math.round((CONNECTIONS * 1000) / 100)}; p50 ${delayed.p50} ms for a 100 ms delay`,
      );
    } finally {
      await baseline.stop();
    }
  } finally {
    await site.stop();
    await next?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
