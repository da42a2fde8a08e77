/**
 * The simulator's fast path on a plain node:http server on 127.0.0.1 and a free port, with a 404 where
 * the site would hand over to Next: for tests that talk HTTP to the simulator without a build.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import { FastPath, simulatorSegment } from "@/server/fast-path";

export interface FastPathServer {
  /** `http://127.0.0.1:{port}` */
  base: string;
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

export async function startFastPath(fast: FastPath = new FastPath()): Promise<FastPathServer> {
  const server = http.createServer((req, res) => {
    const segment = simulatorSegment(req.url);
    if (segment === undefined) {
      res.writeHead(404).end();
      return;
    }
    void Promise.resolve(fast.handle(req, res, segment));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
