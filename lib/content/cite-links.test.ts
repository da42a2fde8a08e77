import { describe, expect, it } from "vitest";

import { linkCitations } from "./cite-links";

const links = (text: string) =>
  linkCitations(text).flatMap((n) =>
    n.type === "link" ? [[n.children[0]?.type === "text" ? n.children[0].value : "", n.url]] : [],
  );

describe("linkCitations", () => {
  it("links an RFC section to the RFC Editor", () => {
    expect(links("a malformed request is a 400 (RFC 6750 §3.1).")).toEqual([
      ["RFC 6750 §3.1", "https://www.rfc-editor.org/rfc/rfc6750#section-3.1"],
    ]);
    expect(linkCitations("a 400 (RFC 6750 §3.1).").map((n) => n.type)).toEqual(["text", "link", "text"]);
  });

  it("links a following bare section into the same RFC, an appendix, and a whole RFC", () => {
    expect(links("RFC 9110 §15.5.2, §11.6.1 and RFC 9112 Appendix C, see RFC 7538.")).toEqual([
      ["RFC 9110 §15.5.2", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"],
      ["§11.6.1", "https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1"],
      ["RFC 9112 Appendix C", "https://www.rfc-editor.org/rfc/rfc9112#appendix-C"],
      ["RFC 7538", "https://www.rfc-editor.org/rfc/rfc7538"],
    ]);
  });

  it("leaves a section sign without an RFC before it, and plain text, as they are", () => {
    expect(linkCitations("see §3 of the spec")).toEqual([{ type: "text", value: "see §3 of the spec" }]);
    expect(links("RFC 9110 §15 says so; later, §3 of another text")).toEqual([
      ["RFC 9110 §15", "https://www.rfc-editor.org/rfc/rfc9110#section-15"],
    ]);
  });
});
