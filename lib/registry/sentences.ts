/**
 * Sentences generated from registry facts, one rule each, so that every page, card and badge that
 * states the fact says it the same way. Pure functions: no React, no I/O.
 */

import type { Lifecycle } from "./index";

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp|No|Sec)\.$/;

/**
 * The first `count` sentences of `text`. A sentence ends at ".", "!" or "?" followed by a space and
 * an upper-case letter, a digit or an opening quote/bracket, except after an abbreviation such as
 * "e.g." or inside parentheses, so "headers (e.g. a new ETag) describe …" stays whole.
 */
export function firstSentences(text: string, count = 1): string {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length && out.length < count; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if ((ch === "." || ch === "!" || ch === "?") && depth === 0) {
      const next = text.slice(i + 1, i + 3);
      if (i + 1 < text.length && !/^\s[A-Z0-9"'“(\[`]/.test(next)) continue;
      if (ABBREVIATIONS.test(text.slice(Math.max(0, i - 8), i + 1))) continue;
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  if (out.length < count && start < text.length) {
    const rest = text.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out.join(" ");
}

/** What the Specification section says about a code no document defines (its `origin` is a noun phrase). */
export function unofficialSpecSentence(origin: string | undefined): string {
  const base = "Not defined by any specification and not in the IANA registry.";
  return origin ? `${base} Where it comes from: ${origin}.` : base;
}

/** The facts a caching sentence is generated from (a subset of StatusInfo, so tests can vary them). */
export interface CachingInput {
  code: number;
  official: boolean;
  finalResponse: boolean;
  heuristicallyCacheable: boolean;
  neverStore: boolean;
  specLink: { label: string } | null;
  cachingNote?: string | undefined;
}

export interface CachingFact {
  /** The rule, generated from the registry's flags. */
  rule: string;
  /** The sections the rule rests on, e.g. "RFC 9111 §3". */
  cite: string;
  /** What this code adds to the rule, from the registry's `cachingNote`. */
  note?: string;
}

/** What may make a cache store a response that is not heuristically cacheable (RFC 9111 §3). */
const EXPLICIT =
  "max-age, s-maxage (shared caches), Expires, public, private (a private cache only) or a cache extension that allows it";

/**
 * The caching sentence for a code, from one rule per case of RFC 9111 §3 ("Storing Responses in
 * Caches") and RFC 9110 §15.1 (which codes are heuristically cacheable):
 * interim responses are never stored; codes whose own RFC forbids storing; 304, which a cache uses to
 * update what it has; 206, which only a cache that understands ranges may store; heuristically
 * cacheable codes; other registered codes; and codes no RFC defines, which caches handle by the same
 * §3 rules as any final status (the "treat it as x00" fallback of RFC 9110 §15 is for clients).
 */
export function cachingFact(s: CachingInput): CachingFact {
  const withNote = (f: Omit<CachingFact, "note">): CachingFact =>
    s.cachingNote ? { ...f, note: s.cachingNote } : f;
  if (!s.finalResponse) {
    return withNote({
      rule: "An interim response: caches never store it, because only a final response can be stored.",
      cite: "RFC 9111 §3",
    });
  }
  if (s.neverStore) {
    return withNote({
      rule: "Caches must not store it, whatever its headers say.",
      cite: s.specLink?.label ?? "RFC 9111 §3",
    });
  }
  if (s.code === 304) {
    return withNote({
      rule: "Not stored as a response of its own: a cache that receives it updates the stored response it was validating, taking over the 304's header fields.",
      cite: "RFC 9111 §4.3.4",
    });
  }
  if (s.code === 206) {
    return withNote({
      rule: "Heuristically cacheable, but only a cache that understands ranges may store it, and it keeps it as an incomplete response that it can combine with others.",
      cite: "RFC 9111 §3, §3.3, RFC 9110 §15.1",
    });
  }
  if (!s.official) {
    return withNote({
      rule: `Not defined by any RFC, so never heuristically cacheable. A cache may store it only as it may store any final response: when the response carries ${EXPLICIT}; with must-understand, a cache that does not know the code must not store it. Falling back to the class's x00 is what clients do, not caches.`,
      cite: "RFC 9111 §3, §5.2.2.3, RFC 9110 §15",
    });
  }
  if (s.heuristicallyCacheable) {
    return withNote({
      rule: "Heuristically cacheable: without explicit freshness a cache may still store it and reuse it for a lifetime it estimates itself, typically a fraction of the time since Last-Modified. Send Cache-Control if that is not wanted.",
      // RFC 9110 §15.1 lists its own heuristically cacheable codes; others (451) are so by their RFC.
      cite: `${s.specLink?.label.startsWith("RFC 9110") !== false ? "RFC 9110 §15.1" : s.specLink.label}, RFC 9111 §4.2.2`,
    });
  }
  return withNote({
    rule: `Not heuristically cacheable: a cache may store it only when the response allows it explicitly, with ${EXPLICIT}.`,
    cite: "RFC 9111 §3",
  });
}

/** The badge text for each lifecycle. */
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  active: "Registered",
  deprecated: "Deprecated",
  reserved: "Reserved",
  "reserved-future": "Reserved for future use",
  obsoleted: "Obsoleted",
  temporary: "Temporary registration",
  unofficial: "Unofficial",
};

export interface LifecycleInput {
  lifecycle: Lifecycle;
  specLink: { label: string } | null;
  origin?: string | undefined;
  lifecycleNote?: string | undefined;
}

/** The lifecycle badge of a code: its label, and a sentence saying who says so. */
export function lifecycleBadge(s: LifecycleInput): { label: string; title: string } {
  const where = s.specLink?.label;
  const title = ((): string => {
    if (s.lifecycleNote) return s.lifecycleNote;
    switch (s.lifecycle) {
      case "active":
        return `In the IANA registry${where ? `, defined in ${where}` : ""}.`;
      case "reserved-future":
        return `In the IANA registry, but ${where ?? "its definition"} reserves it for future use and gives it no meaning yet.`;
      case "reserved":
        return `Listed by IANA as "(Unused)": it has no meaning and is not assigned${where ? ` (${where})` : ""}.`;
      case "deprecated":
        return `Deprecated${where ? ` (${where})` : ""}.`;
      case "obsoleted":
        return "IANA marks it OBSOLETED: its specification was moved to Historic.";
      case "temporary":
        return "A temporary IANA registration for an Internet-Draft: it can expire, and its meaning can change.";
      case "unofficial":
        return `Not in the IANA registry${s.origin ? `; where it comes from: ${s.origin}` : ""}.`;
    }
  })();
  return { label: LIFECYCLE_LABELS[s.lifecycle], title };
}
