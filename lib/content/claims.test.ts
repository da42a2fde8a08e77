import { describe, expect, it } from "vitest";

import { checkedLine, toolsNamed, uncheckedTools, type CheckedClaim } from "./claims";
import { frontmatterSchema, listContentCodes, readStatusPage } from "./index";

const curl: CheckedClaim = { claim: "--retry list", source: "curl", version: "8.17.0", date: "2026-12-01" };

describe("vendor and tool claims", () => {
  it("finds the tools the prose names, not those in code fences", () => {
    expect(toolsNamed("curl retries it; nginx logs it.\n```\nChrome\n```\n")).toEqual(["curl", "nginx"]);
    expect(toolsNamed("Go's net/http transport and Node.js agree; Chromium too.")).toEqual([
      "Chrome",
      "Go",
      "Node.js",
    ]);
  });

  it("takes Python's requests for the library, and the plain word for English", () => {
    expect(toolsNamed("**Python's requests** follows it; Python requests 2.34 too")).toEqual(["requests"]);
    expect(toolsNamed("too many requests from one client")).toEqual([]);
  });

  it("renders the checked line a page shows", () => {
    expect(checkedLine([curl, { ...curl, claim: "other" }])).toBe("Checked against curl 8.17.0 (2026-12-01).");
    expect(checkedLine([])).toBeNull();
  });

  it("lists what a page names but does not date", () => {
    expect(uncheckedTools("curl and nginx", [curl])).toEqual(["nginx"]);
  });

  it("dates a Chrome claim by a check run in Chromium, and no tool by another tool's check", () => {
    const chromium = { ...curl, source: "Chromium", version: "156" };
    expect(uncheckedTools("Chrome shows ERR_EMPTY_RESPONSE", [chromium])).toEqual([]);
    expect(uncheckedTools("nginx logs it", [{ ...curl, source: "Go" }])).toEqual(["nginx"]);
  });

  it("dates every tool a page names: nothing shows 'Not yet checked' (issue 13)", () => {
    const open: string[] = [];
    for (const code of listContentCodes()) {
      const page = readStatusPage(code);
      if (!page) continue;
      const left = uncheckedTools(page.body, page.frontmatter.checked);
      if (left.length > 0) open.push(`${code}: ${left.join(", ")}`);
    }
    expect(open).toEqual([]);
  });

  it("dates /408's browser and Go claims by the runs that hold them", () => {
    const page = readStatusPage(408);
    if (!page) throw new Error("no 408 page");
    expect(page.frontmatter.checked.map((c) => c.source)).toEqual(["nginx", "Node.js", "curl", "Chromium", "Go net/http"]);
  });

  it("gives every page a review date on or after its checks", () => {
    for (const code of listContentCodes()) {
      const fm = readStatusPage(code)?.frontmatter;
      expect(fm?.reviewed, String(code)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const c of fm?.checked ?? []) expect(c.date <= (fm?.reviewed ?? "")).toBe(true);
    }
  });

  it("rejects a future review date, a check after the review, and an undated claim", () => {
    const base = { code: 200, description: "x".repeat(80), keywords: ["ok"] };
    expect(frontmatterSchema.safeParse({ ...base, reviewed: "2999-01-01" }).success).toBe(false);
    expect(frontmatterSchema.safeParse({ ...base, reviewed: "2026-11-25", checked: [curl] }).success).toBe(false);
    expect(
      frontmatterSchema.safeParse({ ...base, reviewed: "2026-12-01", checked: [{ ...curl, date: undefined }] }).success,
    ).toBe(false);
    expect(frontmatterSchema.safeParse({ ...base, reviewed: "2026-12-01", checked: [curl] }).success).toBe(true);
  });
});
