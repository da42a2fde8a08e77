/**
 * The production server: `/api/status/*` goes to the fast path (node:http, see fast-path.ts);
 * everything else goes to Next. Listens on HOST:PORT (default 127.0.0.1:3000).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import next from "next";

import { FastPath, simulatorSegment } from "./fast-path";
import { vetRequest } from "./hardening";
import { abortLine, applyLimits, describeLimits, isClientAbort, readLimits, serverOptions } from "./limits";

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  const limits = readLimits();
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const fast = new FastPath();

  const route = (req: IncomingMessage, res: ServerResponse, continued: boolean) => {
    if (!vetRequest(req, res)) return;
    const fail = (err: unknown) => {
      if (isClientAbort(err)) console.warn(abortLine(req, err));
      else console.error(err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error\n");
    };
    const segment = simulatorSegment(req.url);
    try {
      const done = segment !== undefined ? fast.handle(req, res, segment, continued) : handle(req, res);
      if (done) done.catch(fail);
    } catch (err) {
      fail(err);
    }
  };

  const server = createServer(serverOptions(limits), (req, res) => route(req, res, false));
  // With this listener Node no longer answers Expect: 100-continue by itself.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (simulatorSegment(req.url) === undefined) res.writeContinue();
    route(req, res, simulatorSegment(req.url) === undefined);
  });
  applyLimits(server, limits);
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
