/**
 * scripts/start.mjs (npm start) decides whether a build is current: it serves an existing one without
 * rebuilding and notices a source changed after it. Run in a scratch directory with a stand-in server
 * file, so no real build is needed; `--no-build` makes it report instead of building.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SCRIPT = path.resolve("scripts/start.mjs");
const dir = mkdtempSync(path.join(os.tmpdir(), "statuscodes-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, "--no-build"], { cwd: dir });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const write = (rel: string, text: string, mtime: Date) => {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  utimesSync(p, mtime, mtime);
};

describe("npm start's build check", () => {
  it("refuses to serve without a build (and says what to run)", async () => {
    const r = await start();
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe("statuscodes: no current build (no build yet): run npm run build first");
  });

  it("serves a current build without building, and notices a source changed after it", async () => {
    const old = new Date(Date.now() - 60_000);
    write("lib/a.ts", "export {};\n", old);
    write("package.json", "{}\n", old);
    write(".next/BUILD_ID", "x\n", new Date());
    write("dist/server/main.js", 'console.log("served compiled server");\n', new Date());
    write("dist/build-stamp.json", "{}\n", new Date());
    const served = await start();
    expect(served.code).toBe(0);
    expect(served.out).toContain("served compiled server");
    expect(served.out).not.toContain("building");
    write("lib/a.ts", "export const changed = 1;\n", new Date(Date.now() + 5_000));
    const stale = await start();
    expect(stale.code).toBe(1);
    expect(stale.out).toContain("lib changed since the last build");
  });
});
