/**
 * `/api/inspect` straight from node:http, with the same pure logic (lib/inspector/api) the Next route
 * (app/api/inspect/route.ts) adapts, so that the answers are the same: status, body and headers.
 *
 * Why not through Next: every request Next takes costs it milliseconds of work before the route runs,
 * and a request that then waits for its body (`Expect: 100-continue` and nothing sent, a body a byte
 * a second) holds what Next set up for as long as the server's request timeout. 500 such
 * connections stalled every other answer for seconds in `npm run abuse`. Here such a request costs a
 * socket and a listener until the timeout cuts it.
 *
 * Where this does better than Next can: a body declared over the limit is refused before the client
 * sends it (no 100 Continue), a 413 closes the connection rather than drain the rest of the upload,
 * and methods Next does not know (TRACE, PROPFIND, QUERY; Next answers 400 or 500) get the same 405
 * as GET.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { inspectRequest, methodNotAllowed, tooLarge, type ApiResult } from "../lib/inspector/api";
import { MAX_INPUT_BYTES } from "../lib/inspector/parse";
import { INSPECT_API_PATH } from "../lib/routes";

/** What the route's OPTIONS answers (a CORS preflight allows POST with a Content-Type). */
const OPTIONS_HEADERS = [
  "Access-Control-Allow-Origin",
  "*",
  "Access-Control-Allow-Methods",
  "POST, OPTIONS",
  "Access-Control-Allow-Headers",
  "Content-Type",
  "Access-Control-Max-Age",
  "600",
];

/** True for `/api/inspect` and `/api/inspect?…`: what the Next route answers (not `/api/inspect/`). */
export function isInspectPath(url: string | undefined): boolean {
  const u = url ?? "";
  return (
    u.startsWith(INSPECT_API_PATH) &&
    (u.length === INSPECT_API_PATH.length || u[INSPECT_API_PATH.length] === "?")
  );
}

function send(req: IncomingMessage, res: ServerResponse, r: ApiResult, close = false): void {
  const flat: string[] = [];
  for (const [n, v] of r.headers) flat.push(n, v);
  flat.push("Content-Length", String(Buffer.byteLength(r.body)));
  if (close) flat.push("Connection", "close");
  res.writeHead(r.status, flat);
  res.end(req.method === "HEAD" ? undefined : r.body);
}

/** The declared Content-Length, or undefined (none, or chunked). */
function declaredLength(req: IncomingMessage): number | undefined {
  const cl = req.headers["content-length"];
  if (cl === undefined || req.headers["transfer-encoding"] !== undefined) return undefined;
  const n = Number(cl);
  return Number.isFinite(n) ? n : undefined;
}

type Read = { over: false; text: string } | { over: true; bytes: number } | { gone: true };

/**
 * Reads at most MAX_INPUT_BYTES + 1 bytes and stops there. Decoded as the route's reader decodes
 * (TextDecoder: UTF-8, a leading byte-order mark dropped, bad bytes replaced).
 */
function readBody(req: IncomingMessage): Promise<Read> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = (r: Read) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("aborted", onGone);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_INPUT_BYTES) chunks.push(chunk);
      else {
        req.pause();
        done({ over: true, bytes });
      }
    };
    const onEnd = () => done({ over: false, text: new TextDecoder().decode(Buffer.concat(chunks)) });
    // The client went away mid-upload: nobody is left to answer, and nothing is worth logging.
    const onGone = () => done({ gone: true });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onGone);
    req.on("aborted", onGone);
  });
}

/**
 * Answers a request for `/api/inspect`. `continued` is true when 100 Continue was already sent
 * (site.ts sends none for this path: this decides).
 */
export function handleInspect(
  req: IncomingMessage,
  res: ServerResponse,
  continued = false,
): Promise<void> | void {
  const method = req.method ?? "GET";
  if (method === "OPTIONS") {
    res.writeHead(204, OPTIONS_HEADERS);
    res.end();
    return;
  }
  if (method !== "POST") {
    // A body nobody asked for is drained by Node after the answer when it is small; one that is
    // chunked or declared over the limit is not waited for: the connection closes.
    const declared = declaredLength(req);
    const large = req.headers["transfer-encoding"] !== undefined || (declared ?? 0) > MAX_INPUT_BYTES;
    send(req, res, methodNotAllowed(), large && !req.complete);
    return;
  }
  const declared = declaredLength(req);
  // Refused before a byte of it is read: no 100 Continue, and a close, so the client sends no more.
  if (declared !== undefined && declared > MAX_INPUT_BYTES) {
    send(req, res, tooLarge(declared), true);
    return;
  }
  const http10 = req.httpVersionMajor === 1 && req.httpVersionMinor === 0;
  if (!continued && !http10 && /100-continue/i.test(req.headers.expect ?? "")) res.writeContinue();
  return readBody(req).then((read) => {
    if ("gone" in read) {
      res.destroy();
      return;
    }
    if (read.over) send(req, res, tooLarge(read.bytes), true);
    else send(req, res, inspectRequest(req.headers["content-type"] ?? null, read.text));
  });
}
