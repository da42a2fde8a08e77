import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  allStatuses,
  citeLinks,
  classOf,
  getStatus,
  reasonPhrase,
  rfcSectionUrl,
  statusesByClass,
} from "./index";
import data from "./status-rules.json";

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
    for (const code of [428, 429, 431, 511]) expect(getStatus(code)?.caching).toMatch(/MUST NOT/);
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

  it("matches the shared rule book it was copied from, when that is present", () => {
    const shared = path.resolve(process.cwd(), "../shared/reference/status-rules.json");
    if (!fs.existsSync(shared)) return; // outside the workspace there is nothing to compare with
    expect(JSON.parse(fs.readFileSync(shared, "utf8"))).toEqual(data);
  });
});

describe("reasonPhrase", () => {
  it("uses registered phrases and generic ones for unassigned codes", () => {
    expect(reasonPhrase(404)).toBe("Not Found");
    expect(reasonPhrase(510)).toBe("Not Extended");
    expect(reasonPhrase(418)).toBe("I'm a teapot");
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
