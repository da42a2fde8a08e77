/**
 * npm run bench: the simulator's fast path against a raw node:http server sending the same bytes,
 * measured in the same run (and the Next route handler, for reference). Loopback only; bounded.
 *
 * Prints requests/s, p50/p99 and the ratios. Also times a delayed-request mix. No assertions: the
 * machine is shared and noisy, so read the ratios, not the absolute numbers.
 */
import { cannon, ensureBuild, get, startChild, table, type RunResult } from "./lib";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PATH = "/api/status/401";

async function main(): Promise<void> {
  ensureBuild();
  const site = await startChild("site", ["--import", "tsx", "server/main.ts"], 3200, "/api/status/200");
  const next = await startChild(
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
    const baseline = await startChild("baseline", ["--import", "tsx", "bench/raw-baseline.ts"], 3201, "/", {
      BASELINE_RESPONSE: JSON.stringify({
        status: sample.status,
        statusMessage: sample.statusMessage,
        headers,
        body: sample.body.toString("base64"),
      }),
    });
    try {
      const opts = { connections: CONNECTIONS, duration: DURATION, headers: { "User-Agent": "bench" } };
      const warm = { connections: CONNECTIONS, duration: 3 };
      console.log(`Warming up (3 s each), then ${DURATION} s per target at c=${CONNECTIONS}, alternating…`);
      for (const url of [site.url, baseline.url, next.url])
        await cannon("warm-up", { ...warm, url: `${url}${PATH}` });
      const rows: RunResult[] = [];
      for (let round = 1; round <= 2; round++) {
        rows.push(
          await cannon(`simulator fast path, round ${round}`, { ...opts, url: `${site.url}${PATH}` }),
        );
        rows.push(
          await cannon(`raw node:http baseline, round ${round}`, { ...opts, url: `${baseline.url}${PATH}` }),
        );
      }
      // Every request unique (autocannon puts a fresh id in the query), so none is a repeat the fast
      // path could reuse: the cost of simulating each one.
      rows.push(
        await cannon("simulator, every request distinct", {
          ...opts,
          url: `${site.url}${PATH}?n=[<id>]`,
          idReplacement: true,
        }),
      );
      rows.push(await cannon("Next route handler (next start)", { ...opts, url: `${next.url}${PATH}` }));
      table(rows);
      const avg = (prefix: string) => {
        const r = rows.filter((x) => x.label.startsWith(prefix));
        return r.reduce((s, x) => s + x.rps, 0) / r.length;
      };
      const fast = avg("simulator fast path");
      const distinct = avg("simulator, every");
      const raw = avg("raw");
      const viaNext = avg("Next");
      console.log(`ratio simulator / raw baseline: ${(fast / raw).toFixed(2)} (target ≥ 0.50)`);
      console.log(
        `ratio simulator with every request distinct / raw baseline: ${(distinct / raw).toFixed(2)}`,
      );
      console.log(`ratio Next route handler / raw baseline: ${(viaNext / raw).toFixed(2)}`);
      console.log(`fast path vs Next route handler: ${(fast / viaNext).toFixed(1)}×`);

      // A delayed mix: every request waits 100 ms; with c=50 the ideal is 500 req/s at ~100 ms.
      const delayed = await cannon("delay=100 (c=50)", {
        connections: CONNECTIONS,
        duration: Math.min(DURATION, 5),
        url: `${site.url}/api/status/200?delay=100`,
      });
      const mixed = await cannon("mix: 1 in 4 delayed 50 ms", {
        connections: CONNECTIONS,
        duration: Math.min(DURATION, 5),
        url: site.url,
        requests: [
          { path: "/api/status/200" },
          { path: "/api/status/404" },
          { path: "/api/status/503" },
          { path: "/api/status/201?delay=50" },
        ],
      });
      table([delayed, mixed]);
      console.log(
        `delayed: ${Math.round(delayed.rps)} req/s of an ideal ${Math.round((CONNECTIONS * 1000) / 100)}; p50 ${delayed.p50} ms for a 100 ms delay`,
      );
    } finally {
      await baseline.stop();
    }
  } finally {
    await site.stop();
    await next.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
