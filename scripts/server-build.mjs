// How `npm run build` compiles the site's own server (server/main.ts and the lib/ code it imports)
// to plain JavaScript: one esbuild bundle for Node 20, packages left to node_modules (required at run
// time, so a deployment installs production dependencies only). Shared by scripts/build-server.mjs
// and the test that checks what the bundle needs (tests/deploy.test.ts).
export const serverBuildOptions = {
  entryPoints: ["server/main.ts"],
  outfile: "dist/server/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};
