/**
 * A deployment runs the compiled server with production dependencies only (`npm ci --omit=dev`,
 * then `node dist/server/main.js`; issue 11). So nothing the compiled server, or the next.config.ts
 * that Next loads when it starts, requires at run time may be a devDependency. Both are bundled here
 * exactly as `npm run build` bundles the server (scripts/server-build.mjs), and every package the
 * bundles leave to node_modules is looked up in package.json and package-lock.json.
 */
import { builtinModules } from "node:module";
import fs from "node:fs";
import path from "node:path";

import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

import { serverBuildOptions } from "../scripts/server-build.mjs";

const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { dev?: boolean }>;
};
const BUILTIN = new Set(builtinModules);

/** The package an import names: `next/server` → next, `@next/env` → @next/env. */
function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

/** The packages a bundle of `entry` requires at run time (builtins left out). */
async function runtimePackages(entry: string): Promise<string[]> {
  const result = await build({
    ...serverBuildOptions,
    entryPoints: [entry],
    outfile: path.join("dist", "deploy-test", `${path.basename(entry)}.js`),
    write: false,
    metafile: true,
    sourcemap: false,
    logLevel: "silent",
  });
  const meta: Metafile = result.metafile;
  const out = new Set<string>();
  for (const o of Object.values(meta.outputs))
    for (const i of o.imports)
      if (i.external && !i.path.startsWith("node:") && !BUILTIN.has(i.path)) out.add(packageOf(i.path));
  return [...out].sort();
}

describe("the compiled server needs production dependencies only", () => {
  for (const entry of [serverBuildOptions.entryPoints[0] ?? "server/main.ts", "next.config.ts"]) {
    it(`${entry}: every package it requires is a dependency, none a devDependency`, async () => {
      const packages = await runtimePackages(entry);
      if (entry.startsWith("server/")) expect(packages).toContain("next");
      for (const name of packages) {
        expect(pkg.dependencies[name], `${name} is required at run time`).toBeDefined();
        expect(pkg.devDependencies[name], `${name} is also a devDependency`).toBeUndefined();
        expect(lock.packages[`node_modules/${name}`]?.dev, `${name} is dev-only in the lockfile`).not.toBe(
          true,
        );
      }
    }, 60_000);
  }
});
