/**
 * Request-level hardening for the production server, before any router runs: request targets that
 * would reach Next as absolute URLs or undecodable paths (issue 10, items 5 and 6), and the CSP every
 * /api answer carries (item 7).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { PROBLEM_JSON, problem } from "../lib/problem";
import { vetTarget } from "../lib/request-target";
import { API_CSP as SIMULATOR_CSP } from "../lib/simulator/headers";

import { simulatorSegment } from "./fast-path";

/** API answers are data, never documents: nothing may load from or frame them. */
export const API_CSP = SIMULATOR_CSP;

/**
 * A path under Next's private-folder convention (`_name` is never a route), so Next renders the site's
 * 404 page for it.
 */
export const NOT_FOUND_PATH = "/_malformed-url";

/**
 * Vets the request target. Returns false when it answered the request itself; otherwise the request
 * goes on, with `req.url` reduced to origin-form where it was an absolute URL for this host, or
 * pointed at the 404 page when its path does not decode.
 */
export function vetRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const v = vetTarget(req.method ?? "GET", req.url ?? "", req.headers.host);
  if (v.kind === "ok") {
    req.url = v.url;
    // The simulator's answers carry the CSP themselves (lib/simulator/headers.ts): a header set here
    // would send every one of them down Node's slower merge of set and written headers.
    if ((v.url.startsWith("/api/") || v.url === "/api") && simulatorSegment(v.url) === undefined)
      res.setHeader("Content-Security-Policy", API_CSP);
    return true;
  }
  if (v.kind === "asterisk") {
    res.writeHead(204, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", "Content-Length": "0" });
    res.end();
    return false;
  }
  if (v.reason === "path" && !v.api) {
    req.url = NOT_FOUND_PATH;
    return true;
  }
  const body = JSON.stringify(
    problem(400, v.detail, { invalidParams: [{ name: "request-target", reason: v.detail }] }),
    null,
    2,
  );
  res.writeHead(400, {
    "Content-Type": PROBLEM_JSON,
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    "Content-Security-Policy": API_CSP,
    "X-Content-Type-Options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return false;
}
