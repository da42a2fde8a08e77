/**
 * Vetting a request target (RFC 9112 §3.2) before any router sees it. Pure: no Node or Next imports.
 *
 * - origin-form (`/path?query`) passes when its path is valid percent-encoded UTF-8;
 * - absolute-form (`http://host/path`) is reduced to origin-form when its authority is the Host the
 *   request names (RFC 9112 §3.2.2: a server must then use the target's authority), and refused
 *   otherwise: Next would otherwise answer `308 Location: http://other-host/…`, an open redirect;
 * - asterisk-form (`*`) only means something with OPTIONS, answered without a router;
 * - anything else (a path that does not decode, a scheme that is not http(s)) is refused.
 */

export type TargetVerdict =
  | { kind: "ok"; url: string }
  | { kind: "asterisk" }
  | {
      kind: "refuse";
      status: 400;
      /** `path`: a path that does not decode; `target`: not a path or an absolute URL for this host. */
      reason: "path" | "target";
      detail: string;
      /** Whether the target is under /api (answered with problem+json, elsewhere the 404 page). */
      api: boolean;
    };

/** True when the path (before `?`) percent-decodes to valid UTF-8. */
export function pathDecodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function isApi(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function vetOriginForm(url: string): TargetVerdict {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (!pathDecodes(path))
    return {
      kind: "refuse",
      status: 400,
      reason: "path",
      detail: "The request path is not valid percent-encoding (each % must start a UTF-8 byte as %XX).",
      api: isApi(path),
    };
  return { kind: "ok", url };
}

/**
 * Vets `target` (the request line's target, as Node's `req.url` has it) for a request whose Host
 * header is `host`.
 */
export function vetTarget(method: string, target: string, host: string | undefined): TargetVerdict {
  if (target.startsWith("/")) return vetOriginForm(target);
  if (target === "*") {
    if (method === "OPTIONS") return { kind: "asterisk" };
    return {
      kind: "refuse",
      status: 400,
      reason: "target",
      detail: "The target * is only for OPTIONS.",
      api: false,
    };
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(target)?.[1]?.toLowerCase();
  if (scheme !== "http" && scheme !== "https")
    return {
      kind: "refuse",
      status: 400,
      reason: "target",
      detail: "The request target must be a path, or an absolute http(s) URL for this host.",
      api: false,
    };
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return {
      kind: "refuse",
      status: 400,
      reason: "target",
      detail: "The request target is not a valid URL.",
      api: false,
    };
  }
  const authority = target.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? "";
  if (host === undefined || authority.toLowerCase() !== host.toLowerCase() || parsed.username !== "")
    return {
      kind: "refuse",
      status: 400,
      reason: "target",
      detail: "This server does not proxy: an absolute request target must name the host it is sent to.",
      api: isApi(parsed.pathname),
    };
  // The raw path and query, as sent (URL would normalise dot segments and re-encode).
  const rest = target.slice(scheme.length + 3 + authority.length).replace(/#.*$/s, "");
  return vetOriginForm(rest === "" || rest.startsWith("?") ? `/${rest}` : rest);
}
