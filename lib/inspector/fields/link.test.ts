import { describe, expect, it } from "vitest";

import { linkRels, parseLink } from "./link";

describe("parseLink (RFC 8288 §3)", () => {
  it("gives each link's target, parameters and relation types", () => {
    const links = parseLink(['<https://example.com/legal>; rel="blocked-by"; title="Court order"']);
    expect(links).toEqual([
      {
        target: "https://example.com/legal",
        rel: ["blocked-by"],
        params: new Map([
          ["rel", "blocked-by"],
          ["title", "Court order"],
        ]),
      },
    ]);
  });

  it("reads several links per line and per field, with commas inside targets and quoted values", () => {
    const links = parseLink(['</a,b>; rel=preload; title="x, y", </c>; rel="next"', "</d>;rel=prev"]);
    expect(links.map((l) => [l.target, l.rel])).toEqual([
      ["/a,b", ["preload"]],
      ["/c", ["next"]],
      ["/d", ["prev"]],
    ]);
    expect(links[0]?.params.get("title")).toBe("x, y");
  });

  it("splits rel into lower-cased relation types and keeps the first rel (§3.3)", () => {
    expect(parseLink(['</x>; rel="Preload Blocked-By"; rel=next'])[0]?.rel).toEqual([
      "preload",
      "blocked-by",
    ]);
  });

  it("unescapes quoted values and lower-cases parameter names", () => {
    expect(parseLink(['</x>; Title="a \\"b\\""'])[0]?.params.get("title")).toBe('a "b"');
  });

  it("skips an element without a <target> and goes on with the next", () => {
    expect(parseLink(['rel="blocked-by", </ok>; rel=next']).map((l) => l.target)).toEqual(["/ok"]);
    expect(parseLink(["<unterminated; rel=next"])).toEqual([]);
  });

  it("collects the relation types of every link", () => {
    expect(linkRels(['</a>; rel=preload, </b>; rel="blocked-by"'])).toEqual(
      new Set(["preload", "blocked-by"]),
    );
    expect(linkRels([])).toEqual(new Set());
  });
});
