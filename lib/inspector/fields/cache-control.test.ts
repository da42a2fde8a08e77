import { describe, expect, it } from "vitest";

import { parseCacheControl } from "./cache-control";

describe("parseCacheControl (RFC 9111 §5.2)", () => {
  it("gives each directive its lower-cased name, unquoted value and raw text, in order", () => {
    expect(parseCacheControl('Max-Age=60, no-cache="Set-Cookie", public')).toEqual([
      { name: "max-age", value: "60", raw: "Max-Age=60" },
      { name: "no-cache", value: "Set-Cookie", raw: 'no-cache="Set-Cookie"' },
      { name: "public", value: undefined, raw: "public" },
    ]);
  });
  it("has nothing for an absent or empty field", () => {
    expect(parseCacheControl(undefined)).toEqual([]);
    expect(parseCacheControl(" , ")).toEqual([]);
  });
  it("keeps repeated directives (the policy takes the first, RFC 9111 §4.2.1)", () => {
    expect(parseCacheControl("max-age=1, max-age=2").map((d) => d.value)).toEqual(["1", "2"]);
  });
});
