import { describe, expect, it } from "vitest";

import { slugify } from "./slug";

describe("slugify", () => {
  it("makes heading ids and problem type names", () => {
    expect(slugify("What it means")).toBe("what-it-means");
    expect(slugify("I'm a teapot")).toBe("i-m-a-teapot");
    expect(slugify("  401 vs. 403!  ")).toBe("401-vs-403");
    expect(slugify("---")).toBe("");
  });
});
