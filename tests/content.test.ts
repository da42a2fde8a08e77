/**
 * Content invariants: every registry code has exactly one well-formed page, and every page has the
 * sections, components and links the site promises.
 */
import fs from "node:fs";

import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";

import {
  COMPARE_SECTIONS,
  contentFile,
  listCompareSlugs,
  listContentCodes,
  readComparePage,
  readStatusPage,
  REQUIRED_COMPONENTS,
  requiredSections,
  sectionHeadings,
  sectionText,
} from "@/lib/content";
import { allStatuses, getStatus } from "@/lib/registry";

const codes = allStatuses().map((s) => s.code);
const pages = listContentCodes();

describe("content/ and the registry", () => {
  it("has exactly one page per registry code", () => {
    expect(pages).toEqual(codes);
  });
  it("has no stray files", () => {
    const files = fs
      .readdirSync("content", { withFileTypes: true })
      .filter((f) => f.isFile() && !f.name.startsWith("."));
    expect(files.map((f) => f.name).filter((f) => !/^\d{3}\.mdx$/.test(f))).toEqual(["README.md"]);
  });
});

describe.each(pages)("content/%i.mdx", (code) => {
  const page = readStatusPage(code);
  const status = getStatus(code);
  if (!page || !status) throw new Error(`${code}: page or registry entry missing`);
  const body = page.body;
  /** The prose only: fenced code may hold anything (XML, JSON) and is not MDX. */
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, "");

  it("compiles as MDX", async () => {
    await expect(
      compile(fs.readFileSync(contentFile(code), "utf8").replace(/^---[\s\S]*?---/, ""), {
        remarkPlugins: [remarkGfm],
      }),
    ).resolves.toBeTruthy();
  });

  it("has the required sections, in order, and no h1", () => {
    expect(sectionHeadings(body)).toEqual(requiredSections(code));
    expect(body).not.toMatch(/^#\s/m);
  });

  it("places each registry-driven component once, in its section", () => {
    const where: Record<(typeof REQUIRED_COMPONENTS)[number], string> = {
      HeaderRules: "Headers",
      CachingFacts: "Caching",
      Snippets: "Send it",
      TryIt: "Try it",
      SpecLinks: "Specification",
    };
    for (const name of REQUIRED_COMPONENTS) {
      const tag = new RegExp(`<${name}\\s*/>`, "g");
      expect(body.match(tag), name).toHaveLength(1);
      expect(sectionText(body, where[name]), name).toMatch(tag);
    }
    const used = [...prose.matchAll(/<([A-Z][A-Za-z]*)/g)].map((m) => m[1]);
    for (const name of used)
      expect(REQUIRED_COMPONENTS as readonly (string | undefined)[], `unknown component ${name}`).toContain(
        name,
      );
  });

  it("compares it with every code the registry says it is confused with", () => {
    const compared = sectionText(body, "Compared with") ?? "";
    for (const other of status.oftenConfusedWith) {
      expect(compared, `${code} vs ${other}`).toMatch(new RegExp(`^###\\s+${code} vs ${other}\\b`, "m"));
    }
  });

  it("links only to existing code pages and to specification sections", () => {
    for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = m[1] ?? "";
      if (href.startsWith("/")) {
        expect(href, href).toMatch(/^\/\d{3}$/);
        expect(getStatus(Number(href.slice(1))), href).toBeDefined();
      } else {
        expect(href, href).toMatch(
          /^https:\/\/(www\.rfc-editor\.org\/rfc\/rfc\d+(#(section|appendix)-[\w.]+)?|datatracker\.ietf\.org\/doc\/[\w-]+\/?)$/,
        );
      }
    }
  });

  if (code >= 400) {
    it("gives an RFC 9457 error body whose status matches the code, where the code reaches clients", () => {
      const text = sectionText(body, "Error body") ?? "";
      const fences = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
      if (status.onWire === false) {
        expect(fences).toHaveLength(0);
        return;
      }
      expect(fences.length).toBeGreaterThan(0);
      const problem = JSON.parse(fences[0] ?? "") as Record<string, unknown>;
      expect(problem.status).toBe(code);
      expect(typeof problem.title).toBe("string");
      expect(text).toMatch(/application\/problem\+json/);
    });
  }

  it("cites no superseded RFC as current", () => {
    // 2616/7230-7235/7807 were obsoleted by RFC 9110-9112 and 9457; naming them is allowed only as history.
    for (const m of prose.matchAll(/RFC\s?(2616|723[0-5]|7807)\b/g)) {
      const around = prose.slice(Math.max(0, m.index - 200), m.index + 80);
      expect(around, around).toMatch(
        /obsolete|formerly|older|earlier|used to|previous|replaced|renamed|was called|superseded|deprecated|history|historical|\bin (19|20)\d\d\b|old/i,
      );
    }
  });
});

/** The pairs the site promises to compare side by side. */
const PROMISED_COMPARISONS = [
  "401-vs-403",
  "301-vs-302-vs-307-vs-308",
  "400-vs-422",
  "404-vs-410",
  "500-vs-502-vs-503-vs-504",
  "200-vs-204",
  "409-vs-412",
  "429-vs-503",
];

describe("comparison pages", () => {
  it("exist for every promised group", () => {
    expect(listCompareSlugs()).toEqual(expect.arrayContaining(PROMISED_COMPARISONS));
  });

  it.each(listCompareSlugs())("%s is well formed", async (slug) => {
    const page = readComparePage(slug);
    if (!page) throw new Error(`${slug} missing`);
    expect(sectionHeadings(page.body)).toEqual(COMPARE_SECTIONS);
    expect(page.body.match(/<ComparisonTable\s*\/>/g)).toHaveLength(1);
    expect(sectionText(page.body, "At a glance")).toMatch(/<ComparisonTable\s*\/>/);
    const prose = page.body.replace(/^(```|~~~)[\s\S]*?^\1/gm, "");
    for (const m of prose.matchAll(/<([A-Z][A-Za-z]*)/g)) expect(m[1]).toBe("ComparisonTable");
    for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = m[1] ?? "";
      if (href.startsWith("/")) expect(getStatus(Number(href.slice(1))), href).toBeDefined();
      else expect(href).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#(section|appendix)-[\w.]+)?$/);
    }
    await expect(compile(page.body, { remarkPlugins: [remarkGfm] })).resolves.toBeTruthy();
  });
});
