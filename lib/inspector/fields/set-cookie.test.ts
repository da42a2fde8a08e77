import { describe, expect, it } from "vitest";

import { cookiePrefix, parseSetCookie } from "./set-cookie";

describe("parseSetCookie (RFC 6265 §5.2)", () => {
  it("splits name=value from the attributes, names lower-cased", () => {
    const c = parseSetCookie("sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax");
    expect(c.name).toBe("sid");
    expect(c.value).toBe("abc");
    expect(c.hasEquals).toBe(true);
    expect([...c.attrs]).toEqual([
      ["path", "/"],
      ["secure", ""],
      ["httponly", ""],
      ["samesite", "Lax"],
    ]);
  });

  it("keeps the last of a repeated attribute (RFC 6265 §5.3)", () => {
    expect(parseSetCookie("a=b; Path=/x; path=/").attrs.get("path")).toBe("/");
  });

  it("reads a pair without '=' as a nameless value", () => {
    expect(parseSetCookie("token; Secure")).toMatchObject({ name: "", value: "token", hasEquals: false });
  });

  it("keeps '=' inside the value and trims around it", () => {
    expect(parseSetCookie(" a = b=c ; Max-Age = 5")).toMatchObject({ name: "a", value: "b=c" });
    expect(parseSetCookie("a=b; Max-Age = 5").attrs.get("max-age")).toBe("5");
  });
});

describe("cookiePrefix (RFC 6265bis §4.1.3)", () => {
  it("recognises __Host- and __Secure-, whatever their case", () => {
    expect(cookiePrefix("__Host-sid")).toBe("__Host-");
    expect(cookiePrefix("__secure-sid")).toBe("__Secure-");
    expect(cookiePrefix("sid")).toBeUndefined();
    expect(cookiePrefix("_Host-sid")).toBeUndefined();
  });
});
