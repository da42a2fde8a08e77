/**
 * Content-Security-Policy (CSP Level 3 §2.2.1, "parse a serialized CSP"): a field value holds one or
 * more comma-separated policies, each a list of semicolon-separated directives, a directive its name
 * and a whitespace-separated source list. Linear in the value: each separator splits once.
 */

export interface Policy {
  /** Directive name (lower case) to its source list; the first occurrence wins, as in browsers. */
  directives: Map<string, string[]>;
  /** Directive names that are not even syntactically names (browsers skip them). */
  malformed: string[];
  /** Well-formed names no browser knows (typos). */
  unknown: string[];
}

/** The directive names CSP and its companions define (Trusted Types, fenced frames), retired ones too. */
export const CSP_DIRECTIVES = new Set([
  "default-src",
  "script-src",
  "script-src-elem",
  "script-src-attr",
  "style-src",
  "style-src-elem",
  "style-src-attr",
  "img-src",
  "font-src",
  "connect-src",
  "media-src",
  "object-src",
  "frame-src",
  "child-src",
  "worker-src",
  "manifest-src",
  "prefetch-src",
  "fenced-frame-src",
  "base-uri",
  "form-action",
  "frame-ancestors",
  "navigate-to",
  "sandbox",
  "report-uri",
  "report-to",
  "upgrade-insecure-requests",
  "block-all-mixed-content",
  "require-trusted-types-for",
  "trusted-types",
  "plugin-types",
  "require-sri-for",
  "webrtc",
]);

/** CSP keywords that only work in single quotes; unquoted they name a host. */
export const CSP_KEYWORDS = new Set([
  "self",
  "none",
  "unsafe-inline",
  "unsafe-eval",
  "strict-dynamic",
  "unsafe-hashes",
  "report-sample",
  "wasm-unsafe-eval",
]);

/** Each field value may hold several comma-separated policies; every one of them is enforced. */
export function parseCsp(values: string[]): Policy[] {
  return values
    .flatMap((v) => v.split(","))
    .map((text) => {
      const policy: Policy = { directives: new Map(), malformed: [], unknown: [] };
      for (const raw of text.split(";")) {
        const tokens = raw
          .trim()
          .split(/[\t\n\f\r ]+/)
          .filter(Boolean);
        const first = tokens[0];
        if (!first) continue;
        const name = first.toLowerCase();
        if (!/^[a-z0-9-]+$/.test(name)) policy.malformed.push(first);
        else if (!CSP_DIRECTIVES.has(name)) policy.unknown.push(first);
        else if (!policy.directives.has(name)) policy.directives.set(name, tokens.slice(1));
      }
      return policy;
    })
    .filter((p) => p.directives.size > 0 || p.malformed.length > 0 || p.unknown.length > 0);
}
