/**
 * Conversions between the WHATWG Fetch `Request`/`Response` (what route handlers speak) and the
 * simulator's plain descriptions. No framework imports: any Fetch-API server can use these.
 */
import type { SimRequest, SimResponse } from "./index";
import { MAX_ECHO_BYTES } from "./options";
import { readLimited } from "../http";

export interface AdapterOptions {
  /** Request headers the server underneath adds by itself, left out of the echo (lower case). */
  dropHeaders?: ReadonlySet<string>;
}

export async function toSimRequest(
  request: Request,
  code: string,
  options: AdapterOptions = {},
): Promise<SimRequest> {
  const url = new URL(request.url);
  const drop = options.dropHeaders;
  const body = await readLimited(request, MAX_ECHO_BYTES);
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
