import { describe, expect, it } from "vitest";

import {
  allStatuses,
  answersOnly,
  citeLinks,
  classOf,
  codesWithRow,
  endsAtHeaders,
  expectsHeader,
  followedRedirect,
  followMethod,
  forbidsContent,
  getStatus,
  headerRows,
  levelLabel,
  neverStore,
  neverStoredCodes,
  nothingReachesClient,
  reasonPhrase,
  RULE_LEVELS,
  rfcSectionUrl,
  sentByIntermediary,
  statusesByClass,
} from "./index";
import { cachingFact } from "./sentences";

const codesWhere = (pred: (s: ReturnType<typeof allStatuses>[number]) => boolean) =>
  allStatuses()
    .filter(pred)
    .map((s) => s.code);

describe("registry contents", () => {
  it("has the 64 IANA-registered codes and the 25 common unofficial ones", () => {
    expect(codesWhere((s) => s.official)).toHaveLength(64);
    expect(codesWhere((s) => !s.official)).toHaveLength(25);
  });

  it("is sorted and unique", () => {
    const codes = allStatuses().map((s) => s.code);
    expect(codes).toEqual([...new Set(codes)].sort((a, b) => a - b));
  });

  it("lists exactly RFC 9110 §15.1's heuristically cacheable codes, plus 451 (RFC 7725 §3)", () => {
    expect(codesWhere((s) => s.heuristicallyCacheable)).toEqual([
      200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501,
    ]);
  });

  it("forbids content on exactly 1xx, 204, 205 and 304 among registered codes", () => {
    expect(codesWhere((s) => s.official && !s.contentAllowed)).toEqual([
      100, 101, 102, 103, 104, 204, 205, 304,
    ]);
    // nginx 444 and 499 are log-only codes that never reach a client, so no content is ever sent.
    expect(codesWhere((s) => !s.official && !s.contentAllowed)).toEqual([444, 499]);
  });

  it("marks only 1xx as interim", () => {
    expect(codesWhere((s) => !s.finalResponse)).toEqual([100, 101, 102, 103, 104]);
  });

  it.each([
    [401, ["WWW-Authenticate"]],
    [405, ["Allow"]],
    [407, ["Proxy-Authenticate"]],
    [426, ["Upgrade", "Connection"]],
    [101, ["Upgrade", "Connection"]],
    [303, ["Location"]],
    [206, ["Content-Range"]],
    [226, ["ETag"]],
  ])("%i requires %j", (code, headers) => {
    expect(getStatus(code)?.requiredHeaders).toEqual(expect.arrayContaining(headers));
  });

  it("recommends Location on the redirects that carry one", () => {
    for (const code of [301, 302, 307, 308])
      expect(getStatus(code)?.recommendedHeaders).toContain("Location");
  });

  it("never requires a header it also forbids", () => {
    for (const s of allStatuses()) {
      for (const h of s.requiredHeaders) expect(s.forbiddenHeaders, `${s.code} ${h}`).not.toContain(h);
    }
  });

  it("forbids Content-Length and Transfer-Encoding on 1xx and 204 (RFC 9110 §8.6, RFC 9112 §6.1)", () => {
    for (const code of [100, 101, 102, 103, 104, 204]) {
      expect(getStatus(code)?.forbiddenHeaders).toEqual(
        expect.arrayContaining(["Content-Length", "Transfer-Encoding"]),
      );
    }
  });

  it("knows the lifecycle of the odd codes", () => {
    expect(codesWhere((s) => s.lifecycle === "deprecated")).toEqual([102, 305]);
    expect(codesWhere((s) => s.lifecycle === "reserved")).toEqual([306, 418]);
    expect(codesWhere((s) => s.lifecycle === "obsoleted")).toEqual([510]);
    expect(codesWhere((s) => s.lifecycle === "temporary")).toEqual([104]);
  });

  it("uses the current RFC 9110 reason phrases", () => {
    expect(getStatus(302)?.reason).toBe("Found");
    expect(getStatus(413)?.reason).toBe("Content Too Large");
    expect(getStatus(414)?.reason).toBe("URI Too Long");
    expect(getStatus(416)?.reason).toBe("Range Not Satisfiable");
    expect(getStatus(422)?.reason).toBe("Unprocessable Content");
    expect(getStatus(413)?.formerReasons.join(" ")).toMatch(/Payload Too Large/);
  });

  it("says 428, 429, 431 and 511 must never be stored (RFC 6585)", () => {
    for (const code of [428, 429, 431, 511]) {
      const s = getStatus(code);
      expect(s?.neverStore).toBe(true);
      if (s) expect(cachingFact(s).rule).toMatch(/must not store/);
    }
  });

  it("gives redirect facts for the 3xx codes", () => {
    expect(getStatus(301)?.redirect).toMatchObject({ permanent: true, autoFollowByBrowsers: true });
    expect(getStatus(307)?.redirect).toMatchObject({ permanent: false });
    expect(getStatus(308)?.redirect).toMatchObject({ permanent: true });
    expect(getStatus(304)?.redirect?.autoFollowByBrowsers).toBe(false);
  });

  it("links every official code's defining section, and no unofficial one", () => {
    for (const s of allStatuses()) {
      if (s.official && s.spec?.startsWith("RFC")) {
        expect(s.specLink?.url, String(s.code)).toMatch(
          /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#section-[\d.]+)?$/,
        );
      }
      if (!s.official) expect(s.specLink).toBeNull();
    }
    expect(getStatus(401)?.specLink).toEqual({
      label: "RFC 9110 §15.5.2",
      url: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
    });
    expect(getStatus(429)?.specLink?.url).toBe("https://www.rfc-editor.org/rfc/rfc6585#section-4");
  });

  it("only confuses codes with codes it knows", () => {
    for (const s of allStatuses())
      for (const c of s.oftenConfusedWith) expect(getStatus(c), `${s.code}→${c}`).toBeDefined();
    expect(getStatus(401)?.oftenConfusedWith).toContain(403);
  });

  it("groups by class in order", () => {
    const groups = statusesByClass();
    expect(groups.map((g) => g.cls)).toEqual(["1xx", "2xx", "3xx", "4xx", "5xx"]);
    expect(groups.reduce((n, g) => n + g.statuses.length, 0)).toBe(allStatuses().length);
    for (const g of groups) for (const s of g.statuses) expect(classOf(s.code)).toBe(g.cls);
  });
});

describe("typed rules", () => {
  const rules = allStatuses().flatMap((s) => s.headerRules.map((r) => ({ code: s.code, ...r })));

  it("gives every rule one of the five BCP 14 levels, and a qualifier where no keyword states it", () => {
    for (const r of rules) {
      expect(RULE_LEVELS, `${r.code} ${r.header}`).toContain(r.level);
      if (r.basis !== "keyword") expect(r.qualifier, `${r.code} ${r.header}`).toBeTruthy();
    }
    // The rule book's free-text levels survive as qualifiers, not lost.
    const c303 = rules.find((r) => r.code === 303 && r.header === "Location");
    expect(c303).toMatchObject({ level: "MUST", basis: "definition" });
    const c304 = rules.find((r) => r.code === 304 && r.header === "Content-Length");
    expect(levelLabel(c304!)).toBe("MAY (only if exact)");
    expect(rules.find((r) => r.code === 415 && r.header === "Accept-Encoding")).toMatchObject({
      basis: "advice",
    });
    expect(rules.find((r) => r.code === 408 && r.header === "Connection")).toMatchObject({
      basis: "practice",
      citeRole: "context",
    });
  });

  it("agrees with the header lists for every keyword rule about one field", () => {
    const list = {
      MUST: "requiredHeaders",
      SHOULD: "recommendedHeaders",
      MAY: "optionalHeaders",
      "MUST NOT": "forbiddenHeaders",
      "SHOULD NOT": "discouragedHeaders",
    } as const;
    // 206's multipart rules hold only for multipart/byteranges, so the lists follow the single-part case.
    // 415's Accept-Encoding is advised for a content-coding failure and forbidden for any other
    // (RFC 9110 §12.5.3), so the lists keep it optional and the rules say when.
    const conditional = (r: (typeof rules)[number]) =>
      (r.code === 206 && /multipart/.test(r.when)) || (r.code === 415 && r.header === "Accept-Encoding");
    for (const r of rules) {
      if (!/^[A-Za-z-]+$/.test(r.header) || r.header === "Date" || r.basis === "advice" || conditional(r))
        continue;
      expect(getStatus(r.code)?.[list[r.level]], `${r.code} ${r.level} ${r.header}`).toContain(r.header);
    }
  });

  it("puts Location on 201 and the redirects that carry one (RFC 9110 §10.2.2), and nowhere else", () => {
    expect(codesWithRow("Location")).toEqual([201, 300, 301, 302, 303, 307, 308]);
    expect(headerRows(405)).toMatchObject([{ header: "Allow", level: "MUST" }]);
    expect(headerRows(426).map((r) => r.header)).toEqual(["Upgrade", "Connection"]);
    expect(codesWithRow("Retry-After")).toEqual([429, 503]);
    for (const s of allStatuses())
      for (const row of headerRows(s.code)) {
        expect(s.forbiddenHeaders, `${s.code} ${row.header}`).not.toContain(row.header);
        expect(row.value.trim(), `${s.code} ${row.header}`).toBe(row.value);
      }
  });

  it("says which codes expect a header at MUST or SHOULD", () => {
    expect(expectsHeader(226, "ETag")).toBe(true);
    expect(expectsHeader(200, "ETag")).toBe(false);
    expect(expectsHeader(200, "ETag", "SHOULD")).toBe(true);
    expect(expectsHeader(401, "www-authenticate")).toBe(true);
  });

  it("marks exactly RFC 6585's 428, 429, 431 and 511 as never stored, citing their sections", () => {
    expect(neverStoredCodes()).toEqual([428, 429, 431, 511]);
    expect([428, 429, 431, 511].map((c) => neverStore(c)?.cite)).toEqual([
      "RFC 6585 §3",
      "RFC 6585 §4",
      "RFC 6585 §5",
      "RFC 6585 §6",
    ]);
    expect(neverStore(200)).toBeNull();
  });

  it("forbids content on 1xx, 204, 205 and 304 (RFC 9110 §15.3.6), not on 444/499, which are never sent", () => {
    expect(codesWhere((s) => forbidsContent(s.code))).toEqual([100, 101, 102, 103, 104, 204, 205, 304]);
    expect(forbidsContent(150)).toBe(true);
    expect(forbidsContent(299)).toBe(false);
  });

  it("ends 1xx, 204 and 304 at the header section (RFC 9112 §6.3); 205 is framed as usual", () => {
    expect(codesWhere((s) => endsAtHeaders(s.code))).toEqual([100, 101, 102, 103, 104, 204, 304]);
    expect(endsAtHeaders(205)).toBe(false);
    expect(endsAtHeaders(150)).toBe(true);
  });

  it("knows which redirects browsers follow by themselves", () => {
    expect(codesWhere((s) => followedRedirect(s.code))).toEqual([301, 302, 303, 307, 308]);
  });

  it("knows the method each redirect is followed with (RFC 9110 §15.4), and only for followed ones", () => {
    expect(codesWhere((s) => followMethod(s.code) === "kept")).toEqual([307, 308]);
    expect(codesWhere((s) => followMethod(s.code) === "get")).toEqual([303]);
    expect(codesWhere((s) => followMethod(s.code) === "post-may-become-get")).toEqual([301, 302]);
    expect(codesWhere((s) => followMethod(s.code) !== null)).toEqual(
      codesWhere((s) => followedRedirect(s.code)),
    );
  });

  it("knows which codes answer only a range request or a condition, citing their own section", () => {
    expect(codesWhere((s) => answersOnly(s.code)?.request === "range")).toEqual([206, 416]);
    expect(codesWhere((s) => answersOnly(s.code)?.request === "conditional")).toEqual([304]);
    for (const code of [206, 304, 416])
      expect(answersOnly(code)?.cite).toBe(getStatus(code)?.specLink?.label);
    expect(answersOnly(299)).toBeUndefined();
  });

  it("knows which codes an intermediary produces, not the application", () => {
    expect(codesWhere((s) => s.official && sentByIntermediary(s.code))).toEqual([502, 504]);
    for (const code of [520, 522, 524, 527, 530, 598, 599, 444, 499, 494])
      expect(sentByIntermediary(code), String(code)).toBe(true);
    // 529 is Qualys SSL Labs' own "overloaded", not a proxy's; 500 and 503 come from the application too.
    for (const code of [500, 503, 529, 511, 299]) expect(sentByIntermediary(code), String(code)).toBe(false);
  });

  it("types the rules that hold on every response with the code (\`always\`), as their words say", () => {
    const always = allStatuses().flatMap((s) =>
      s.headerRules.filter((r) => r.always).map((r) => `${s.code} ${r.level} ${r.header}`),
    );
    expect(always).toEqual([
      "101 MUST Upgrade",
      "226 MUST ETag",
      "226 MUST IM",
      "401 MUST WWW-Authenticate",
      "405 MUST Allow",
      "407 MUST Proxy-Authenticate",
      "426 MUST Upgrade",
    ]);
    for (const s of allStatuses())
      for (const r of s.headerRules) expect(/^always\b/.test(r.when), `${s.code} ${r.header}`).toBe(r.always);
  });

  it("knows the codes after which no response reaches the client (nginx's 444 and 499)", () => {
    expect(codesWhere((s) => nothingReachesClient(s.code))).toEqual([444, 499]);
  });
});

describe("reasonPhrase", () => {
  it("uses registered phrases and generic ones for unassigned codes", () => {
    expect(reasonPhrase(404)).toBe("Not Found");
    expect(reasonPhrase(510)).toBe("Not Extended");
    expect(reasonPhrase(418)).toBe("Unused");
    expect(reasonPhrase(402)).toBe("Payment Required");
    expect(reasonPhrase(299)).toBe("Unassigned Successful");
    expect(reasonPhrase(477)).toBe("Unassigned Client Error");
  });
  it("rejects codes outside 100-599", () => {
    expect(() => reasonPhrase(600)).toThrow(RangeError);
    expect(() => reasonPhrase(99)).toThrow(RangeError);
  });
});

describe("citeLinks", () => {
  it("splits a citation into one link per section", () => {
    expect(citeLinks("RFC 9110 §15.5.2, §11.6.1")).toEqual([
      { label: "RFC 9110 §15.5.2", url: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2" },
      { label: "RFC 9110 §11.6.1", url: "https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1" },
    ]);
  });
  it("handles several RFCs and appendices", () => {
    expect(citeLinks("RFC 9110 §15.4.9, RFC 7538 §3").map((l) => l.url)).toEqual([
      "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.9",
      "https://www.rfc-editor.org/rfc/rfc7538#section-3",
    ]);
    expect(citeLinks("RFC 9110 Appendix B.3")[0]?.url).toBe(
      "https://www.rfc-editor.org/rfc/rfc9110#appendix-B.3",
    );
  });
  it("links drafts and the IANA registry, and leaves vendor docs unlinked", () => {
    expect(citeLinks("draft-ietf-httpbis-resumable-upload")[0]?.url).toBe(
      "https://datatracker.ietf.org/doc/draft-ietf-httpbis-resumable-upload/",
    );
    expect(citeLinks("IANA HTTP Status Code Registry")[0]?.url).toMatch(/^https:\/\/www\.iana\.org\//);
    expect(citeLinks("Cloudflare docs")).toEqual([{ label: "Cloudflare docs", url: null }]);
  });
  it("builds section URLs", () => {
    expect(rfcSectionUrl(9111, "4.2.2")).toBe("https://www.rfc-editor.org/rfc/rfc9111#section-4.2.2");
    expect(rfcSectionUrl(6585)).toBe("https://www.rfc-editor.org/rfc/rfc6585");
  });
});
