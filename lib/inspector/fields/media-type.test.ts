import { describe, expect, it } from "vitest";

import { mediaType } from "./media-type";

describe("mediaType (RFC 9110 §8.3.1)", () => {
  it("is the type/subtype, lower-cased, without parameters", () => {
    expect(mediaType("Text/HTML; charset=UTF-8")).toBe("text/html");
    expect(mediaType(" application/problem+json ")).toBe("application/problem+json");
    expect(mediaType(undefined)).toBeUndefined();
  });
});
