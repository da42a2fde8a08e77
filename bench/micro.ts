/**
 * npm run bench:micro: the CPU time one `simulate()` call costs, in process, for the requests the
 * benchmarks send (a distinct 401, 200 and 503, a scenario step). CPU time of this process rather than
 * wall time, so the other work on a shared machine moves it less than it moves requests/s. No
 * assertions; compare runs of the same machine.
 *
 * MICRO_MS (default 1500) per case.
 */
import { processRuntime } from "../lib/simulator/runtime";
import { simulate, type SimRequest } from "../lib/simulator";

const BUDGET_MS = Number(process.env.MICRO_MS ?? 1500);

const HEADERS: [string, string][] = [
  ["Host", "127.0.0.1:3200"],
  ["User-Agent", "bench"],
];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function measure(
  label: string,
  make: (i: number) => SimRequest,
  call = simulate as (r: SimRequest) => unknown,
) {
  // Warm-up, then rounds of 2,000 calls until the budget is spent.
  for (let i = 0; i < 20_000; i++) call(make(i));
  let calls = 0;
  const start = cpuMs();
  let i = 0;
  while (cpuMs() - start < BUDGET_MS) {
    for (let k = 0; k < 2000; k++) call(make(i++));
    calls += 2000;
  }
  const us = ((cpuMs() - start) * 1000) / calls;
  console.log(`| ${label} | ${us.toFixed(2)} µs |`);
}

const distinct = (code: string) => (i: number) => ({
  method: "GET",
  url: `/api/status/${code}?n=123456-${i}`,
  code,
  headers: HEADERS,
});

const runtime = processRuntime();
console.log("| simulate() | CPU per call |\n|---|---|");
measure("401, every request distinct", distinct("401"));
measure("200, every request distinct (ETag, Last-Modified)", distinct("200"));
measure("503, every request distinct", distinct("503"));
measure("404 HEAD, every request distinct", (i) => ({ ...distinct("404")(i), method: "HEAD" }));
measure(
  "scenario 503,200 cycle=1 (memory store), runtime.answer",
  () => ({
    method: "GET",
    url: "/api/status/503,200?scenario=bench&cycle=1",
    code: "503,200",
    headers: HEADERS,
  }),
  (r) => runtime.answer(r),
);
