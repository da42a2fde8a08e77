/** Small HTTP building blocks shared by the simulator, the inspector and the console. */

/** Header fields in order, duplicates kept. */
export type HeaderList = [name: string, value: string][];

/** A complete answer from one of the site's own JSON APIs, before any framework sees it. */
export interface ApiResult {
  status: number;
  headers: HeaderList;
  body: string;
}

/** One or more tchar (RFC 9110 §5.6.2), as regular-expression source, to build patterns from. */
export const TOKEN_SOURCE = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

/** A token (RFC 9110 §5.6.2): what a field name, method or auth scheme must be. */
export const TOKEN = new RegExp(`^${TOKEN_SOURCE}$`);

/** A comma-separated list of tokens, such as Access-Control-Request-Headers. */
export const TOKEN_LIST = new RegExp(`^${TOKEN_SOURCE}(\\s*,\\s*${TOKEN_SOURCE})*$`);

/** A media type without or with parameters, e.g. `text/html; charset=utf-8` (RFC 9110 §8.3.1). */
export const MEDIA_TYPE = new RegExp(`^${TOKEN_SOURCE}/${TOKEN_SOURCE}\\s*(;.*)?$`);

let cachedSecond = -1;
let cachedDate = "";

/** The current time as an IMF-fixdate (RFC 9110 §5.6.7), formatted at most once a second. */
export function httpDateNow(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}

const LOWER = new Map<string, string>();
function lowerOnce(name: string): string {
  const l = name.toLowerCase();
  if (LOWER.size < 256) LOWER.set(name, l);
  return l;
}

/**
 * A case-insensitive lookup over request headers in order; repeated fields are joined with ", "
 * (RFC 9110 §5.3). Built once per request.
 */
export function headerLookup(
  headers: ReadonlyArray<readonly [string, string]>,
): (name: string) => string | undefined {
  const lower = new Map<string, string>();
  for (const [n, v] of headers) {
    const k = n.toLowerCase();
    const prev = lower.get(k);
    lower.set(k, prev === undefined ? v : `${prev}, ${v}`);
  }
  // Callers mostly pass constant names: remember their lower-case forms.
  return (name) => lower.get(LOWER.get(name) ?? lowerOnce(name));
}

/** A request body read up to a limit (see `readLimited`). */
export interface LimitedBody {
  text: string;
  /** Bytes seen: the declared Content-Length when that alone is over the limit. */
  bytes: number;
  over: boolean;
}

/**
 * Reads a Fetch `Request` body up to a limit, without buffering more than limit + 1 bytes: enough to
 * use the body, or to know it is too large. Shared by the route handlers that accept bodies.
 */
export async function readLimited(request: Request, limit: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return { text: "", bytes: declared, over: true };
  const reader = request.body?.getReader();
  if (!reader) return { text: "", bytes: 0, over: false };
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return { text: "", bytes, over: true };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(all), bytes, over: false };
}
