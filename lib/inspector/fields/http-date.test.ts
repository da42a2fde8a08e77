import { describe, expect, it } from "vitest";

import { isDelaySeconds, parseHttpDate } from "./http-date";

describe("parseHttpDate (RFC 9110 §5.6.7)", () => {
  const when = Date.UTC(1994, 10, 6, 8, 49, 37);
  it("reads the three forms and says which one it was", () => {
    expect(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")).toEqual({
      date: new Date(when),
      form: "imf-fixdate",
    });
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT")).toEqual({ date: new Date(when), form: "rfc850" });
    expect(parseHttpDate("Sun Nov  6 08:49:37 1994")).toEqual({ date: new Date(when), form: "asctime" });
  });
  it("refuses anything else", () => {
    for (const v of [undefined, "", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "1994-11-06T08:49:37Z"])
      expect(parseHttpDate(v), String(v)).toBeNull();
  });
  it("knows delay-seconds (Retry-After)", () => {
    expect(isDelaySeconds(" 120 ")).toBe(true);
    expect(isDelaySeconds("-1")).toBe(false);
    expect(isDelaySeconds("1.5")).toBe(false);
  });
});
