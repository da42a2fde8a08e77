import { describe, expect, it } from "vitest";

import { parseContentRange } from "./content-range";

describe("parseContentRange (RFC 9110 §14.4)", () => {
  it("reads a byte range, with a known or unknown complete length", () => {
    expect(parseContentRange("bytes 0-9/26")).toEqual({
      kind: "range",
      unit: "bytes",
      first: 0,
      last: 9,
      length: 26,
    });
    expect(parseContentRange("bytes 5-9/*")).toMatchObject({ kind: "range", length: null });
  });
  it("reads the unsatisfied form a 416 uses", () => {
    expect(parseContentRange("bytes */1024")).toEqual({ kind: "unsatisfied", unit: "bytes", length: 1024 });
  });
  it("leaves other units alone and refuses what is not a Content-Range", () => {
    expect(parseContentRange("items 1-2/5")).toEqual({ kind: "other-unit", unit: "items" });
    expect(parseContentRange("0-9/26")).toMatchObject({ kind: "invalid", reason: "no-unit" });
    expect(parseContentRange("bytes 0-9")).toMatchObject({ kind: "invalid", reason: "bad-bytes-range" });
  });
});
