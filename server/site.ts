/**
 * The site's node:http server without the Next app: the simulator's fast path for /api/status/*,
 * the Inspector's API for /api/inspect (inspect.ts), `fallback` (Next, in production) for everything
 * else, and answers of our own where Node would send a bare one: a 417 for an unknown expectation, problem+json for malformed requests. The
 * real-client and nginx sweeps start exactly this, so they test what production runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

import { safeJson } from "../lib/simulator";
import { expectationFailed } from "../lib/simulator";
import { PROBLEM_JSON, problem } from "../lib/problem";
import { reasonPhrase } from "../lib/registry";

import { hashPageScripts } from "./csp";
import { FastPath, simulatorSegment } from "./fast-path";
import { vetRequest } from "./hardening";
import { handleInspect, isInspectPath } from "./inspect";
import { abortLine, applyLimits, isClientAbort, serverOptions, type Limits } from "./limits";

export type Fallback = (req: IncomingMessage, res: ServerResponse) => unknown;

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** What Node's HTTP parser refused, as a status: 431 for oversized headers, 400 for the rest. */
function clientErrorStatus(code: string | undefined): number {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "HPE_URI_TOO_LONG") return 414;
  // The header or request timeout of server/limits.ts ran out.
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/**
 * A problem+json answer written straight to the socket for a request Node could not parse (it has
 * no request or response object then), then the connection is closed.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = clientErrorStatus(err.code);
  const detail =
    status === 431
      ? "The request's header section is larger than this server accepts."
      : status === 408
        ? "The request did not arrive in time."
        : "The request is not a well-formed HTTP/1.1 message.";
  const body = safeJson(problem(status, detail, {}));
  socket.end(
    `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n` +
      `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** What the production server (app.ts) adds around every vetted request. */
export interface SiteHooks {
  /** Called first for every request (access log, requests in flight). */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  /** False when it answered the request itself (fair use's 429); the request then goes no further. */
  admit?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

/**
 * The server with its listeners. With `limits`, the timeouts and connection caps of server/limits.ts
 * apply (main.ts always passes them).
 */
export function createSite(
  fallback: Fallback,
  fast = new FastPath(),
  limits?: Limits,
  hooks: SiteHooks = {},
): Server {
  const route = (req: IncomingMessage, res: ServerResponse, continued: boolean) => {
    if (!vetRequest(req, res)) return;
    hooks.onRequest?.(req, res);
    const admitted = hooks.admit ? hooks.admit(req, res) : true;
    if (admitted === true) dispatch(req, res, continued);
    else if (admitted instanceof Promise)
      admitted.then(
        (ok) => ok && dispatch(req, res, continued),
        (err: unknown) => {
          console.error(err);
          if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
          res.end("Internal Server Error\n");
        },
      );
  };

  const dispatch = (req: IncomingMessage, res: ServerResponse, continued: boolean) => {
    const fail = (err: unknown) => {
      if (isClientAbort(err)) console.warn(abortLine(req, err));
      else console.error(err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error\n");
    };
    const segment = simulatorSegment(req.url);
    try {
      let done: unknown;
      if (segment !== undefined) done = fast.handle(req, res, segment, continued);
      else if (isInspectPath(req.url)) done = handleInspect(req, res, continued);
      else {
        hashPageScripts(req, res);
        done = fallback(req, res);
      }
      if (done instanceof Promise) done.catch(fail);
    } catch (err) {
      fail(err);
    }
  };

  const server = createServer(limits ? serverOptions(limits) : {}, (req, res) => route(req, res, false));
  // With this listener Node no longer answers Expect: 100-continue by itself.
  // The simulator and the inspector decide themselves whether to send 100 Continue (not before a 413,
  // a 429 or a 417); whatever goes to Next gets it at once.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    const native = simulatorSegment(req.url) !== undefined || isInspectPath(req.url);
    if (!native) res.writeContinue();
    route(req, res, !native);
  });
  // Any other expectation: a 417 that says so (Node's own has no body and none of our headers).
  server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => {
    const sim = expectationFailed({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      code: "",
      headers: pairs(req.rawHeaders),
    });
    const headers = sim.headers.flat();
    headers.push("Content-Length", String(Buffer.byteLength(sim.body ?? "")), "Connection", "close");
    res.writeHead(sim.status, sim.statusText, headers);
    res.end(sim.body ?? undefined);
  });
  server.on("clientError", answerClientError);
  if (limits) applyLimits(server, limits);
  return server;
}
