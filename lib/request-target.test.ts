import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { vetTarget } from "./request-target";

describe("vetTarget", () => {
  it("passes origin-form targets that decode", () => {
    expect(vetTarget("GET", "/401", "h")).toEqual({ kind: "ok", url: "/401" });
    expect(vetTarget("GET", "/inspect?x=%", "h")).toEqual({ kind: "ok", url: "/inspect?x=%" });
    expect(vetTarget("GET", "/code/%C3%A9", "h")).toEqual({ kind: "ok", url: "/code/%C3%A9" });
  });

  it("refuses paths that are not valid percent-encoding, marking /api ones", () => {
    for (const [t, api] of [
      ["/code/%ZZ", false],
      ["/compare/%", false],
      ["/code/%C0%AF", false],
      ["/api/codes/%", true],
      ["/api/status/%25%/describe", true],
      ["/api/%E0%A4%A", true],
    ] as const) {
      const v = vetTarget("GET", t, "h");
      expect(v, t).toMatchObject({ kind: "refuse", status: 400, api });
    }
  });

  it("refuses an absolute-form target for another host", () => {
    for (const t of [
      "http://evil.com/x",
      "https://evil.com",
      "http://127.0.0.1:3140@evil.com/x",
      "http://evil.com:3140/api/status/200",
    ])
      expect(vetTarget("GET", t, "127.0.0.1:3140"), t).toMatchObject({ kind: "refuse", status: 400 });
    expect(vetTarget("GET", "http://evil.com/api/codes", "h")).toMatchObject({ api: true });
  });

  it("reduces an absolute-form target for our own Host to origin-form", () => {
    expect(vetTarget("GET", "http://127.0.0.1:3140/401?x=1", "127.0.0.1:3140")).toEqual({
      kind: "ok",
      url: "/401?x=1",
    });
    expect(vetTarget("GET", "HTTP://Example.org", "example.org")).toEqual({ kind: "ok", url: "/" });
    expect(vetTarget("GET", "http://example.org?a", "example.org")).toEqual({ kind: "ok", url: "/?a" });
    expect(vetTarget("GET", "http://example.org/%ZZ", "example.org")).toMatchObject({ kind: "refuse" });
  });

  it("refuses other schemes and forms, and answers OPTIONS *", () => {
    expect(vetTarget("GET", "ftp://h/x", "h")).toMatchObject({ kind: "refuse" });
    expect(vetTarget("GET", "javascript:alert(1)", "h")).toMatchObject({ kind: "refuse" });
    expect(vetTarget("GET", "*", "h")).toMatchObject({ kind: "refuse" });
    expect(vetTarget("OPTIONS", "*", "h")).toEqual({ kind: "asterisk" });
  });

  it("never lets a target through that names another host or does not decode", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.domain(), (tail, domain) => {
        for (const target of [`/${tail}`, `http://${domain}/${tail}`, tail]) {
          const v = vetTarget("GET", target, "site.example");
          if (v.kind !== "ok") continue;
          expect(v.url.startsWith("/")).toBe(true);
          expect(() => decodeURIComponent(v.url.split("?")[0] ?? "")).not.toThrow();
          expect(target.startsWith("/") || domain === "site.example").toBe(true);
        }
      }),
    );
  });
});
