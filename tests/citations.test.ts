/**
 * The prose cites the registry's section for the registry's rule (issue 13): a page that restates a
 * header rule, or says where its code is defined, and cites another section of the same RFC fails.
 */
import { describe, expect, it } from "vitest";

import { citationMismatches } from "@/lib/content/citations";
import { listContentCodes, readStatusPage } from "@/lib/content";
import { getStatus } from "@/lib/registry";

function status(code: number) {
  const s = getStatus(code);
  if (!s) throw new Error(`${code} missing`);
  return s;
}

describe("prose citations agree with the registry", () => {
  it.each(listContentCodes())("/%i", (code) => {
    const page = readStatusPage(code);
    expect(citationMismatches(status(code), page?.body ?? "")).toEqual([]);
  });
});

describe("the check itself", () => {
  it("catches a header rule cited at another section of the same RFC", () => {
    const wrong = "A 415 unrelated to codings must not carry `Accept-Encoding` (RFC 9110 §15.5.16).";
    expect(citationMismatches(status(415), wrong)).toMatchObject([
      { rule: "MUST NOT Accept-Encoding", registry: ["RFC 9110 §12.5.3"], prose: ["RFC 9110 §15.5.16"] },
    ]);
    const right = "A 415 unrelated to codings must not carry `Accept-Encoding` (RFC 9110 §12.5.3).";
    expect(citationMismatches(status(415), right)).toEqual([]);
  });

  it("catches a definition cited at the wrong section", () => {
    expect(citationMismatches(status(505), "505 is defined in RFC 9110 §2.5.")).toMatchObject([
      { rule: "definition", registry: ["RFC 9110 §15.6.6"] },
    ]);
    expect(citationMismatches(status(505), "505 is defined in RFC 9110 §15.6.6.")).toEqual([]);
  });

  it("accepts a subsection and ignores other RFCs and sentences without the keyword", () => {
    expect(citationMismatches(status(206), "A 206 must send `Content-Range` (RFC 9110 §14.4.1).")).toEqual(
      [],
    );
    expect(citationMismatches(status(415), "`Accept-Encoding` is described in RFC 9110 §15.5.16.")).toEqual(
      [],
    );
    expect(
      citationMismatches(status(415), "It must not carry `Accept-Encoding` (RFC 7231 §6.5.13)."),
    ).toEqual([]);
  });
});
