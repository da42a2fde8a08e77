import { describe, expect, it } from "vitest";

import { allStatuses, getStatus, reasonPhrase } from "./index";
import { cachingFact, firstSentences, lifecycleBadge, unofficialSpecSentence } from "./sentences";

describe("firstSentences", () => {
  it("does not cut at e.g. or inside parentheses", () => {
    expect(firstSentences("Done; headers (e.g. a new ETag after PUT) describe it. Browsers stay.")).toBe(
      "Done; headers (e.g. a new ETag after PUT) describe it.",
    );
    expect(firstSentences("Switch (e.g. to WebSocket). Exists only in HTTP/1.1. More.", 2)).toBe(
      "Switch (e.g. to WebSocket). Exists only in HTTP/1.1.",
    );
  });
  it("cuts at a real sentence end and keeps a text without one", () => {
    expect(firstSentences("One. Two. Three.", 2)).toBe("One. Two.");
    expect(firstSentences("No full stop")).toBe("No full stop");
    expect(firstSentences("Version 1.1 only. Next.")).toBe("Version 1.1 only.");
  });
  it.each([101, 204, 226, 411, 424])("gives %i's notes a whole first sentence", (code) => {
    const first = firstSentences(getStatus(code)?.notes ?? "");
    expect(first).toMatch(/[.!?]$/);
    expect((first.match(/\(/g) ?? []).length).toBe((first.match(/\)/g) ?? []).length);
  });
  it("balances parentheses in every code's first sentence", () => {
    for (const s of allStatuses()) {
      const first = firstSentences(s.notes);
      expect((first.match(/\(/g) ?? []).length, `${s.code}: ${first}`).toBe(
        (first.match(/\)/g) ?? []).length,
      );
    }
  });
});

describe("unofficialSpecSentence", () => {
  it("reads as a sentence for every unofficial code (598 and 599 said 'a convention of Informal convention')", () => {
    for (const s of allStatuses().filter((x) => !x.official)) {
      const text = unofficialSpecSentence(s.origin);
      expect(text).not.toMatch(/convention of informal convention/i);
      expect(text).toMatch(/\.$/);
    }
    expect(unofficialSpecSentence(getStatus(598)?.origin)).toBe(
      "Not defined by any specification and not in the IANA registry. Where it comes from: Informal convention in status-code lists.",
    );
  });
});

describe("cachingFact", () => {
  const fact = (code: number) => {
    const s = getStatus(code);
    if (!s) throw new Error(`${code} missing`);
    return cachingFact(s);
  };

  it("gives every code a rule, and no code a hand-typed caching line any more", () => {
    for (const s of allStatuses()) {
      const f = cachingFact(s);
      expect(f.rule.length, String(s.code)).toBeGreaterThan(20);
      expect(f.cite).toMatch(/^RFC \d+/);
      expect(s).not.toHaveProperty("caching");
    }
  });

  it("does not send caches to the class's x00 for unofficial codes (RFC 9111 §3 applies)", () => {
    for (const s of allStatuses().filter((x) => !x.official)) {
      const f = cachingFact(s);
      expect(f.rule).not.toMatch(/caches treat it by its class/);
      expect(f.rule).toMatch(/never heuristically cacheable/);
      expect(f.rule).toMatch(/is what clients do, not caches/);
      expect(f.cite).toMatch(/RFC 9111 §3/);
    }
  });

  it("lists everything that allows storing a code that is not heuristically cacheable (RFC 9111 §3)", () => {
    for (const code of [201, 302, 307, 400, 500, 599]) {
      const rule = fact(code).rule;
      for (const word of [
        "max-age",
        "s-maxage",
        "Expires",
        "public",
        "private (a private cache only)",
        "cache extension",
      ])
        expect(rule, `${code}: ${word}`).toContain(word);
    }
  });

  it("follows each case of RFC 9111 §3", () => {
    expect(fact(103).rule).toMatch(/interim response: caches never store it/);
    expect(fact(429)).toMatchObject({ rule: expect.stringMatching(/must not store/), cite: "RFC 6585 §4" });
    expect(fact(304).cite).toBe("RFC 9111 §4.3.4");
    expect(fact(206).rule).toMatch(/only a cache that understands ranges/);
    expect(fact(200).rule).toMatch(/^Heuristically cacheable/);
    expect(fact(200).cite).toBe("RFC 9110 §15.1, RFC 9111 §4.2.2");
    // 451 is heuristically cacheable by its own RFC, not RFC 9110's list.
    expect(fact(451).cite).toBe("RFC 7725 §3, RFC 9111 §4.2.2");
  });

  it("keeps 407's exception for caches that key on the proxy's identity (RFC 9111 §3.1)", () => {
    expect(fact(407).note).toMatch(/Proxy-Authenticate/);
    expect(fact(407).note).toMatch(/unless it makes the proxy's identity part of the cache key/);
  });
});

describe("lifecycleBadge", () => {
  const badge = (code: number) => {
    const s = getStatus(code);
    if (!s) throw new Error(`${code} missing`);
    return lifecycleBadge(s);
  };
  it("calls 402 reserved for future use, as RFC 9110 §15.5.3 does, not plainly registered", () => {
    expect(badge(402)).toEqual({
      label: "Reserved for future use",
      title: expect.stringMatching(/RFC 9110 §15\.5\.3 reserves it for future use/),
    });
    expect(reasonPhrase(402)).toBe("Payment Required");
  });
  it("says 102's deprecation is this site's judgement, not IANA's", () => {
    expect(badge(102).label).toBe("Deprecated");
    expect(badge(102).title).toMatch(/this site's judgement.*IANA has no deprecation mark.*Appendix F\.3/);
  });
  it("labels 418 and 306 reserved, and puts the same name on the wire as in the heading", () => {
    for (const code of [306, 418]) {
      expect(badge(code).label).toBe("Reserved");
      expect(`(${reasonPhrase(code)})`).toBe(getStatus(code)?.reason);
    }
    expect(getStatus(418)?.formerReasons).toEqual([]);
  });
  it("has a label and a sentence for every code", () => {
    for (const s of allStatuses()) {
      const b = lifecycleBadge(s);
      expect(b.label.length).toBeGreaterThan(3);
      expect(b.title).toMatch(/\.$/);
    }
  });
});
