/**
 * The site's server without the Next app (server/site.ts with a 404 where Next would be): the
 * simulator's fast path exactly as production runs it, for benchmarks that need no `next build`.
 * Listens on 127.0.0.1:PORT.
 */
import { processRuntime } from "../lib/simulator/runtime";
import { FastPath } from "../server/fast-path";
import { readLimits } from "../server/limits";
import { createSite } from "../server/site";

const port = Number(process.env.PORT ?? 3200);
const limits = readLimits();
const server = createSite(
  (_req, res) => {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not the simulator\n");
  },
  new FastPath(processRuntime()),
  limits,
);
server.listen({ port, host: "127.0.0.1", backlog: limits.backlog });
process.on("SIGTERM", () => server.close(() => process.exit(0)));
