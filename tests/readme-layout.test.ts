/**
 * README's Layout section must match the folders (issue 15: "the house reads top-down"): every
 * top-level folder and every entry of lib/ is named in its table, and everything the table names exists.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const layout = readme.slice(readme.indexOf("## Layout"));
const table = layout.slice(0, layout.indexOf("\n\n", layout.indexOf("|")));
/** Everything in backticks in the table's first column. */
const named = table
  .split("\n")
  .filter((l) => l.startsWith("| `"))
  .flatMap((l) => [...(l.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ""));

// What git tracks, so that build output, test results and .venv (all git-ignored) never count.
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
/** The folders and files git tracks directly below `dir` ("" for the top), folders with a slash. */
function trackedEntries(dir: string): string[] {
  const prefix = dir === "" ? "" : `${dir}/`;
  const out = new Set<string>();
  for (const f of tracked) {
    if (!f.startsWith(prefix)) continue;
    const rest = f.slice(prefix.length);
    const slash = rest.indexOf("/");
    out.add(slash === -1 ? rest : `${rest.slice(0, slash)}/`);
  }
  return [...out];
}

describe("README's layout section", () => {
  it("has a table", () => expect(named.length).toBeGreaterThan(10));

  it("names every top-level folder", () => {
    const dirs = trackedEntries("").filter((e) => e.endsWith("/") && !e.startsWith("."));
    for (const d of dirs)
      expect(
        named.some((n) => n.startsWith(d)),
        d,
      ).toBe(true);
  });

  it("names every folder and module of lib/", () => {
    const entries = trackedEntries("lib")
      .filter((e) => e.endsWith("/") || (/\.ts$/.test(e) && !/\.test\.ts$/.test(e)))
      .map((e) => `lib/${e}`);
    for (const e of entries) expect(named, e).toContain(e);
  });

  it("names only paths that exist", () => {
    for (const n of named.filter((x) => /^[\w.-]+\/|^\.ci\//.test(x) && !/[{*]/.test(x)))
      expect(fs.existsSync(path.join(ROOT, n)), n).toBe(true);
  });
});
