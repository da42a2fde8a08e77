#!/usr/bin/env node
/**
 * npm run perf:pages — Lighthouse (npm, default mobile settings: emulated phone, simulated slow 4G and
 * 4x CPU) on Debian's Chromium against the production server, plus the script bytes each page
 * transfers. Prints one row per page and whether it meets issue 14's goals. Needs a build (`next build`).
 * Not part of npm test: the machine is shared and noisy, so scores move by a few hundredths.
 *
 * PERF_PAGES=/,/401 picks pages; PERF_RUNS=3 runs each page that many times and keeps the median.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const PAGES = (process.env.PERF_PAGES ?? "/,/401,/304,/inspect,/docs/simulator,/compare/401-vs-403").split(
  ",",
);
const RUNS = Math.max(1, Number(process.env.PERF_RUNS ?? 1));
const CHROME = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const GOALS = { performance: 0.97, accessibility: 1, "best-practices": 1, seo: 1 };
const scriptLimit = (path) => (path.startsWith("/compare/") ? 70 : 90) * 1024;

if (!existsSync(".next/BUILD_ID")) {
  console.error("No build: run `npx next build` first.");
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const port = await freePort();
const server = spawn("node_modules/.bin/tsx", ["server/main.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
let chrome;
let failed = false;
try {
  await waitFor(`${base}/api/status/200`, 60_000);
  chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const rows = [];
  for (const path of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.keys(GOALS),
      });
      const lhr = result.lhr;
      const requests = lhr.audits["network-requests"]?.details?.items ?? [];
      const script = requests
        .filter((r) => r.resourceType === "Script")
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
      const failing = Object.keys(GOALS).flatMap((c) =>
        Object.values(lhr.audits)
          .filter((a) => lhr.categories[c].auditRefs.some((ref) => ref.id === a.id && ref.weight > 0))
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
          .map((a) => a.id),
      );
      runs.push({
        ...Object.fromEntries(Object.keys(GOALS).map((c) => [c, lhr.categories[c].score])),
        script,
        tti: lhr.audits.interactive?.numericValue ?? NaN,
        lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
        tbt: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
        cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
        failing,
      });
    }
    const row = { path };
    for (const c of Object.keys(GOALS)) row[c] = median(runs.map((r) => r[c]));
    row.script = median(runs.map((r) => r.script));
    row.tti = median(runs.map((r) => r.tti));
    row.perfRange = [
      Math.min(...runs.map((r) => r.performance)),
      Math.max(...runs.map((r) => r.performance)),
    ];
    row.lcp = median(runs.map((r) => r.lcp));
    row.tbt = median(runs.map((r) => r.tbt));
    row.cls = Math.max(...runs.map((r) => r.cls));
    row.failing = [...new Set(runs.flatMap((r) => r.failing))];
    row.ok = Object.entries(GOALS).every(([c, g]) => row[c] >= g) && row.script <= scriptLimit(path);
    failed ||= !row.ok;
    rows.push(row);
    console.error(`measured ${path}`);
  }
  const pad = (s, n) => String(s).padEnd(n);
  console.log(
    `${pad("page", 22)}${pad("perf", 6)}${pad("(range)", 11)}${pad("a11y", 6)}${pad("bp", 6)}${pad("seo", 6)}${pad("script KB", 11)}${pad("TTI s", 7)}${pad("LCP s", 7)}${pad("TBT ms", 8)}${pad("CLS", 6)}goal`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.path, 22)}${pad(r.performance.toFixed(2), 6)}${pad(`${r.perfRange[0].toFixed(2)}-${r.perfRange[1].toFixed(2)}`, 11)}${pad(r.accessibility.toFixed(2), 6)}${pad(r["best-practices"].toFixed(2), 6)}${pad(r.seo.toFixed(2), 6)}${pad((r.script / 1024).toFixed(1), 11)}${pad((r.tti / 1000).toFixed(1), 7)}${pad((r.lcp / 1000).toFixed(1), 7)}${pad(Math.round(r.tbt), 8)}${pad(r.cls.toFixed(2), 6)}${r.ok ? "met" : "MISSED"}${r.failing.length ? `  (failing: ${r.failing.join(", ")})` : ""}`,
    );
  }
  console.log(
    `goals: performance >= ${GOALS.performance}, accessibility/best practices/SEO 1.00, script <= 90 KB (code pages) / 70 KB (compare); ${RUNS} run(s) per page, median`,
  );
} finally {
  await chrome?.kill();
  server.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);
