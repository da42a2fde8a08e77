import { describe, expect, it } from "vitest";

import { varyMembers, varyNames } from "./vary";

describe("Vary (RFC 9110 §12.5.5)", () => {
  it("gives the members of every field line as written, in order", () => {
    expect(varyMembers(["Accept-Encoding, Origin", "User-Agent"])).toEqual([
      "Accept-Encoding",
      "Origin",
      "User-Agent",
    ]);
  });

  it("gives the field names lower-cased for comparison, * included, duplicates kept", () => {
    expect(varyNames(["Accept, *", "accept"])).toEqual(["accept", "*", "accept"]);
  });

  it("has no members for an absent or empty field", () => {
    expect(varyMembers([])).toEqual([]);
    expect(varyMembers([" , "])).toEqual([]);
  });
});
