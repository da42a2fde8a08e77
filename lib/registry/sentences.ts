/**
 * Sentences generated from registry facts, one rule each, so that every page, card and badge that
 * states the fact says it the same way. Pure functions: no React, no I/O.
 */

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
