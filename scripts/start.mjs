// `npm start`: serve the compiled site, building it first only when there is no current build.
// A build is current when .next/BUILD_ID and dist/server/main.js exist and no source file (pages,
// components, content, lib, server, configuration, lockfile) changed after dist/build-stamp.json.
// So a fresh clone installs, builds and serves in one `npm install && npm start`, and later starts
// take a second. `--no-build` never builds (a deployment that built in an earlier step).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SOURCES = ["app", "components", "content", "hooks", "lib", "server", "public"];
const FILES = ["next.config.ts", "package.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(p)) {
    if (e === "node_modules" || e.startsWith(".")) continue;
    max = Math.max(max, newest(path.join(p, e)));
  }
  return max;
}

function stale() {
  const stamp = "dist/build-stamp.json";
  if (!existsSync(".next/BUILD_ID") || !existsSync("dist/server/main.js") || !existsSync(stamp))
    return "no build yet";
  const built = statSync(stamp).mtimeMs;
  for (const p of [...SOURCES, ...FILES]) if (newest(p) > built) return `${p} changed since the last build`;
  return undefined;
}

const why = stale();
if (why) {
  if (process.argv.includes("--no-build")) {
    console.error(`statuscodes: no current build (${why}): run npm run build first`);
    process.exit(1);
  }
  console.log(`> building (${why})`);
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(path.resolve("dist/server/main.js")).href);
