/**
 * The simulator's fast path: `/api/status/*` answered straight from node:http with the same pure
 * `lib/simulator` function the Next route handler adapts. It also sends what a Fetch `Response`
 * cannot: real interim responses (100 Continue, 102 Processing, 103 Early Hints).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { httpDateNow } from "../lib/http";
import { overloaded, type SimResponse } from "../lib/simulator";
import { MAX_ECHO_BYTES } from "../lib/simulator/options";
import { SimulatorRuntime } from "../lib/simulator/runtime";

import { performFault } from "./faults";

const PATH = /^\/api\/status\/([^/?#]*)(?:\?.*)?$/;

/** The `{code}` segment when this request is for the simulator (and not, say, /describe). */
export function simulatorSegment(url: string | undefined): string | undefined {
  const m = PATH.exec(url ?? "");
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1] ?? "");
  } catch {
    return m[1] ?? "";
  }
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** True when the request has no body to read (no Content-Length or a zero one, and not chunked). */
function hasNoBody(req: IncomingMessage): boolean {
  const cl = req.headers["content-length"];
  return (cl === undefined || cl === "0") && req.headers["transfer-encoding"] === undefined;
}

/** Reads at most MAX_ECHO_BYTES + 1 bytes of the body. */
function readBody(req: IncomingMessage): Promise<{ text: string; bytes: number }> {
  const declared = Number(req.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > MAX_ECHO_BYTES) {
    req.resume();
    return Promise.resolve({ text: "", bytes: declared });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_ECHO_BYTES) over = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ text: over ? "" : Buffer.concat(chunks).toString("utf8"), bytes }));
    req.on("error", reject);
  });
}

/** A response ready to write again: status line, flat headers (with the Date slot) and body. */
interface Prepared {
  status: number;
  statusText: string;
  flat: string[];
  /** Index of the Date value in `flat`, refreshed on every reuse. */
  dateAt: number;
  body: string | undefined;
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

  constructor(readonly runtime = new SimulatorRuntime()) {}

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
    const expectsContinue = /100-continue/i.test(req.headers.expect ?? "");
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
    const cacheable = bytes === 0 && !segment.includes(",") && !segment.includes(":");
    const key = cacheable ? `${req.method ?? "GET"} ${req.url ?? ""}\n${req.rawHeaders.join("\n")}` : "";
    if (cacheable) {
      const hit = this.cache.get(key);
      if (hit) {
        this.cache.delete(key);
        this.cache.set(key, hit);
        hit.flat[hit.dateAt] = httpDateNow();
        res.writeHead(hit.status, hit.statusText, hit.flat);
        res.end(hit.body);
        return;
      }
    }
    const sim = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      code: segment,
      headers: pairs(req.rawHeaders),
      body: text,
      bodyBytes: bytes,
      canSendInterim: true,
      canSendFaults: true,
    };
    const answer = this.runtime.answer(sim);
    if (answer instanceof Promise) return answer.then((a) => this.write(res, prepare(a), a, continued, sim));
    const prepared = prepare(answer);
    if (answer.fault || answer.stateful) return this.write(res, prepared, answer, continued, sim);
    if (cacheable && answer.delayMs === 0 && answer.interim.length === 0 && prepared.dateAt >= 0) {
      this.cache.set(key, prepared);
      if (this.cache.size > CACHE_SIZE) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    write(res, prepared, answer, continued);
  }

  private write(
    res: ServerResponse,
    prepared: Prepared,
    sim: SimResponse,
    continued: boolean,
    req: Parameters<typeof overloaded>[0],
  ): void {
    if (sim.fault && !performFault(res, prepared, sim.fault, this.runtime.gate)) {
      const busy = overloaded(req, this.runtime.gate.limit);
      write(res, prepare(busy), busy, continued);
      return;
    }
    if (!sim.fault) write(res, prepared, sim, continued);
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
  return { status: sim.status, statusText: sim.statusText, flat, dateAt, body: sim.body ?? undefined };
}

function write(res: ServerResponse, prepared: Prepared, sim: SimResponse, continued: boolean): void {
  for (const interim of sim.interim) {
    if (interim.status === 100 && !continued) res.writeContinue();
    else if (interim.status === 102) res.writeProcessing();
    else if (interim.status === 103)
      res.writeEarlyHints(Object.fromEntries(interim.headers.map(([n, v]) => [n.toLowerCase(), v])));
  }
  res.writeHead(prepared.status, prepared.statusText, prepared.flat);
  res.end(prepared.body);
}
