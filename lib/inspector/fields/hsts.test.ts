import { describe, expect, it } from "vitest";

import { parseHsts } from "./hsts";

describe("parseHsts (RFC 6797 §6.1)", () => {
  it("gives the directives in order, names lower-cased, values unquoted", () => {
    expect(parseHsts('Max-Age="31536000"; includeSubDomains; preload')).toEqual([
      { name: "max-age", value: "31536000" },
      { name: "includesubdomains", value: undefined },
      { name: "preload", value: undefined },
    ]);
  });

  it("keeps repeats (the check rejects them) and skips empty directives", () => {
    expect(parseHsts("max-age=1;; max-age=2 ;").map((d) => d.value)).toEqual(["1", "2"]);
  });

  it("has an empty value for max-age= and nothing for an empty field", () => {
    expect(parseHsts("max-age=")).toEqual([{ name: "max-age", value: "" }]);
    expect(parseHsts("")).toEqual([]);
  });
});
