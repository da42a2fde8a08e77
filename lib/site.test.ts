import { describe, expect, it } from "vitest";

import { LOCAL_SITE_URL, parseSiteUrl } from "./site";

describe("parseSiteUrl", () => {
  it("defaults to the local server when unset or blank", () => {
    expect(parseSiteUrl(undefined)).toBe(LOCAL_SITE_URL);
    expect(parseSiteUrl("  ")).toBe(LOCAL_SITE_URL);
  });
  it("keeps an origin, dropping a trailing slash and normalising case", () => {
    expect(parseSiteUrl("https://Status.Example.com/")).toBe("https://status.example.com");
    expect(parseSiteUrl("http://localhost:8080")).toBe("http://localhost:8080");
  });
  it.each([
    ["status.example.com", /absolute/],
    ["ftp://example.com", /http or https/],
    ["https://example.com/docs", /origin only/],
    ["https://example.com/?a=1", /origin only/],
    ["https://user:pw@example.com", /origin only/],
  ])("refuses %s", (value, reason) => {
    expect(() => parseSiteUrl(value)).toThrow(reason);
  });
});
