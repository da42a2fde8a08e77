/**
 * Conversions between the WHATWG Fetch `Request`/`Response` (what route handlers speak) and the
 * simulator's plain descriptions. No framework imports: any Fetch-API server can use these.
 */
import type { SimRequest, SimResponse } from "./index";
import { MAX_ECHO_BYTES } from "./options";

export interface AdapterOptions {
  /** Request headers the server underneath adds by itself, left out of the echo (lower case). */
  dropHeaders?: ReadonlySet<string>;
}

/** Reads at most MAX_ECHO_BYTES + 1 bytes of the body: enough to echo it or to know it is too large. */
async function readBody(request: Request): Promise<{ text: string; bytes: number }> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_ECHO_BYTES) return { text: "", bytes: declared };
  const reader = request.body?.getReader();
  if (!reader) return { text: "", bytes: 0 };
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_ECHO_BYTES) {
      await reader.cancel();
      return { text: "", bytes };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(all), bytes };
}

export async function toSimRequest(request: Request, code: string, options: AdapterOptions = {}): Promise<SimRequest> {
  const url = new URL(request.url);
  const drop = options.dropHeaders;
  const body = await readBody(request);
  return {
    method: request.method,
    url: url.pathname + url.search,
    code,
    headers: [...request.headers.entries()].filter(([name]) => !drop?.has(name.toLowerCase())),
    body: body.text,
    bodyBytes: body.bytes,
    canSendInterim: false,
  };
}

/** The Fetch `Response` constructor only takes 200-599, and no body with 204/205/304. */
export function toWebResponse(sim: SimResponse): Response {
  const headers = new Headers();
  for (const [name, value] of sim.headers) headers.append(name, value);
  return new Response(sim.body, { status: sim.status, statusText: sim.statusText, headers });
}
