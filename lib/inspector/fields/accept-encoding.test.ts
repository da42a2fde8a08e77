import { describe, expect, it } from "vitest";

import { acceptedCodings, canonicalCoding } from "./accept-encoding";

describe("acceptedCodings (RFC 9110 §12.5.3)", () => {
  it("maps each coding, lower-cased, to its q (1 when absent)", () => {
    expect([...acceptedCodings("GZip;q=0.5, br, *;q=0")]).toEqual([
      ["gzip", 0.5],
      ["br", 1],
      ["*", 0],
    ]);
  });

  it("keeps the first of a repeated coding and reads a q that is not a number as 0", () => {
    expect([...acceptedCodings("gzip;q=0.2, gzip, br;q=x")]).toEqual([
      ["gzip", 0.2],
      ["br", 0],
    ]);
  });

  it("reads x-gzip and x-compress as gzip and compress (§8.4.1.1, §8.4.1.3)", () => {
    expect([...acceptedCodings("x-gzip")]).toEqual([["gzip", 1]]);
    expect(canonicalCoding("x-compress")).toBe("compress");
    expect(canonicalCoding("x-br")).toBe("x-br");
  });
});
