/**
 * The production server: the site's own node:http server (app.ts, on site.ts) with Next for the pages.
 * Configuration comes from the environment (config.ts, limits.ts); `npm start` runs the compiled form
 * of this file.
 */
import next from "next";

import { run } from "./app";

run(async (config) => {
  const app = next({ dev: false, hostname: config.HOST, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  return (req, res) => handle(req, res);
}).catch((err: unknown) => {
  console.error(err instanceof Error ? `statuscodes: cannot start: ${err.message}` : err);
  process.exit(1);
});
