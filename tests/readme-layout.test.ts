/**
 * README's Layout section must match the folders (issue 15: "the house reads top-down"): every
 * top-level folder and every entry of lib/ is named in its table, and everything the table names exists.
 */
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

const IGNORED = new Set(["node_modules"]);

describe("README's layout section", () => {
  it("has a table", () => expect(named.length).toBeGreaterThan(10));

  it("names every top-level folder", () => {
    const dirs = fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !IGNORED.has(e.name))
      .map((e) => `${e.name}/`);
    for (const d of dirs)
      expect(
        named.some((n) => n.startsWith(d)),
        d,
      ).toBe(true);
  });

  it("names every folder and module of lib/", () => {
    const entries = fs
      .readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })
      .filter((e) => e.isDirectory() || (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)))
      .map((e) => `lib/${e.name}${e.isDirectory() ? "/" : ""}`);
    for (const e of entries) expect(named, e).toContain(e);
  });

  it("names only paths that exist", () => {
    for (const n of named.filter((x) => /^[\w.-]+\/|^\.ci\//.test(x) && !/[{*]/.test(x)))
      expect(fs.existsSync(path.join(ROOT, n)), n).toBe(true);
  });
});
