/**
 * The pages' Content-Security-Policy (issue 10, item 7). Scripts run only from this origin or when
 * their exact text is listed by hash: Next inlines its bootstrap and RSC payload scripts, and the
 * layout inlines the theme script, so the server hashes the inline scripts of each HTML page it
 * sends (server/csp.ts). An injected inline script, or an event-handler attribute, does not run.
 * Pure: hashing is left to the caller.
 */

/** Directives every page gets; script-src is added per page. */
const BASE = [
  "default-src 'self'",
  // React and Next set style attributes; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The text of every inline script in an HTML document, as the browser hashes it (the raw text
 * between the tags: script content is never entity-decoded). Scripts with `src` are left out.
 */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1] ?? "";
    if (/\ssrc\s*=/i.test(` ${attrs}`)) continue;
    out.push(m[2] ?? "");
  }
  return out;
}

/** The policy for a page whose inline scripts have these base64 SHA-256 digests. */
export function pagePolicy(sha256Base64: readonly string[]): string {
  const hashes = [...new Set(sha256Base64)].map((h) => `'sha256-${h}'`);
  return [BASE[0], ["script-src 'self'", ...hashes].join(" "), ...BASE.slice(1)].join("; ");
}

/**
 * The policy `next dev` and a bare `next start` send (next.config.ts): the same directives, with inline
 * scripts allowed, since only the production server knows each page's hashes.
 */
export function fallbackPolicy(): string {
  return [BASE[0], "script-src 'self' 'unsafe-inline'", ...BASE.slice(1)].join("; ");
}
