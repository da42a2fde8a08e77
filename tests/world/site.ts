/**
 * Starts the site's own node:http server (server/site.ts: the fast path and our own 417/400/431
 * answers) on 127.0.0.1 on a free port, with a 404 where Next would be. Plus a raw-socket client,
 * for what fetch hides: interim responses, HTTP/1.0, exact bytes and timing.
 */
import type { Server } from "node:http";
import net, { type AddressInfo } from "node:net";

import { SimulatorRuntime } from "@/lib/simulator/runtime";
import { FastPath } from "@/server/fast-path";
import { readLimits } from "@/server/limits";
import { createSite } from "@/server/site";

export interface Site {
  server: Server;
  port: number;
  base: string;
  runtime: SimulatorRuntime;
  close(): Promise<void>;
}

export async function startSite(runtime = new SimulatorRuntime()): Promise<Site> {
  const server = createSite(
    (_req, res) => {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not the simulator\n");
    },
    new FastPath(runtime),
    readLimits({}),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    runtime,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface RawExchange {
  /** Everything the server sent, as latin1 text. */
  text: string;
  /** Each status line with the milliseconds since the request was written. */
  lines: { line: string; ms: number }[];
  /** Whether the server closed the connection (within the wait). */
  closed: boolean;
  ms: number;
}

/**
 * Writes `request` (raw bytes) and collects the answer until the server closes, `until` matches
 * what arrived, or `waitMs` passes. Bounded in time.
 */
export function rawExchange(
  port: number,
  request: string | Buffer,
  opts: { until?: RegExp; waitMs?: number; onConnect?: (s: net.Socket) => void } = {},
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    const lines: { line: string; ms: number }[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, lines, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), opts.waitMs ?? 5000);
    socket.on("connect", () => {
      socket.write(request);
      opts.onConnect?.(socket);
    });
    const seen = new Set<number>();
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      for (const m of text.matchAll(/(?:^|\r\n)(HTTP\/1\.[01] \d{3}[^\r\n]*)/g)) {
        if (seen.has(m.index)) continue;
        seen.add(m.index);
        lines.push({ line: m[1] ?? "", ms: Date.now() - started });
      }
      if (opts.until?.test(text)) finish(false);
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNRESET" || err.code === "EPIPE") finish(true);
      else reject(err);
    });
  });
}

/** The status codes of the responses in a raw exchange, in order. */
export function statuses(x: RawExchange): number[] {
  return [...x.text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
}

/** The header section of the last response in a raw exchange, lower-cased names. */
export function lastHeaders(x: RawExchange): Map<string, string> {
  const starts = [...x.text.matchAll(/(?:^|\r\n)(?=HTTP\/1\.[01] \d{3})/g)].map((m) => m.index + m[0].length);
  const at = starts[starts.length - 1] ?? 0;
  const head = x.text.slice(at, x.text.indexOf("\r\n\r\n", at));
  const out = new Map<string, string>();
  for (const line of head.split("\r\n").slice(1)) {
    const i = line.indexOf(":");
    out.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}
