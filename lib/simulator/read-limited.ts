/**
 * Reads a Fetch `Request` body up to a limit, without buffering more than limit + 1 bytes: enough to
 * use the body, or to know it is too large. Shared by the route handlers that accept bodies.
 */
export interface LimitedBody {
  text: string;
  /** Bytes seen: the declared Content-Length when that alone is over the limit. */
  bytes: number;
  over: boolean;
}

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
