/**
 * npm run bench:scenarios: scenario requests (every one a state change) against the plain fast path,
 * in the same run: with the in-memory store, and with a real redis-server (started here on a free
 * loopback port, no persistence). Prints requests/s, p50/p99 and the ratios; no assertions (the
 * machine is shared: read the ratios). Target: in-memory scenarios ≥ 0.5 of the plain fast path.
 */
import { RedisServer, freePort } from "../tests/helpers/redis";

import { cannon, compiled, ensureBuild, startChild, table, withCpu, type RunResult } from "./lib";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function main(): Promise<void> {
  ensureBuild();
  const redis = await RedisServer.start();
  const [pm, pr] = [await freePort(), await freePort()];
  // Compiled as `npm run build` compiles it: what production runs.
  const server = compiled("server/main.ts");
  const memory = await startChild("site (memory)", server, pm, "/api/health");
  const shared = await startChild("site (redis)", server, pr, "/api/ready", {
    REDIS_URL: redis.url,
  });
  try {
    const opts = { connections: CONNECTIONS, duration: DURATION };
    const plain = "/api/status/503";
    const scenario = "/api/status/503,200?scenario=bench&cycle=1";
    console.log(`Warming up (3 s each), then ${DURATION} s per target at c=${CONNECTIONS}, alternating…`);
    for (const url of [`${memory.url}${plain}`, `${memory.url}${scenario}`, `${shared.url}${scenario}`])
      await cannon("warm-up", { connections: CONNECTIONS, duration: 3, url });
    const rows: RunResult[] = [];
    for (let round = 1; round <= 2; round++) {
      rows.push(
        await withCpu(memory.proc.pid, () =>
          cannon(`plain fast path (repeated), round ${round}`, { ...opts, url: `${memory.url}${plain}` }),
        ),
      );
      rows.push(
        await withCpu(memory.proc.pid, () =>
          cannon(`scenario, memory store, round ${round}`, { ...opts, url: `${memory.url}${scenario}` }),
        ),
      );
    }
    rows.push(
      await withCpu(memory.proc.pid, () =>
        cannon("plain fast path, every request distinct", {
          ...opts,
          url: `${memory.url}${plain}?n=[<id>]`,
          idReplacement: true,
        }),
      ),
    );
    rows.push(
      await withCpu(shared.proc.pid, () =>
        cannon("scenario, Redis store", { ...opts, url: `${shared.url}${scenario}` }),
      ),
    );
    table(rows);
    const avg = (prefix: string) => {
      const r = rows.filter((x) => x.label.startsWith(prefix));
      return r.reduce((s, x) => s + x.rps, 0) / r.length;
    };
    const base = avg("plain fast path (repeated)");
    const distinct = avg("plain fast path, every");
    const mem = avg("scenario, memory");
    const red = avg("scenario, Redis");
    console.log("");
    console.log(`scenario (memory) / plain fast path:          ${(mem / base).toFixed(2)} (target >= 0.50)`);
    console.log(`scenario (memory) / plain, distinct requests: ${(mem / distinct).toFixed(2)}`);
    console.log(
      `scenario (Redis) / plain fast path:           ${(red / base).toFixed(2)} (${Math.round(red)} req/s)`,
    );
    const errors = rows.reduce((s, r) => s + r.errors + r.timeouts, 0);
    if (errors) console.log(`errors or timeouts: ${errors}`);
  } finally {
    await memory.stop();
    await shared.stop();
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
