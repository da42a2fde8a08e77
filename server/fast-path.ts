/**
 * The simulator's fast path: `/api/status/*` answered straight from node:http with the same pure
 * `lib/simulator` function the Next route handler adapts. It also sends what a Fetch `Response`
 * cannot: real interim responses (100 Continue, 102 Processing, 103 Early Hints).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { MAX_ECHO_BYTES } from "../lib/simulator/options";
import { SimulatorRuntime } from "../lib/simulator/runtime";

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

/** Reads at most MAX_ECHO_BYTES + 1 bytes of the body. */
function readBody(req: IncomingMessage): Promise<{ text: string; bytes: number }> {
  const declared = Number(req.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > MAX_ECHO_BYTES) {
    req.resume();
    return Promise.resolve({ text: "", bytes: declared });
  }
  if (declared === 0 || (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined)) {
    return Promise.resolve({ text: "", bytes: 0 });
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

export class FastPath {
  constructor(readonly runtime = new SimulatorRuntime()) {}

  /** Answers a simulator request. `continued` is true when 100 Continue was already sent. */
  async handle(req: IncomingMessage, res: ServerResponse, segment: string, continued = false): Promise<void> {
    const headers = pairs(req.rawHeaders);
    const expectsContinue = /100-continue/i.test(req.headers.expect ?? "");
    // A client that sent Expect: 100-continue waits for a go-ahead before sending its body; a 417 is
    // answered without one (the client then resends without the expectation).
    if (expectsContinue && !continued && segment !== "417") {
      res.writeContinue();
      continued = true;
    }
    const body = expectsContinue && !continued ? { text: "", bytes: 0 } : await readBody(req);
    const sim = await this.runtime.answer({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      code: segment,
      headers,
      body: body.text,
      bodyBytes: body.bytes,
      canSendInterim: true,
    });
    for (const interim of sim.interim) {
      if (interim.status === 100 && !continued) res.writeContinue();
      else if (interim.status === 102) res.writeProcessing();
      else if (interim.status === 103) res.writeEarlyHints(Object.fromEntries(interim.headers.map(([n, v]) => [n.toLowerCase(), v])));
    }
    const flat: string[] = [];
    for (const [n, v] of sim.headers) flat.push(n, v);
    // Content-Length rather than chunked: known up front, and cheaper. None on 1xx/204/304 (RFC 9110 §8.6).
    if (sim.getLength !== undefined) flat.push("Content-Length", String(sim.getLength));
    else if (sim.body !== null) flat.push("Content-Length", String(Buffer.byteLength(sim.body)));
    else if (sim.status === 205) flat.push("Content-Length", "0");
    res.writeHead(sim.status, sim.statusText, flat);
    res.end(sim.body ?? undefined);
  }
}
