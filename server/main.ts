/**
 * The production server: `/api/status/*` goes to the fast path (node:http, see fast-path.ts);
 * everything else goes to Next. Listens on HOST:PORT (default 127.0.0.1:3000). The server itself,
 * with its listeners, request vetting and limits, is server/site.ts.
 */
import next from "next";

import { processRuntime } from "../lib/simulator/runtime";

import { FastPath } from "./fast-path";
import { describeLimits, readLimits } from "./limits";
import { createSite } from "./site";

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  const limits = readLimits();
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createSite(handle, new FastPath(processRuntime()), limits);
  server.listen({ port, host: hostname, backlog: limits.backlog }, () => {
    console.log(`> statuscodes listening on http://${hostname}:${port}`);
    console.log(describeLimits(limits));
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
