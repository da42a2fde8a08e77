/**
 * A fingerprint of everything `simulate()` answers, for optimising it without changing a byte:
 * every code from 100 to 599 (and weighted, sequence and bad ones) × every method (and TRACE) × a set
 * of queries × a set of request headers, with a fixed clock. Each answer (status, reason, headers in
 * order, body, delay, interim responses, flags) is hashed.
 *
 *   npx tsx bench/fingerprint.ts --write /tmp/before.json   # before a change
 *   npx tsx bench/fingerprint.ts --compare /tmp/before.json # after: lists the cases that differ
 *
 * Not a test: it compares the simulator with an earlier version of itself, which is what an
 * optimisation must keep. What the answers should be is asserted by the tests.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";

import { simulate, SIMULATED_METHODS, type SimRequest } from "../lib/simulator";
import { resourceETag } from "../lib/simulator/validators";

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

const CODES = [
  ...Array.from({ length: 500 }, (_, i) => String(100 + i)),
  "200:3,503:1",
  "503,200",
  "abc",
  "",
  "401%0A",
];
const METHODS = [...SIMULATED_METHODS, "TRACE", "get"];
const QUERIES = [
  "",
  "?n=1",
  "?format=text",
  "?format=problem",
  "?format=json",
  "?format=bad",
  "?delay=5",
  "?delay=99999",
  "?header=Cache-Control:max-age=60",
  "?header=ETag:%22own%22&header=Last-Modified:Wed,%2021%20Oct%202015%2007:28:00%20GMT",
  "?header=X-Trace:1&header=Set-Cookie:a=b",
  "?location=/somewhere/%E2%82%AC",
  "?location=//evil.com",
  "?auth=basic",
  "?retry-after=30",
  "?retry-after=Wed,%2021%20Oct%202026%2007:28:00%20GMT",
  "?a=1&a=2&a=3&b=%3Cscript%3E&__proto__=x&toString=y",
  "?seed=7&draw=3",
  "?seed=7",
  "?q=%F0%9F%98%80&empty=&flag",
];

type Headers = [string, string][];
const BASE: Headers = [
  ["Host", "127.0.0.1:3000"],
  ["User-Agent", "bench"],
];
const HEADER_SETS: [string, (etag: string) => Headers][] = [
  ["base", () => BASE],
  ["none", () => []],
  ["accept-problem", () => [...BASE, ["Accept", "application/problem+json"]]],
  ["accept-text", () => [...BASE, ["Accept", "text/plain;q=0.9, application/json;q=0.5"]]],
  ["accept-html", () => [...BASE, ["Accept", "text/html,application/xhtml+xml,*/*;q=0.8"]]],
  [
    "credentials",
    () => [
      ...BASE,
      ["Authorization", "Bearer abc.def"],
      ["Cookie", "a=1; b=2"],
      ["X-Api-Key", "k"],
      ["x-custom", "<b>"],
      ["X-Custom", "again"],
    ],
  ],
  ["inm-match", (etag) => [...BASE, ["If-None-Match", etag]]],
  ["inm-other", () => [...BASE, ["If-None-Match", '"nope", W/"x"']]],
  ["if-match-star", () => [...BASE, ["If-Match", "*"]]],
  ["if-match-bad", () => [...BASE, ["If-Match", '"nope"']]],
  ["ims", () => [...BASE, ["If-Modified-Since", "Fri, 02 Jan 2026 00:00:00 GMT"]]],
  ["ius-old", () => [...BASE, ["If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"]]],
  ["range", () => [...BASE, ["Range", "bytes=0-9"]]],
  ["ranges", () => [...BASE, ["Range", "bytes=0-9,20-29, -5"]]],
  ["range-past", () => [...BASE, ["Range", "bytes=99999-"]]],
  ["if-range", (etag) => [...BASE, ["Range", "bytes=5-"], ["If-Range", etag]]],
  [
    "preflight",
    () => [
      ...BASE,
      ["Origin", "http://a.example"],
      ["Access-Control-Request-Method", "PUT"],
      ["Access-Control-Request-Headers", "x-a, content-type"],
    ],
  ],
  ["origin", () => [...BASE, ["Origin", "http://a.example"]]],
  [
    "simulate",
    () => [
      ...BASE,
      ["Simulate-Delay", "3"],
      ["Simulate-Location", "/h"],
      ["Simulate-Auth", "basic"],
      ["Simulate-Retry-After", "9"],
      ["Simulate-Seed", "4"],
    ],
  ],
  ["expect", () => [...BASE, ["Expect", "100-continue"]]],
];

interface Variant {
  name: string;
  extra: Partial<SimRequest>;
}
const VARIANTS: Variant[] = [
  { name: "", extra: {} },
  { name: "+body", extra: { body: '{"a":"<x>"}', bodyBytes: 11 } },
  { name: "+big", extra: { bodyBytes: 70_000 } },
  { name: "+1.0", extra: { httpVersion: "1.0" } },
  { name: "+interim", extra: { canSendInterim: true, canSendFaults: true } },
  {
    name: "+scenario",
    extra: {
      scenario: {
        info: { name: "s", request: 2, because: "code 2 of the sequence 503,200" },
        headers: [
          ["RateLimit-Policy", '"scenario";q=5;w=60'],
          ["RateLimit", '"scenario";r=3;t=41'],
          ["Retry-After", "41"],
        ],
      },
    },
  },
];

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Weighted codes without a seed draw with Math.random: made repeatable here, restarted for every case. */
let state = 1;
Math.random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 2 ** 32;
};

function run(): Map<string, string> {
  const out = new Map<string, string>();
  for (const code of CODES)
    for (const method of METHODS)
      for (const query of QUERIES)
        for (const [setName, make] of HEADER_SETS)
          for (const v of VARIANTS) {
            // Full product only for the plain variant, GET and a few header sets; fewer elsewhere.
            const wide = v.name === "" && (method === "GET" || setName === "base");
            if (!wide && !(query === "" || query === "?n=1" || query === "?format=text")) continue;
            if (v.name !== "" && setName !== "base" && setName !== "accept-text") continue;
            const url = `/api/status/${encodeURIComponent(code)}${query}`;
            const etag = resourceETag(`${code}\njson\n/api/status/${code}${query}\n\n\n\n\n\n\n`);
            state = 1;
            const first = simulate({ method, url, code, headers: make(etag), now: NOW, ...v.extra });
            const own = first.headers.find(([n]) => n === "ETag")?.[1] ?? etag;
            const req: SimRequest = { method, url, code, headers: make(own), now: NOW, ...v.extra };
            state = 1;
            const res = simulate(req);
            const key = `${method} ${url} [${setName}]${v.name}`;
            out.set(key, hash(JSON.stringify(res)));
          }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const prints = run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const all = hash([...prints].map(([k, v]) => `${k}=${v}`).join("\n"));
  console.log(`${prints.size} answers, fingerprint ${all} (${ms.toFixed(0)} ms)`);
  const write = args.indexOf("--write");
  if (write >= 0)
    fs.writeFileSync(args[write + 1] ?? "fingerprint.json", JSON.stringify(Object.fromEntries(prints)));
  const compare = args.indexOf("--compare");
  if (compare >= 0) {
    const before = JSON.parse(fs.readFileSync(args[compare + 1] ?? "", "utf8")) as Record<string, string>;
    const diffs = [...prints].filter(([k, v]) => before[k] !== v);
    const missing = Object.keys(before).filter((k) => !prints.has(k));
    for (const [k] of diffs.slice(0, 20)) console.log(`differs: ${k}`);
    for (const k of missing.slice(0, 20)) console.log(`missing: ${k}`);
    console.log(`${diffs.length} differ, ${missing.length} missing`);
    if (diffs.length || missing.length) process.exitCode = 1;
  }
}

main();
