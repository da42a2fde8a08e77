/** C. Caching and validation. */
import { neverStore, neverStoredCodes } from "../../registry";
import { cachePolicy, deltaSeconds, DELTA_DIRECTIVES, type Freshness } from "../cache-policy";
import type { Directive } from "../fields/cache-control";
import type { CheckDef, FindingDraft } from "../types";

import { judgeEach, parseHttpDate, splitList, TOKEN } from "./util";

/** Response directives that take no argument (RFC 9111 §5.2.2, RFC 8246 §2). */
const VALUELESS_DIRECTIVES = [
  "no-store",
  "public",
  "must-revalidate",
  "proxy-revalidate",
  "no-transform",
  "must-understand",
  "immutable",
];
/** Directives whose optional argument is a quoted list of field names (RFC 9111 §5.2.2.4, §5.2.2.7). */
const FIELD_LIST_DIRECTIVES = ["no-cache", "private"];
/** Directives only defined for requests (RFC 9111 §5.2.1). */
const REQUEST_ONLY_DIRECTIVES = ["max-stale", "min-fresh", "only-if-cached"];
const KNOWN_DIRECTIVES = [...DELTA_DIRECTIVES, ...VALUELESS_DIRECTIVES, ...FIELD_LIST_DIRECTIVES];

const DIRECTIVE_CITE: Record<string, string> = {
  "max-age": "RFC 9111 §5.2.2.1",
  "must-revalidate": "RFC 9111 §5.2.2.2",
  "must-understand": "RFC 9111 §5.2.2.3",
  "no-cache": "RFC 9111 §5.2.2.4",
  "no-store": "RFC 9111 §5.2.2.5",
  "no-transform": "RFC 9111 §5.2.2.6",
  private: "RFC 9111 §5.2.2.7",
  "proxy-revalidate": "RFC 9111 §5.2.2.8",
  public: "RFC 9111 §5.2.2.9",
  "s-maxage": "RFC 9111 §5.2.2.10",
  "stale-while-revalidate": "RFC 5861 §3",
  "stale-if-error": "RFC 5861 §4",
  immutable: "RFC 8246 §2",
};

/** "90 seconds" → "1.5 minutes"; whole units where possible. */
export function durationText(seconds: number): string {
  const units: [number, string][] = [
    [31536000, "year"],
    [86400, "day"],
    [3600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = seconds / size;
      const shown = Number.isInteger(n)
        ? String(n)
        : n < 10
          ? n.toFixed(1).replace(/\.0$/, "")
          : String(Math.round(n));
      return `${Number.isInteger(n) ? "" : "about "}${shown} ${name}${shown === "1" ? "" : "s"}`;
    }
  }
  return "0 seconds";
}

function freshText(f: Freshness): string {
  if (f.source === "heuristic") {
    return f.seconds === undefined
      ? "it has no explicit freshness, so each cache picks a heuristic lifetime of its own"
      : `it has no explicit freshness, so caches may guess one (typically 10% of the time since Last-Modified: ${durationText(f.seconds)})`;
  }
  if (f.source === "none") return "it has no freshness lifetime, so caches revalidate it before reusing it";
  if (f.seconds === 0) return `it is stale at once (${f.source}), so caches revalidate it before reusing it`;
  return `it stays fresh for ${durationText(f.seconds ?? 0)} (${f.source})`;
}

function freshShort(f: Freshness): string {
  if (f.source === "heuristic") return "heuristic freshness";
  if (f.seconds === 0) return "stale at once";
  return `fresh for ${durationText(f.seconds ?? 0)}`;
}

/** Levenshtein distance, for "did you mean" on misspelt directives. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The known directive within two edits of `name`, closest first; names far longer than any are skipped. */
function nearestKnown(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of KNOWN_DIRECTIVES) {
    if (Math.abs(k.length - name.length) >= bestDistance) continue;
    const n = distance(k, name);
    if (n < bestDistance) {
      best = k;
      bestDistance = n;
    }
  }
  return best;
}

const QUOTED = /^"(?:[^"\\]|\\.)*"$/;

function rawParts(d: Directive): { name: string; value: string | undefined } {
  const eq = d.raw.indexOf("=");
  return eq < 0
    ? { name: d.raw.trim(), value: undefined }
    : { name: d.raw.slice(0, eq).trim(), value: d.raw.slice(eq + 1).trim() };
}

/** One syntax problem of one directive, or null. */
function directiveProblem(d: Directive): FindingDraft | null {
  const { name, value } = rawParts(d);
  const cc = "Cache-Control";
  if (!TOKEN.test(name)) {
    return {
      severity: "error",
      title: `Cache-Control directive "${d.raw}" is malformed`,
      explanation:
        "A directive is a token, optionally followed by = and a token or quoted string. Caches will ignore or misread this one.",
      cite: "RFC 9111 §5.2",
      subject: cc,
    };
  }
  if (value !== undefined && !TOKEN.test(value) && !QUOTED.test(value)) {
    return {
      severity: "error",
      title: `${name} has a malformed value "${value}"`,
      explanation:
        "A directive's value must be a token or a quoted string (is a comma missing?). Caches will ignore or misread it.",
      cite: "RFC 9111 §5.2",
      subject: cc,
    };
  }
  const cite = DIRECTIVE_CITE[d.name] ?? "RFC 9111 §5.2";
  if (DELTA_DIRECTIVES.includes(d.name)) {
    if (value === undefined || !/^\d+$/.test(d.value ?? "")) {
      return {
        severity: "error",
        title: `${d.name} needs a number of seconds`,
        explanation: `"${d.raw}" is not ${d.name}=<seconds>. Caches will ignore it or treat the response as stale.`,
        cite,
        subject: cc,
      };
    }
    if (QUOTED.test(value)) {
      return {
        severity: "warning",
        title: `${d.name} value is quoted`,
        explanation: `Senders must write ${d.name}=${d.value ?? ""}, not the quoted form; some caches do not accept the quotes.`,
        cite,
        subject: cc,
      };
    }
  }
  if (VALUELESS_DIRECTIVES.includes(d.name) && value !== undefined) {
    return {
      severity: "warning",
      title: `${d.name} takes no value`,
      explanation: `"${d.raw}" gives ${d.name} an argument it does not have; caches may ignore the whole directive. Write just ${d.name}.`,
      cite,
      subject: cc,
    };
  }
  if (FIELD_LIST_DIRECTIVES.includes(d.name) && value !== undefined && !QUOTED.test(value)) {
    return {
      severity: "warning",
      title: `${d.name}=${value} should be quoted`,
      explanation: `The field-name form of ${d.name} is a quoted list (${d.name}="${value}"); some caches do not understand the unquoted form.`,
      cite,
      subject: cc,
    };
  }
  if (REQUEST_ONLY_DIRECTIVES.includes(d.name)) {
    return {
      severity: "warning",
      title: `${d.name} is a request directive`,
      explanation: `${d.name} only has a meaning in requests; caches ignore it in a response.`,
      cite: "RFC 9111 §5.2.1",
      subject: cc,
    };
  }
  if (!KNOWN_DIRECTIVES.includes(d.name)) {
    const near = d.name.length >= 5 ? nearestKnown(d.name) : undefined;
    if (near) {
      return {
        severity: "warning",
        title: `Unknown directive ${d.name}: did you mean ${near}?`,
        explanation: `Caches ignore directives they do not know, so ${d.name} has no effect.`,
        cite: "RFC 9111 §5.2.3",
        subject: cc,
      };
    }
    return null;
  }
  if (name !== d.name) {
    // httplint (CC_MISCAP) says capitalised directives are not recognised. RFC 9111 §5.2 makes directive
    // names case-insensitive, so this is only a style note.
    return {
      severity: "info",
      title: `${name} is not lower-case`,
      explanation: `Directive names are case-insensitive, but ${d.name} is the conventional spelling and what naive parsers look for.`,
      cite: "RFC 9111 §5.2",
      subject: cc,
    };
  }
  return null;
}

export const CACHING_CHECKS: CheckDef[] = [
  {
    id: "cache.summary",
    group: "caching",
    summary: "Who may store the response, and for how long it stays fresh",
    run(ctx) {
      if (ctx.status < 200 || ctx.status > 599) return null;
      const p = cachePolicy(ctx);
      if (ctx.status === 304) {
        return {
          severity: "info",
          title: "304: the client reuses its stored copy",
          explanation: `A 304 is not stored on its own: the cache keeps the response it already has and updates that copy's headers from these.${
            p.explicit && !p.noStore ? ` With them, ${freshText(p.freshness.private)}.` : ""
          }`,
          cite: "RFC 9111 §4.3.4, RFC 9110 §15.4.5",
        };
      }
      if (!p.methodCacheable) {
        const method = ctx.method ?? "";
        // RFC 9110 §9.3.3: POST responses are storable with explicit freshness and a matching
        // Content-Location, for reuse by a later GET or HEAD; no other unsafe method's are.
        const storable =
          method === "POST"
            ? "Caches store responses to GET and HEAD; a response to POST only when it has explicit freshness and a Content-Location naming the request's own URI, and then only to answer a later GET or HEAD."
            : `Caches store responses to GET and HEAD (and, under conditions, POST), not to ${method}.`;
        // RFC 9111 §4.4: only a non-error (2xx or 3xx) answer to an unsafe method invalidates.
        const unsafe = !["GET", "HEAD", "OPTIONS", "TRACE"].includes(method);
        const invalidation = !unsafe
          ? ""
          : ctx.status < 400
            ? ` Because this is a non-error answer to ${method}, caches also drop what they stored for this URL.`
            : ` An error answer like this one does not make caches drop what they stored for this URL: that happens only on a 2xx or 3xx.`;
        return {
          severity: "info",
          title: `Not reused by caches (response to ${method})`,
          explanation: storable + invalidation,
          cite: method === "POST" ? "RFC 9110 §9.3.3, RFC 9111 §3, §4.4" : "RFC 9111 §3, §4.4",
        };
      }
      if (p.noStore) {
        return {
          severity: "info",
          title: "Not stored by any cache (no-store)",
          explanation: "Browsers and shared caches must not keep a copy: every request goes to the server.",
          cite: "RFC 9111 §5.2.2.5",
          subject: "Cache-Control",
        };
      }
      const neverCite = neverStore(ctx.status)?.cite;
      if (neverCite) {
        return {
          severity: "info",
          title: `Never stored: caches must not keep a ${ctx.status}`,
          explanation: `RFC 6585 forbids caches to store ${ctx.status} responses, whatever their headers say.`,
          cite: neverCite,
        };
      }
      if (!p.storable.any) {
        return {
          severity: "info",
          title: "Not stored by caches",
          explanation: `${ctx.status} is not cacheable by default, and nothing (max-age, s-maxage, Expires, public) makes it cacheable.`,
          cite: "RFC 9111 §3, RFC 9110 §15.1",
        };
      }
      const who = !p.storable.shared
        ? p.isPrivate
          ? "Only the browser's own (private) cache may store it, not shared caches (private)."
          : "Only the browser's own cache may store it: the request carried Authorization, and nothing (public, s-maxage, must-revalidate) lets shared caches reuse it."
        : "Browsers and shared caches may store it.";
      const fp = p.freshness.private;
      const fs = p.freshness.shared;
      const differ = p.storable.shared && (fp.source !== fs.source || fp.seconds !== fs.seconds);
      let fresh: string;
      let short: string;
      if (p.noCache) {
        fresh = "They must revalidate it with the server before every reuse (no-cache).";
        short = "revalidated before every use";
      } else if (differ) {
        fresh = `In shared caches ${freshText(fs)}; in the browser ${freshText(fp)}.`;
        short = `${freshShort(fs)} in shared caches, ${freshShort(fp)} in browsers`;
      } else {
        const f = p.storable.shared ? fs : fp;
        fresh = `${freshText(f).replace(/^it/, "It")}.`;
        short = freshShort(f);
      }
      const extra: string[] = [];
      const age = deltaSeconds(ctx.get("age"));
      if (age !== undefined && age > 0)
        extra.push(`It has already spent ${durationText(age)} in a cache (Age).`);
      if (p.find("immutable") && !p.noCache)
        extra.push("Browsers that support immutable skip revalidation while it is fresh, even on reload.");
      if (p.find("must-revalidate"))
        extra.push("Once stale, it must be revalidated, never served stale (must-revalidate).");
      else if (p.find("proxy-revalidate") && p.storable.shared)
        extra.push("Once stale, shared caches must revalidate it (proxy-revalidate).");
      const swr = deltaSeconds(p.find("stale-while-revalidate")?.value);
      if (swr)
        extra.push(
          `After that it may be served stale for ${durationText(swr)} while the cache revalidates in the background.`,
        );
      const sie = deltaSeconds(p.find("stale-if-error")?.value);
      if (sie) extra.push(`If the server fails, a stale copy may be served for ${durationText(sie)}.`);
      const validators = [
        ctx.has("etag") ? "ETag" : "",
        ctx.has("last-modified") ? "Last-Modified" : "",
      ].filter(Boolean);
      extra.push(
        validators.length
          ? `Revalidation can use ${validators.join(" and ")}.`
          : "It has no validator, so revalidating means downloading it again.",
      );
      if (ctx.status === 206) extra.push("Only caches that understand ranges store partial content.");
      return {
        severity: "info",
        title: `${p.storable.shared ? "Cacheable" : "Cacheable by browsers only"}: ${short}`,
        explanation: [who, fresh, ...extra].join(" "),
        cite: `RFC 9111 §3, §4.2${p.freshness.private.source === "heuristic" ? ", §4.2.2" : ""}`,
      };
    },
  },
  {
    id: "cache.heuristic",
    group: "caching",
    summary: "Cacheable responses say how long they stay fresh instead of leaving it to caches",
    run(ctx) {
      const p = cachePolicy(ctx);
      // The heuristically cacheable codes come from the registry (RFC 9110 §15.1 plus 451, RFC 7725 §3):
      // 200 203 204 206 300 301 308 404 405 410 414 451 501. httplint's HEURISTIC_CACHEABLE_STATUS
      // (200 203 206 300 301 410) predates RFC 9110 and misses 204, 308, 404, 405, 414, 451 and 501.
      // A public directive also allows heuristic freshness on other codes (RFC 9111 §4.2.2).
      if (!p.storable.any || p.explicit || p.noCache || !(p.heuristicStatus || p.isPublic)) return null;
      const why = p.heuristicStatus ? `${ctx.status} is cacheable by default` : "public makes it cacheable";
      return {
        severity: "warning",
        title: `No explicit freshness: caches will guess (${why})`,
        explanation: `Caches may store it and pick a freshness lifetime themselves, often 10% of the time since Last-Modified. Say what you want: Cache-Control: max-age=<seconds>, no-cache (always revalidate) or no-store.`,
        cite: "RFC 9111 §4.2.2, RFC 9110 §15.1",
        subject: "Cache-Control",
      };
    },
  },
  {
    id: "cache.never-store-code",
    group: "caching",
    summary: `${neverStoredCodes()
      .join(", ")
      .replace(/, (\d+)$/, " and $1")} carry no directives that invite caching`,
    run(ctx) {
      const cite = neverStore(ctx.status)?.cite;
      if (!cite) return null;
      const p = cachePolicy(ctx);
      const inviting = [
        p.find("max-age") ? "max-age" : "",
        p.find("s-maxage") ? "s-maxage" : "",
        p.hasExpires ? "Expires" : "",
        p.isPublic ? "public" : "",
      ].filter(Boolean);
      if (inviting.length === 0 || p.noStore) return null;
      return {
        severity: "warning",
        title: `${ctx.status} with ${inviting.join(", ")}`,
        explanation: `Caches must not store a ${ctx.status}, but a cache unaware of that rule would follow these directives and keep serving the error. Send Cache-Control: no-store instead.`,
        cite,
        subject: p.hasExpires && inviting.length === 1 ? "Expires" : "Cache-Control",
      };
    },
  },
  {
    id: "cache.cc-invalid",
    group: "caching",
    summary:
      "Cache-Control directives are well-formed, have the right kind of value, and belong in a response",
    run(ctx) {
      const { directives } = cachePolicy(ctx);
      const out: FindingDraft[] = [];
      // Judged once per distinct directive: a repeated one gets the same finding (grouped later).
      const judged = new Map<string, FindingDraft | null>();
      for (const d of directives) {
        let problem = judged.get(d.raw);
        if (problem === undefined) {
          problem = directiveProblem(d);
          judged.set(d.raw, problem);
        }
        if (problem) out.push(problem);
      }
      const seen = new Map<string, Directive[]>();
      for (const d of directives) {
        const same = seen.get(d.name);
        if (same) same.push(d);
        else seen.set(d.name, [d]);
      }
      for (const [name, ds] of seen) {
        if (ds.length < 2 || !TOKEN.test(name)) continue;
        const values = new Set(ds.map((d) => d.value ?? ""));
        if (values.size > 1) continue; // Differing values: cache.cc-conflict.
        const freshness = DELTA_DIRECTIVES.includes(name);
        out.push({
          severity: freshness ? "warning" : "info",
          title: `${name} appears ${ds.length} times`,
          explanation: freshness
            ? `When a directive is repeated, caches either use the first one or treat the response as stale. Send ${name} once.`
            : `Repeating ${name} changes nothing; send it once.`,
          cite: "RFC 9111 §4.2.1, §5.2",
          subject: "Cache-Control",
        });
      }
      return out;
    },
  },
  {
    id: "cache.cc-conflict",
    group: "caching",
    summary: "Cache-Control directives do not contradict each other",
    run(ctx) {
      const p = cachePolicy(ctx);
      const out: FindingDraft[] = [];
      const cc = "Cache-Control";
      if (p.isPublic && p.find("private")) {
        out.push({
          severity: "error",
          title: "Both public and private",
          explanation:
            "The response cannot be both shareable and personal, and caches differ on which one they honour. Remove the one you do not mean (private, if the content is per user).",
          cite: "RFC 9111 §5.2.2.7, §5.2.2.9, §4.2.1",
          subject: cc,
        });
      }
      if (p.noStore) {
        const dead = [
          (p.maxAge ?? 0) > 0 ? "max-age" : "",
          (p.sMaxAge ?? 0) > 0 ? "s-maxage" : "",
          p.isPublic ? "public" : "",
        ].filter(Boolean);
        if (dead.length) {
          out.push({
            severity: "warning",
            title: `no-store together with ${dead.join(", ")}`,
            explanation: `no-store wins: nothing is stored, so ${dead.join(" and ")} has no effect. Keep the directive you mean.`,
            cite: "RFC 9111 §5.2.2.5, §4.2.1",
            subject: cc,
          });
        }
      } else if (p.noCache && ((p.maxAge ?? 0) > 0 || (p.sMaxAge ?? 0) > 0)) {
        out.push({
          severity: "warning",
          title: "no-cache together with a positive max-age",
          explanation:
            "no-cache makes caches revalidate before every reuse, so the freshness lifetime never applies. Use max-age alone to allow reuse, or no-cache alone to always revalidate.",
          cite: "RFC 9111 §5.2.2.4, §4.2.1",
          subject: cc,
        });
      }
      for (const name of ["max-age", "s-maxage"]) {
        const values = new Set(p.directives.filter((d) => d.name === name).map((d) => d.value ?? ""));
        if (values.size > 1) {
          out.push({
            severity: "warning",
            title: `${name} given with different values (${[...values].join(", ")})`,
            explanation:
              "Caches either take the first value or treat the response as stale, so caches will disagree. Send one value.",
            cite: "RFC 9111 §4.2.1",
            subject: cc,
          });
        }
      }
      return out;
    },
  },
  {
    id: "cache.immutable-without-freshness",
    group: "caching",
    summary: "immutable comes with a freshness lifetime it can apply to",
    run(ctx) {
      const p = cachePolicy(ctx);
      if (!p.find("immutable")) return null;
      let why: string | null = null;
      if (p.noStore) why = "no-store";
      else if (p.noCache) why = "no-cache";
      else if (p.maxAge === 0 && p.sMaxAge === undefined) why = "max-age=0";
      else if (!p.explicit) why = "no max-age or Expires";
      if (!why) return null;
      return {
        severity: "warning",
        title: `immutable has no effect with ${why}`,
        explanation:
          "immutable only tells browsers not to revalidate while the response is fresh; here it is never fresh. Pair it with a long max-age (for versioned URLs, e.g. max-age=31536000).",
        cite: "RFC 8246 §2",
        subject: "Cache-Control",
      };
    },
  },
  {
    id: "cache.public-unneeded",
    group: "caching",
    summary: "public is only used where it changes something",
    run(ctx) {
      const p = cachePolicy(ctx);
      if (!p.isPublic || p.noStore || p.find("private") || p.neverStore || p.authorized || !p.methodCacheable)
        return null;
      if (!p.explicit && !p.heuristicStatus) return null;
      return {
        severity: "info",
        title: "public is not needed here",
        explanation: `The response is already cacheable (${p.explicit ? "it has explicit freshness" : `${ctx.status} is cacheable by default`}). public only matters for answers to requests with Authorization${ctx.input.request ? "" : " (if your requests carry it, keep public)"}, or to make other codes cacheable.`,
        cite: "RFC 9111 §5.2.2.9, §3.5",
        subject: "Cache-Control",
      };
    },
  },
  {
    id: "cache.no-cache-no-validator",
    group: "caching",
    summary: "A no-cache response has an ETag or Last-Modified to revalidate with",
    run(ctx) {
      const p = cachePolicy(ctx);
      if (!p.noCache || !p.storable.any || ctx.has("etag") || ctx.has("last-modified")) return null;
      return {
        severity: "warning",
        title: "no-cache without ETag or Last-Modified",
        explanation:
          "Caches must check with the server before every reuse, but there is no validator to check with, so each reuse downloads the whole response again. Add an ETag, or use no-store if it should not be kept.",
        cite: "RFC 9111 §5.2.2.4, §4.3.1",
        subject: "Cache-Control",
      };
    },
  },
  {
    id: "cache.time-fields",
    group: "caching",
    summary: "Expires, Last-Modified and Age are valid and usable for freshness and age calculations",
    run(ctx) {
      const out: FindingDraft[] = [];
      const p = cachePolicy(ctx);
      const hasDate = ctx.has("date");
      const expires = ctx.get("expires");
      if (expires !== undefined) {
        const parsed = parseHttpDate(expires);
        if (!parsed) {
          // "0" and "-1" are the classic "already expired" values: invalid syntax, but caches must read any
          // invalid Expires as a past time, which is what the sender meant.
          const classic = /^-?\d+$/.test(expires.trim());
          out.push({
            severity: classic ? "info" : "warning",
            title: classic ? `Expires: ${expires} means "already expired"` : "Expires is not an HTTP date",
            explanation: classic
              ? "Caches read an invalid Expires as a time in the past, so this works. Cache-Control (no-cache, max-age=0) says it properly."
              : `Caches read "${expires}" as a time in the past, so the response is stale at once. Use the form Sun, 06 Nov 1994 08:49:37 GMT, or Cache-Control: max-age.`,
            cite: "RFC 9111 §5.3, RFC 9110 §5.6.7",
            subject: "Expires",
          });
        } else {
          if (parsed.form !== "imf-fixdate") {
            out.push({
              severity: "info",
              title: "Expires uses an obsolete date format",
              explanation:
                "Recipients still accept it, but senders must use the IMF-fixdate form, e.g. Sun, 06 Nov 1994 08:49:37 GMT.",
              cite: "RFC 9110 §5.6.7",
              subject: "Expires",
            });
          }
          if (!hasDate) {
            out.push({
              severity: "warning",
              title: "Expires without Date",
              explanation:
                "Freshness is Expires minus Date; without Date each cache uses the time it received the response, so clock skew shifts the lifetime. An origin without a clock must not send a future Expires. Send Date, or use max-age.",
              cite: "RFC 9111 §4.2.1, §5.3, RFC 9110 §6.6.1",
              subject: "Expires",
            });
          }
        }
        if (p.find("max-age") || p.find("s-maxage")) {
          out.push({
            severity: "info",
            title: "Expires is ignored: max-age takes precedence",
            explanation:
              "Caches that understand max-age (or s-maxage) must ignore Expires; it only serves very old HTTP/1.0 caches.",
            cite: "RFC 9111 §5.3, §4.2.1",
            subject: "Expires",
          });
        }
      }
      const lm = ctx.get("last-modified");
      if (lm !== undefined) {
        const parsed = parseHttpDate(lm);
        if (!parsed) {
          out.push({
            severity: "warning",
            title: "Last-Modified is not an HTTP date",
            explanation: `Caches cannot revalidate with "${lm}" (If-Modified-Since) or derive heuristic freshness from it.`,
            cite: "RFC 9110 §8.8.2, §5.6.7",
            subject: "Last-Modified",
          });
        } else {
          if (parsed.form !== "imf-fixdate") {
            out.push({
              severity: "info",
              title: "Last-Modified uses an obsolete date format",
              explanation:
                "Recipients still accept it, but senders must use the IMF-fixdate form, e.g. Sun, 06 Nov 1994 08:49:37 GMT.",
              cite: "RFC 9110 §5.6.7",
              subject: "Last-Modified",
            });
          }
          if (!hasDate) {
            out.push({
              severity: "warning",
              title: "Last-Modified without Date",
              explanation:
                "Without Date, caches cannot relate Last-Modified to the server's clock (heuristic freshness, clock checks). An origin without a clock must not invent Last-Modified values. Send Date.",
              cite: "RFC 9110 §6.6.1, §8.8.2.1",
              subject: "Last-Modified",
            });
          }
        }
      }
      for (const age of ctx.all("age")) {
        if (!/^\d+$/.test(age.trim())) {
          out.push({
            severity: "error",
            title: `Age "${age}" is not a non-negative integer`,
            explanation:
              "Age is a number of seconds. Caches cannot use this value to work out how old the response is.",
            cite: "RFC 9111 §5.1",
            subject: "Age",
          });
        } else if (Number(age) > 31536000) {
          out.push({
            severity: "warning",
            title: `Age of ${durationText(Number(age))} is implausible`,
            explanation:
              "A response more than a year old in a cache usually means a cache miscounted; every cache will treat it as stale.",
            cite: "RFC 9111 §5.1, §4.2.3",
            subject: "Age",
          });
        }
      }
      return out;
    },
  },
  {
    id: "cache.pragma",
    group: "caching",
    summary: "Responses use Cache-Control rather than Pragma",
    run(ctx) {
      const v = ctx.get("pragma");
      if (v === undefined) return null;
      const alone = !ctx.has("cache-control");
      return {
        severity: alone ? "warning" : "info",
        title: alone ? `Pragma: ${v} without Cache-Control` : `Pragma: ${v} is redundant`,
        explanation: alone
          ? "Pragma has no defined meaning in responses and is deprecated; caches may ignore it and store the response. Use Cache-Control (no-cache or no-store)."
          : "Pragma has no defined meaning in responses and is deprecated; Cache-Control already says what caches should do, so Pragma can go.",
        cite: "RFC 9111 §5.4",
        subject: "Pragma",
      };
    },
  },
  {
    id: "cache.auth-shared",
    group: "caching",
    needsRequest: true,
    summary: "An answer to an authenticated request is shareable only on purpose",
    run(ctx) {
      const p = cachePolicy(ctx);
      if (!p.authorized || !p.storable.shared) return null;
      const by = [
        p.isPublic ? "public" : "",
        p.find("s-maxage") ? "s-maxage" : "",
        p.find("must-revalidate") ? "must-revalidate" : "",
      ].filter(Boolean);
      return {
        severity: "info",
        title: `Shared caches may reuse this answer to an authenticated request (${by.join(", ")})`,
        explanation:
          "The request carried Authorization, yet these directives let proxies and CDNs serve the response to other users. Fine for content that is the same for everyone; otherwise send private or no-store.",
        cite: "RFC 9111 §3.5",
        subject: "Cache-Control",
      };
    },
  },
  {
    id: "cache.validators-missing",
    group: "caching",
    summary: "A 200 to GET or HEAD carries ETag or Last-Modified",
    run(ctx) {
      if (ctx.status !== 200 || (ctx.method !== undefined && ctx.method !== "GET" && ctx.method !== "HEAD"))
        return null;
      if (ctx.has("etag") || ctx.has("last-modified")) return null;
      const p = cachePolicy(ctx);
      // Without a stored copy nothing is ever revalidated; no-cache without validators is cache.no-cache-no-validator.
      if (p.noStore || p.noCache) return null;
      return {
        severity: "info",
        title: "No ETag or Last-Modified",
        explanation:
          'Without a validator, clients and caches cannot ask "has it changed?" (If-None-Match, If-Modified-Since): every refresh downloads it in full. Send an ETag if you can.',
        cite: "RFC 9110 §8.8.2, §8.8.3, §13.1",
      };
    },
  },
  {
    id: "cache.etag-syntax",
    group: "caching",
    summary: "ETag is a quoted opaque tag, optionally with W/",
    run(ctx) {
      // Repeated ETag lines and folded lists are hdr.singleton-repeated; here each value's syntax.
      const values = ctx.all("etag").flatMap((line) => {
        const items = splitList(line);
        return items.length ? items : [line];
      });
      return judgeEach(values, (v): FindingDraft | null => {
        const tag = v.trim();
        if (/^(W\/)?"[^"\s\p{Cc}]*"$/u.test(tag)) return null;
        let why: string;
        if (tag === "*") why = "* is only meaningful in If-Match / If-None-Match, not as a tag";
        else if (/^w\//.test(tag)) why = "the weak prefix is case-sensitive: W/, not w/";
        else if (/^W\/\s/.test(tag)) why = "there must be no space after W/";
        else if (!/^(W\/)?".*"$/.test(tag)) why = "the tag must be in double quotes";
        else why = "the quoted tag may not contain spaces, double quotes or control characters";
        return {
          severity: "error",
          title: `ETag ${tag || "(empty)"} is malformed`,
          explanation: `${why[0]?.toUpperCase() ?? ""}${why.slice(1)}. Caches and clients will send it back in a form that never matches, so conditional requests fail. Example: ETag: "v42" or W/"v42".`,
          cite: "RFC 9110 §8.8.3",
          subject: "ETag",
        };
      });
    },
  },
  {
    id: "cache.304-representation-headers",
    group: "caching",
    summary: "A 304 does not carry Content-Type, Content-Encoding or Content-Language",
    run(ctx) {
      if (ctx.status !== 304) return null;
      return ["Content-Type", "Content-Encoding", "Content-Language"]
        .filter((n) => ctx.has(n))
        .map((n) => ({
          severity: "warning" as const,
          title: `${n} on a 304`,
          explanation: `A 304 updates the headers of the cached copy, so ${n} here would overwrite that copy's metadata. Send only the validators and cache headers a 200 would carry.`,
          cite: "RFC 9110 §15.4.5, RFC 9111 §4.3.4",
          subject: n,
        }));
    },
  },
];
