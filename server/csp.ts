/**
 * Per-page script hashes for the Content-Security-Policy (see lib/csp.ts). Pages stay static: the
 * server reads each HTML answer Next sends, hashes its inline scripts, sets the policy, and
 * compresses the page itself (Next is asked for identity so the HTML can be read). Static pages
 * have an ETag, so the policy and compressed bytes are computed once per page and encoding.
 *
 * Only page requests are handled here (not /api, /_next, files with an extension, or RSC
 * fetches, which carry no inline scripts); anything that turns out not to be HTML passes through.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

import { inlineScripts, pagePolicy } from "../lib/csp";

type Encoding = "br" | "gzip" | "identity";

interface Prepared {
  csp: string;
  bodies: Partial<Record<Encoding, Buffer>>;
}

const CACHE_SIZE = 256;
const cache = new Map<string, Prepared>();

function remember(key: string, value: Prepared): void {
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

export function policyFor(html: string): string {
  return pagePolicy(inlineScripts(html).map((s) => createHash("sha256").update(s, "utf8").digest("base64")));
}

function pick(acceptEncoding: string | undefined): Encoding {
  const a = (acceptEncoding ?? "").toLowerCase();
  const allows = (name: string) => new RegExp(`(^|[,\\s])${name}(?!;\\s*q=0(\\.0+)?\\b)`).test(a);
  if (allows("br")) return "br";
  if (allows("gzip")) return "gzip";
  return "identity";
}

function encode(body: Buffer, enc: Encoding): Buffer {
  if (enc === "br") return brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
  if (enc === "gzip") return gzipSync(body, { level: 6 });
  return body;
}

/** Whether this request is for a page (the only answers with inline scripts). */
export function isPageRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  if (/\.[A-Za-z0-9]+$/.test(path)) return false;
  return req.headers["rsc"] === undefined;
}

/**
 * Installs the interception on a page request's response; call before handing it to Next.
 * Buffers the answer, then, for HTML, sets the hashed policy and compresses.
 */
export function hashPageScripts(req: IncomingMessage, res: ServerResponse): void {
  if (!isPageRequest(req)) return;
  const accept = req.headers["accept-encoding"];
  req.headers["accept-encoding"] = "identity";
  const orig = { writeHead: res.writeHead, write: res.write, end: res.end };
  type End = (this: ServerResponse, chunk?: Buffer, cb?: () => void) => ServerResponse;
  const finish = (body: Buffer | undefined, cb: unknown) =>
    (orig.end as End).call(res, body, typeof cb === "function" ? (cb as () => void) : undefined);
  const chunks: Buffer[] = [];
  let head: { status: number; message?: string; headers?: OutgoingHttpHeaders } | undefined;

  res.writeHead = function (status: number, a?: unknown, b?: unknown) {
    const message = typeof a === "string" ? a : undefined;
    const headers = (typeof a === "string" ? b : a) as OutgoingHttpHeaders | undefined;
    head = { status, message, headers };
    return res;
  } as ServerResponse["writeHead"];
  res.write = function (chunk: unknown, enc?: unknown, cb?: unknown) {
    if (chunk !== undefined && chunk !== null)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, enc as BufferEncoding));
    if (typeof enc === "function") (enc as () => void)();
    else if (typeof cb === "function") (cb as () => void)();
    return true;
  } as ServerResponse["write"];
  res.end = function (chunk?: unknown, enc?: unknown, cb?: unknown) {
    if (typeof chunk === "function") {
      cb = chunk;
      chunk = undefined;
    } else if (typeof enc === "function") {
      cb = enc;
      enc = undefined;
    }
    if (chunk !== undefined && chunk !== null)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, enc as BufferEncoding));
    res.writeHead = orig.writeHead;
    res.write = orig.write;
    res.end = orig.end;
    if (head?.headers)
      for (const [n, v] of Object.entries(head.headers)) if (v !== undefined) res.setHeader(n, v);
    if (head) res.statusCode = head.status;
    if (head?.message) res.statusMessage = head.message;
    const body = Buffer.concat(chunks);
    const type = String(res.getHeader("content-type") ?? "");
    const already = res.getHeader("content-encoding");
    const html = type.startsWith("text/html");
    if (!html || (already !== undefined && already !== "identity") || body.length === 0) {
      // A HEAD (or empty) page answer gets the policy its GET had, or one that allows no inline script.
      if (html) {
        const etag = res.getHeader("etag");
        const known = etag !== undefined ? cache.get(`${req.url} ${String(etag)}`) : undefined;
        res.setHeader("Content-Security-Policy", known?.csp ?? pagePolicy([]));
      }
      if (body.length > 0 && !res.hasHeader("transfer-encoding"))
        res.setHeader("Content-Length", body.length);
      return finish(body.length > 0 ? body : undefined, cb);
    }
    const encoding = pick(typeof accept === "string" ? accept : undefined);
    const etag = res.getHeader("etag");
    const key = etag !== undefined ? `${req.url} ${String(etag)}` : "";
    let prepared = key ? cache.get(key) : undefined;
    if (!prepared) {
      prepared = { csp: policyFor(body.toString("utf8")), bodies: {} };
      if (key) remember(key, prepared);
    }
    const out = (prepared.bodies[encoding] ??= encode(body, encoding));
    res.setHeader("Content-Security-Policy", prepared.csp);
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
    res.removeHeader("Transfer-Encoding");
    res.setHeader("Content-Length", out.length);
    return finish(req.method === "HEAD" ? undefined : out, cb);
  } as ServerResponse["end"];
}
