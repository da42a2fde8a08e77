/**
 * The simulator's fast path: `/api/status/*` answered straight from node:http with the same pure
 * `lib/simulator` function the Next route handler adapts. It also sends what a Fetch `Response`
 * cannot: real interim responses (100 Continue, 102 Processing, 103 Early Hints).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { httpDateNow } from "../lib/http";
import { overloaded, type InterimResponse, type SimRequest, type SimResponse } from "../lib/simulator";
import { MAX_ECHO_BYTES } from "../lib/simulator/options";
import { processRuntime, type SimulatorRuntime } from "../lib/simulator/runtime";

import { performFault } from "./faults";

const PATH = /^\/api\/status\/([^/?#]*)(?:\?.*)?$/;

function segmentOf(url: string): string | undefined {
  const m = PATH.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1] ?? "");
  } catch {
    return m[1] ?? "";
  }
}

/**
 * The `{code}` segment when this request is for the simulator (and not, say, /describe). Targets
 * that Next would route to the simulator's handler after normalising (dot segments, a fragment) are
 * normalised the same way, so that they meet the same runtime here and give the same answers.
 */
export function simulatorSegment(url: string | undefined): string | undefined {
  const raw = url ?? "";
  const direct = segmentOf(raw);
  if (direct !== undefined || !raw.startsWith("/") || !/\/\.|#/.test(raw)) return direct;
  let normal: URL;
  try {
    normal = new URL(`http://simulator.invalid${raw}`);
  } catch {
    return undefined;
  }
  return segmentOf(normal.pathname + normal.search);
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** The declared Content-Length, or undefined (none, or chunked). */
function declaredLength(req: IncomingMessage): number | undefined {
  const cl = req.headers["content-length"];
  if (cl === undefined || req.headers["transfer-encoding"] !== undefined) return undefined;
  const n = Number(cl);
  return Number.isFinite(n) ? n : undefined;
}

/** True when the request has no body to read (no Content-Length or a zero one, and not chunked). */
function hasNoBody(req: IncomingMessage): boolean {
  const cl = req.headers["content-length"];
  return (cl === undefined || cl === "0") && req.headers["transfer-encoding"] === undefined;
}

/**
 * Reads at most MAX_ECHO_BYTES + 1 bytes of the body, and stops there: the answer is then a 413
 * that closes the connection, so the rest is never read.
 */
function readBody(req: IncomingMessage): Promise<{ text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_ECHO_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.off("end", onEnd);
      req.pause();
      resolve({ text: "", bytes });
    };
    const onEnd = () => resolve({ text: Buffer.concat(chunks).toString("utf8"), bytes });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}

function isHttp10(req: IncomingMessage): boolean {
  return req.httpVersionMajor === 1 && req.httpVersionMinor === 0;
}

/** A response ready to write again: status line, flat headers (with the Date slot) and body. */
interface Prepared {
  status: number;
  statusText: string;
  flat: string[];
  /** Index of the Date value in `flat`, refreshed on every reuse. */
  dateAt: number;
  body: string | undefined;
  /** The connection is closed after this answer (Connection: close is in `flat`). */
  closes: boolean;
  /** Index in `flat` of the answer's own Connection value (426's "Upgrade"), or -1. */
  connectionAt: number;
}

/** How many prepared answers the fast path keeps (least recently used ones are dropped). */
const CACHE_SIZE = 512;

export class FastPath {
  /**
   * Answers are a pure function of method, URL and request headers (plus the clock), so identical
   * requests without a body, delay, weighted code or interim response reuse the prepared answer, with
   * a fresh Date. Test suites hitting the same URL in a loop are the common case.
   */
  private readonly cache = new Map<string, Prepared>();

  constructor(readonly runtime: SimulatorRuntime = processRuntime()) {}

  /**
   * Answers a simulator request. `continued` is true when 100 Continue was already sent. A request
   * without a body and without a delay is answered synchronously: no promise on the hot path.
   */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    segment: string,
    continued = false,
  ): Promise<void> | void {
    // An HTTP/1.0 request's Expect is ignored (RFC 9110 §10.1.1); Node does not call checkContinue then.
    const expectsContinue = !isHttp10(req) && /100-continue/i.test(req.headers.expect ?? "");
    // A body declared too large is refused before a byte of it is read: no 100 Continue, a 413 that
    // closes the connection, so the client sends nothing more and nothing is drained.
    const declared = declaredLength(req);
    if (declared !== undefined && declared > MAX_ECHO_BYTES)
      return this.respond(req, res, segment, continued, "", declared);
    // A client that sent Expect: 100-continue waits for a go-ahead before sending its body; a 417 is
    // answered without one (the client then resends without the expectation).
    if (expectsContinue && !continued && segment !== "417") {
      res.writeContinue();
      continued = true;
    }
    if (hasNoBody(req) || (expectsContinue && !continued))
      return this.respond(req, res, segment, continued, "", 0);
    return readBody(req).then((body) => this.respond(req, res, segment, continued, body.text, body.bytes));
  }

  private respond(
    req: IncomingMessage,
    res: ServerResponse,
    segment: string,
    continued: boolean,
    text: string,
    bytes: number,
  ): Promise<void> | void {
    const http10 = isHttp10(req);
    const cacheable = bytes === 0 && !segment.includes(",") && !segment.includes(":");
    const key = cacheable
      ? `${http10 ? "1.0" : "1.1"} ${req.method ?? "GET"} ${req.url ?? ""}\n${req.rawHeaders.join("\n")}`
      : "";
    if (cacheable) {
      const hit = this.cache.get(key);
      if (hit) {
        this.cache.delete(key);
        this.cache.set(key, hit);
        hit.flat[hit.dateAt] = httpDateNow();
        writePrepared(req, res, hit);
        return;
      }
    }
    const sim: SimRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      code: segment,
      headers: pairs(req.rawHeaders),
      body: text,
      bodyBytes: bytes,
      canSendInterim: true,
      canSendFaults: true,
      httpVersion: http10 ? "1.0" : "1.1",
    };
    const answer = this.runtime.answer(sim, {
      // Interim responses go out at once, before any delay (RFC 9110 §15.2).
      onInterim: (interim) => sendInterim(res, interim, continued),
      // A client that goes away frees its delay slot at once.
      signal: () => closedSignal(res),
    });
    if (answer instanceof Promise)
      return answer.then(
        (a) => this.write(req, res, prepare(a), a, sim),
        () => void res.destroy(),
      );
    const prepared = prepare(answer);
    if (answer.fault || answer.stateful) return this.write(req, res, prepared, answer, sim);
    // Only simulated answers are reused: never the overload 503, a delayed or drawn answer.
    if (cacheable && answer.reusable && prepared.dateAt >= 0) {
      this.cache.set(key, prepared);
      if (this.cache.size > CACHE_SIZE) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    writePrepared(req, res, prepared);
  }

  private write(
    req: IncomingMessage,
    res: ServerResponse,
    prepared: Prepared,
    sim: SimResponse,
    simReq: SimRequest,
  ): void {
    if (sim.fault && !performFault(res, prepared, sim.fault, this.runtime.gate)) {
      writePrepared(req, res, prepare(overloaded(simReq, this.runtime.gate.limit)));
      return;
    }
    if (!sim.fault) writePrepared(req, res, prepared);
  }
}

function prepare(sim: SimResponse): Prepared {
  const flat: string[] = [];
  let dateAt = -1;
  for (const [n, v] of sim.headers) {
    if (n === "Date") dateAt = flat.length + 1;
    flat.push(n, v);
  }
  // Content-Length rather than chunked: known up front, and cheaper. None on 1xx/204/304 (RFC 9110 §8.6).
  if (sim.getLength !== undefined) flat.push("Content-Length", String(sim.getLength));
  else if (sim.body !== null) flat.push("Content-Length", String(Buffer.byteLength(sim.body)));
  else if (sim.status === 205) flat.push("Content-Length", "0");
  const connectionAt = flat.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === "connection") + 1 || -1;
  if (sim.close && connectionAt < 0) flat.push("Connection", "close");
  return {
    status: sim.status,
    statusText: sim.statusText,
    flat,
    dateAt,
    body: sim.body ?? undefined,
    closes: sim.close === true,
    connectionAt,
  };
}

/** An AbortSignal that aborts when the response's connection closes before the answer went out. */
function closedSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new Error("client closed the connection"));
  });
  return controller.signal;
}

function sendInterim(res: ServerResponse, interim: InterimResponse[], continued: boolean): void {
  for (const i of interim) {
    if (i.status === 100 && !continued) res.writeContinue();
    else if (i.status === 102) res.writeProcessing();
    else if (i.status === 103)
      res.writeEarlyHints(Object.fromEntries(i.headers.map(([n, v]) => [n.toLowerCase(), v])));
  }
}

/**
 * Writes a prepared answer. To an HTTP/1.1 client on a persistent connection no Connection or
 * Keep-Alive header is sent (persistence is the default; httplint calls Keep-Alive deprecated);
 * an HTTP/1.0 client that asked for keep-alive gets Node's Connection: keep-alive and Keep-Alive,
 * which it needs. An answer that closes says Connection: close.
 */
function writePrepared(req: IncomingMessage, res: ServerResponse, prepared: Prepared): void {
  let flat = prepared.flat;
  if (prepared.connectionAt >= 0 && !res.shouldKeepAlive) {
    // The answer's own Connection (426's "Upgrade") must not keep open a connection the client asked
    // to close: Node's parser refuses any further request on it ("Data after Connection: close").
    flat = [...flat];
    flat[prepared.connectionAt] = `${flat[prepared.connectionAt]}, close`;
  } else if (!prepared.closes && prepared.connectionAt < 0 && res.shouldKeepAlive && !isHttp10(req))
    res.removeHeader("Connection");
  res.writeHead(prepared.status, prepared.statusText, flat);
  res.end(prepared.body);
}
