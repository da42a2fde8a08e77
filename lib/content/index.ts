/**
 * Reference-page content: one MDX file per status code in `content/`, with YAML frontmatter that is
 * validated strictly. The facts (reason, headers, cacheability, spec) are not in the frontmatter: they
 * come from the registry. Node-only (reads files); used at build time and by tests.
 */
import fs from "node:fs";
import path from "node:path";

import matter from "gray-matter";
import { z } from "zod";

import { allStatuses, getStatus, type Lifecycle, type StatusClass } from "../registry";
import type { CompareItem, SearchItem } from "../search";

export const CONTENT_DIR = path.join(process.cwd(), "content");

/** A calendar date, YYYY-MM-DD, not in the future. */
const pastDate = z.iso
  .date()
  .refine((d) => d <= new Date().toISOString().slice(0, 10), { message: "a review date cannot be in the future" });

/** One vendor or tool claim, dated against the version or document it was checked with. */
export const checkedClaimSchema = z.strictObject({
  claim: z.string().min(10),
  source: z.string().min(2),
  version: z.string().min(1),
  date: pastDate,
});

export const frontmatterSchema = z
  .strictObject({
    code: z.number().int().min(100).max(599),
    description: z.string().min(70).max(200),
    keywords: z.array(z.string().min(1)).min(1),
    /** When the page's facts were last checked against their sources. */
    reviewed: pastDate,
    /** Vendor and tool claims, each with the version it was checked against (see lib/content/claims.ts). */
    checked: z.array(checkedClaimSchema).default([]),
  })
  .refine((f) => f.checked.every((c) => c.date <= f.reviewed), {
    message: "reviewed must be on or after every checked date",
  });
export type Frontmatter = z.infer<typeof frontmatterSchema>;

export interface StatusPage {
  code: number;
  frontmatter: Frontmatter;
  /** The MDX source after the frontmatter. */
  body: string;
  file: string;
}

/** Components every page must place exactly once (rendered from the registry). */
export const REQUIRED_COMPONENTS = ["HeaderRules", "CachingFacts", "Snippets", "TryIt", "SpecLinks"] as const;

/** The `##` headings every page has, in order. "Error body" is only for 4xx and 5xx codes. */
export function requiredSections(code: number): string[] {
  const sections = ["What it means", "When to use it", "Compared with", "Headers", "Caching", "Client handling"];
  if (code >= 400) sections.push("Error body");
  sections.push("Send it", "Try it", "Specification");
  return sections;
}

/** Codes that have a content file, in numeric order. */
export function listContentCodes(): number[] {
  return fs
    .readdirSync(path.join(process.cwd(), "content"))
    .map((f) => /^(\d{3})\.mdx$/.exec(f)?.[1])
    .filter((c): c is string => c !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function contentFile(code: number): string {
  return path.join(process.cwd(), "content", `${code}.mdx`);
}

/** Parses a page's source; throws with the file name on invalid frontmatter or a code mismatch. */
export function parseStatusPage(source: string, file: string, expectedCode: number): StatusPage {
  const { data, content } = matter(source);
  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`${file}: invalid frontmatter: ${z.prettifyError(parsed.error)}`);
  }
  if (parsed.data.code !== expectedCode) {
    throw new Error(`${file}: frontmatter code ${parsed.data.code} does not match the file name`);
  }
  if (!getStatus(expectedCode)) throw new Error(`${file}: ${expectedCode} is not in the registry`);
  return { code: expectedCode, frontmatter: parsed.data, body: content, file };
}

export function readStatusPage(code: number): StatusPage | undefined {
  const file = contentFile(code);
  if (!fs.existsSync(file)) return undefined;
  return parseStatusPage(fs.readFileSync(file, "utf8"), file, code);
}

/** The `##` headings of an MDX body, in order, ignoring fenced code. */
export function sectionHeadings(body: string): string[] {
  const out: string[] = [];
  let inFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^##\s+(.+?)\s*$/.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

/** The text of one `##` section (up to the next `##`), or undefined. */
export function sectionText(body: string, heading: string): string | undefined {
  const lines = body.split("\n");
  let inFence = false;
  let start = -1;
  const collected: string[] = [];
  for (const line of lines) {
    const fence = /^\s*(```|~~~)/.test(line);
    if (!inFence && /^##\s+/.test(line)) {
      if (start >= 0) break;
      if (line.replace(/^##\s+/, "").trim() === heading) {
        start = 0;
        continue;
      }
    }
    if (fence) inFence = !inFence;
    if (start >= 0) collected.push(line);
  }
  return start >= 0 ? collected.join("\n") : undefined;
}

export interface IndexEntry extends SearchItem {
  cls: StatusClass;
  lifecycle: Lifecycle;
  official: boolean;
  description: string;
}

/** Everything the index and the quick-jump need about every code, in numeric order. */
export function indexEntries(): IndexEntry[] {
  const available = new Set(listContentCodes());
  return allStatuses()
    .filter((s) => available.has(s.code))
    .map((s) => {
      const page = readStatusPage(s.code);
      return {
        code: s.code,
        reason: s.reason,
        cls: s.class,
        lifecycle: s.lifecycle,
        official: s.official,
        keywords: page?.frontmatter.keywords ?? [],
        aliases: [...s.formerReasons, ...(s.origin ? [s.origin] : [])],
        description: page?.frontmatter.description ?? "",
      };
    });
}

/* ---------- comparison pages: content/compare/{slug}.mdx ---------- */

export const compareFrontmatterSchema = z.strictObject({
  slug: z.string().regex(/^\d{3}(-vs-\d{3})+$/),
  codes: z.array(z.number().int()).min(2),
  title: z.string().min(10).max(120),
  description: z.string().min(70).max(200),
});
export type CompareFrontmatter = z.infer<typeof compareFrontmatterSchema>;

export interface ComparePage {
  frontmatter: CompareFrontmatter;
  body: string;
  file: string;
}

export const COMPARE_SECTIONS = ["The short answer", "At a glance", "How they differ", "Which one to send", "What clients do"];

export function listCompareSlugs(): string[] {
  const dir = path.join(process.cwd(), "content", "compare");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => f.slice(0, -".mdx".length))
    .sort();
}

export function readComparePage(slug: string): ComparePage | undefined {
  if (!/^[\d-vs]+$/.test(slug)) return undefined;
  const file = path.join(process.cwd(), "content", "compare", `${slug}.mdx`);
  if (!fs.existsSync(file)) return undefined;
  const { data, content } = matter(fs.readFileSync(file, "utf8"));
  const parsed = compareFrontmatterSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: invalid frontmatter: ${z.prettifyError(parsed.error)}`);
  const fm = parsed.data;
  if (fm.slug !== slug) throw new Error(`${file}: slug ${fm.slug} does not match the file name`);
  if (fm.codes.join("-vs-") !== slug) throw new Error(`${file}: codes ${fm.codes.join(", ")} do not match the slug`);
  for (const c of fm.codes) if (!getStatus(c)) throw new Error(`${file}: ${c} is not in the registry`);
  return { frontmatter: fm, body: content, file };
}

/** The comparison pages that include a code. */
export function comparisonsFor(code: number): CompareFrontmatter[] {
  return listCompareSlugs()
    .map((s) => readComparePage(s)?.frontmatter)
    .filter((f): f is CompareFrontmatter => f !== undefined && f.codes.includes(code));
}

/** One code as the quick-jump lists it. */
export type PaletteCode = Pick<
  IndexEntry,
  "code" | "reason" | "keywords" | "aliases" | "official" | "lifecycle" | "cls"
>;

/** What the quick-jump searches: every code and every comparison page (served as JSON, fetched on first use). */
export function searchIndex(): { codes: PaletteCode[]; comparisons: CompareItem[] } {
  return {
    codes: indexEntries().map(({ code, reason, keywords, aliases, official, lifecycle, cls }) => ({
      code,
      reason,
      keywords,
      aliases,
      official,
      lifecycle,
      cls,
    })),
    comparisons: listCompareSlugs().flatMap((slug) => {
      const f = readComparePage(slug)?.frontmatter;
      return f ? [{ slug: f.slug, title: f.title, codes: f.codes }] : [];
    }),
  };
}
