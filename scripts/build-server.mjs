// Compiles the site's own server (server/main.ts and the lib/ code it imports) to plain JavaScript in
// dist/, so `npm start` runs it with node and production dependencies only (no tsx at runtime).
// Packages stay external: they are required from node_modules at run time. Writes dist/build-stamp.json
// last, which scripts/start.mjs compares with the sources to decide whether a build is current.
import { writeFileSync } from "node:fs";

import { build } from "esbuild";

import { serverBuildOptions } from "./server-build.mjs";

await build(serverBuildOptions);
writeFileSync("dist/build-stamp.json", `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
console.log("> server compiled to dist/server/main.js");
