/**
 * The simulator's options: query parameters, most of which may also be sent as `Simulate-*` request
 * headers (the query wins). Every bad value is reported with the parameter's name and the rule it broke.
 */
import { TOKEN } from "../http";
import type { InvalidParam } from "../problem";

import { parseImfFixdate } from "./validators";

export const MAX_DELAY_MS = 10_000;
export const MAX_EXTRA_HEADERS = 20;
export const MAX_HEADER_NAME = 64;
export const MAX_HEADER_VALUE = 1024;
export const MAX_LOCATION = 2048;
export const MAX_ECHO_BYTES = 64 * 1024;
export const MAX_CHOICES = 20;
export const MAX_WEIGHT = 1000;
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * The response headers a caller may set with `header`: the ones a status-code test needs. Anything
 * else is refused with a 400 naming it: an allow-list, because headers that act on the whole origin
 * (NEL, Report-To, Clear-Site-Data, Alt-Svc, Set-Cookie, CSP, X-Accel-Redirect, ...) keep being
 * invented and a deny-list cannot keep up. Framing, CORS, content type and redirects stay the
 * simulator's.
 */
export const ALLOWED_HEADERS: readonly string[] = [
  "Cache-Control",
  "Expires",
  "ETag",
  "Last-Modified",
  "Retry-After",
  "WWW-Authenticate",
  "Proxy-Authenticate",
  "Allow",
  "Accept-Patch",
  "Accept-Post",
  "Content-Language",
  "Link",
  "Deprecation",
  "Sunset",
  "RateLimit",
  "RateLimit-Policy",
  "Preference-Applied",
  "Server-Timing",
];
const ALLOWED = new Set(ALLOWED_HEADERS.map((h) => h.toLowerCase()));

/** `X-*` headers are application headers and allowed, except these, which servers, proxies or browsers act on. */
const REFUSED_X = [
  "x-accel-",
  "x-sendfile",
  "x-lighttpd-",
  "x-litespeed-",
  "x-forwarded-",
  "x-middleware-",
  "x-nextjs-",
  "x-vercel-",
  "x-amz-",
  "x-real-ip",
  "x-content-type-options",
  "x-frame-options",
  "x-xss-protection",
  "x-dns-prefetch-control",
  "x-permitted-cross-domain-policies",
  "x-robots-tag",
  "x-ua-compatible",
  "x-download-options",
];

/** The link relations a `Link` header may carry: pagination, preload hints, 451's blocked-by, ... */
export const ALLOWED_LINK_RELS: readonly string[] = [
  "preload",
  "blocked-by",
  "next",
  "prev",
  "previous",
  "first",
  "last",
  "describedby",
  "deprecation",
  "sunset",
  "help",
];

/** Why a caller may not set this header, or undefined when it may. */
function refusedHeader(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (ALLOWED.has(lower)) return undefined;
  if (lower.startsWith("x-") && !REFUSED_X.some((p) => lower.startsWith(p))) return undefined;
  return `${name} is not a header this simulator lets you set (allowed: ${ALLOWED_HEADERS.join(", ")} and X-* application headers)`;
}

/** Splits a Link value into link-values at commas outside <...> and quoted strings. */
function linkValues(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === "<") depth++;
    else if (ch === ">") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out.map((v) => v.trim()).filter((v) => v !== "");
}

/** Why a Link value is refused: targets are same-origin paths, relations from ALLOWED_LINK_RELS. */
function refusedLink(value: string): string | undefined {
  const values = linkValues(value);
  if (values.length === 0) return "Link needs at least one <target>; rel=...";
  for (const v of values) {
    const m = /^<([^>]*)>((?:\s*;[^;]*)*)$/.exec(v);
    if (!m) return `Link value "${v.slice(0, 40)}" is not <target>; rel=...`;
    const target = m[1] ?? "";
    if (!target.startsWith("/") || target.startsWith("//"))
      return `Link targets must be same-origin paths starting with a single / (not "${target.slice(0, 40)}")`;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(m[2] ?? "");
    const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    if (rels.length === 0) return "every Link value needs a rel";
    const bad = rels.find((r) => !ALLOWED_LINK_RELS.includes(r));
    if (bad) return `Link rel=${bad} is not allowed (allowed: ${ALLOWED_LINK_RELS.join(", ")})`;
  }
  return undefined;
}

export type BodyFormat = "json" | "problem" | "text";

export interface SimOptions {
  delayMs: number;
  /** Extra response headers, in order. */
  headers: [string, string][];
  location: string | undefined;
  authScheme: "bearer" | "basic";
  retryAfter: string | undefined;
  seed: number | undefined;
  /** Which draw of the seeded sequence to use; undefined: the next one. */
  draw: number | undefined;
  /** Explicit format (query `format`); undefined: negotiate from Accept. */
  format: BodyFormat | undefined;
}

export const DEFAULT_OPTIONS: SimOptions = {
  delayMs: 0,
  headers: [],
  location: undefined,
  authScheme: "bearer",
  retryAfter: undefined,
  seed: undefined,
  draw: undefined,
  format: undefined,
};

/** The options users may send, with the header that can carry each one. For the docs and OpenAPI. */
export const OPTION_DOCS: { name: string; header?: string; schema: string; description: string }[] = [
  {
    name: "delay",
    header: "Simulate-Delay",
    schema: `integer 0-${MAX_DELAY_MS}`,
    description:
      "Wait this many milliseconds before answering. Delayed requests are capped in number; over the cap the answer is 503 with Retry-After.",
  },
  {
    name: "header",
    schema: `Name:value, repeatable, at most ${MAX_EXTRA_HEADERS}`,
    description: `Add a response header, one of: ${ALLOWED_HEADERS.join(", ")}, or an X-* application header (not X-Accel-*, X-Sendfile, X-Forwarded-* and the X- headers browsers act on). Link targets must be same-origin paths with rel ${ALLOWED_LINK_RELS.join(", ")}. Values: printable ASCII, at most ${MAX_HEADER_VALUE} characters. A header the simulator also sets (Cache-Control, Retry-After, ETag, ...) is replaced by yours; with a Cache-Control that allows storing, request headers are no longer echoed. Any other name is a 400 naming it.`,
  },
  {
    name: "location",
    header: "Simulate-Location",
    schema: `same-origin path, at most ${MAX_LOCATION} characters`,
    description:
      "Where a 201 or 3xx points. Must start with a single / (never another site: the simulator is no open redirect).",
  },
  {
    name: "auth",
    header: "Simulate-Auth",
    schema: "bearer | basic",
    description:
      "The WWW-Authenticate scheme of a 401. basic makes browsers show a login dialog, so it is opt-in.",
  },
  {
    name: "retry-after",
    header: "Simulate-Retry-After",
    schema: `integer 0-${MAX_RETRY_AFTER_SECONDS} or an IMF-fixdate`,
    description: "The Retry-After value (on 429 and 503 by default; sent on any code when given).",
  },
  {
    name: "seed",
    header: "Simulate-Seed",
    schema: "integer 0-4294967295",
    description:
      "With several weighted codes (/api/status/200:3,503:1), makes the sequence of answers repeatable: the Nth request with a seed gets the Nth draw.",
  },
  {
    name: "draw",
    header: "Simulate-Draw",
    schema: "integer 0-1000000",
    description: "With seed, which draw of the sequence to answer with (stateless; parallel tests use it).",
  },
  {
    name: "format",
    schema: "json | problem | text",
    description:
      "The body format; by default it follows Accept (application/json, application/problem+json, text/plain). A 4xx or 5xx answers problem+json unless format=json or text is asked for.",
  },
];

type Result = { ok: true; options: SimOptions } | { ok: false; invalid: InvalidParam[] };

function intIn(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : null;
}

/** Query parameters that are not options are simply echoed in the diagnostic body. */
const KNOWN = new Set(OPTION_DOCS.map((o) => o.name));

/**
 * Reads the options from the query and the request headers.
 * `query` is the raw search params; `header(name)` returns a request header's value or undefined.
 */
const OPTION_HEADERS = OPTION_DOCS.flatMap((o) => (o.header ? [o.header] : []));

export function parseOptions(query: URLSearchParams, header: (name: string) => string | undefined): Result {
  // The common case: no option in the query (other parameters are only echoed) and no Simulate-* header.
  let anyOption = false;
  for (const key of query.keys()) if (KNOWN.has(key)) anyOption = true;
  if (!anyOption && OPTION_HEADERS.every((h) => header(h) === undefined))
    return { ok: true, options: { ...DEFAULT_OPTIONS, headers: [] } };
  const invalid: InvalidParam[] = [];
  const options: SimOptions = { ...DEFAULT_OPTIONS, headers: [] };
  const pick = (name: string): string | undefined => {
    const fromQuery = query.getAll(name);
    if (fromQuery.length > 1) {
      invalid.push({ name, reason: "give this parameter once" });
      return undefined;
    }
    if (fromQuery.length === 1) return fromQuery[0];
    const doc = OPTION_DOCS.find((o) => o.name === name);
    return doc?.header ? header(doc.header) : undefined;
  };

  const delay = pick("delay");
  if (delay !== undefined) {
    const n = intIn(delay, 0, MAX_DELAY_MS);
    if (n === null)
      invalid.push({
        name: "delay",
        reason: `must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}`,
      });
    else options.delayMs = n;
  }

  const extra = query.getAll("header");
  if (extra.length > MAX_EXTRA_HEADERS)
    invalid.push({ name: "header", reason: `at most ${MAX_EXTRA_HEADERS} headers` });
  else {
    for (const item of extra) {
      const colon = item.indexOf(":");
      const name = colon > 0 ? item.slice(0, colon).trim() : "";
      const value = colon > 0 ? item.slice(colon + 1).trim() : "";
      if (!name) invalid.push({ name: "header", reason: `"${item.slice(0, 40)}" is not Name:value` });
      else if (!TOKEN.test(name) || name.length > MAX_HEADER_NAME)
        invalid.push({
          name: "header",
          reason: `"${name.slice(0, 40)}" is not a valid header name (a token of at most ${MAX_HEADER_NAME} characters)`,
        });
      else if (/[\r\n\0]/.test(value) || /[\x00-\x08\x0a-\x1f\x7f]/.test(value))
        invalid.push({
          name: "header",
          reason: `the value of ${name} contains CR, LF, NUL or another control character`,
        });
      else if (/[^\x20-\x7e\t]/.test(value))
        invalid.push({
          name: "header",
          reason: `the value of ${name} is not printable ASCII (percent-encode other characters)`,
        });
      else if (value.length > MAX_HEADER_VALUE)
        invalid.push({
          name: "header",
          reason: `the value of ${name} is longer than ${MAX_HEADER_VALUE} characters`,
        });
      else {
        const why = refusedHeader(name) ?? (name.toLowerCase() === "link" ? refusedLink(value) : undefined);
        if (why) invalid.push({ name: "header", reason: why });
        else options.headers.push([name, value]);
      }
    }
  }

  const location = pick("location");
  if (location !== undefined) {
    if (
      !location.startsWith("/") ||
      location.startsWith("//") ||
      /[\\\s\x00-\x1f\x7f]/.test(location) ||
      location.length > MAX_LOCATION
    ) {
      invalid.push({
        name: "location",
        reason: `must be a same-origin path starting with a single / (no //, backslash, spaces or control characters), at most ${MAX_LOCATION} characters`,
      });
    } else {
      // Non-ASCII characters are percent-encoded (RFC 3986 §2.1): a header value is bytes, not text.
      options.location = location.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
    }
  }

  const auth = pick("auth");
  if (auth !== undefined) {
    const a = auth.trim().toLowerCase();
    if (a === "basic" || a === "bearer") options.authScheme = a;
    else invalid.push({ name: "auth", reason: "must be bearer or basic" });
  }

  const retryAfter = pick("retry-after");
  if (retryAfter !== undefined) {
    const t = retryAfter.trim();
    if (intIn(t, 0, MAX_RETRY_AFTER_SECONDS) !== null || parseImfFixdate(t) !== null) options.retryAfter = t;
    else
      invalid.push({
        name: "retry-after",
        reason: `must be seconds from 0 to ${MAX_RETRY_AFTER_SECONDS} or an HTTP-date such as Wed, 21 Oct 2026 07:28:00 GMT`,
      });
  }

  const seed = pick("seed");
  if (seed !== undefined) {
    const n = intIn(seed, 0, 4_294_967_295);
    if (n === null) invalid.push({ name: "seed", reason: "must be a whole number from 0 to 4294967295" });
    else options.seed = n;
  }

  const draw = pick("draw");
  if (draw !== undefined) {
    const n = intIn(draw, 0, 1_000_000);
    if (n === null) invalid.push({ name: "draw", reason: "must be a whole number from 0 to 1000000" });
    else if (options.seed === undefined && seed === undefined)
      invalid.push({ name: "draw", reason: "needs a seed" });
    else options.draw = n;
  }

  const format = query.getAll("format");
  if (format.length > 1) invalid.push({ name: "format", reason: "give this parameter once" });
  else if (format.length === 1) {
    const f = format[0]?.trim().toLowerCase();
    if (f === "json" || f === "problem" || f === "text") options.format = f;
    else invalid.push({ name: "format", reason: "must be json, problem or text" });
  }

  return invalid.length ? { ok: false, invalid } : { ok: true, options };
}

/** Picks the body format from Accept when none was given (RFC 9110 §12.5.1, q-values honoured). */
export function negotiateFormat(accept: string | undefined): BodyFormat {
  // The common cases, without parsing.
  if (!accept || accept === "*/*" || accept === "application/json") return "json";
  const ranges = accept.split(",").map((part) => {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const qv = q ? Number(q.slice(2)) : 1;
    return { type: type.trim(), q: Number.isFinite(qv) ? qv : 0 };
  });
  const quality = (t: string) => {
    const [major] = t.split("/");
    let best = -1;
    let specificity = -1;
    for (const r of ranges) {
      const s = r.type === t ? 2 : r.type === `${major}/*` ? 1 : r.type === "*/*" ? 0 : -1;
      if (s > specificity) {
        specificity = s;
        best = r.q;
      }
    }
    return best;
  };
  const candidates: [BodyFormat, string][] = [
    ["problem", "application/problem+json"],
    ["json", "application/json"],
    ["text", "text/plain"],
  ];
  let chosen: BodyFormat = "json";
  let bestQ = 0;
  for (const [format, type] of candidates) {
    const q = quality(type);
    // Only an explicit mention picks problem+json or text; */* keeps the JSON default.
    const explicit = ranges.some((r) => r.type === type);
    if (q > bestQ && (format === "json" || explicit)) {
      bestQ = q;
      chosen = format;
    }
  }
  return chosen;
}
