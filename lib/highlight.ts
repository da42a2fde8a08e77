/**
 * Server-side syntax highlighting with shiki: one cached highlighter, a fixed set of languages and a
 * light/dark theme pair emitted as CSS variables (the page's theme picks one). Never shipped to the
 * browser: only server components import this.
 */
import { createHighlighter, type Highlighter } from "shiki";

export const HIGHLIGHT_LANGS = [
  "json",
  "http",
  "shellscript",
  "typescript",
  "javascript",
  "python",
  "java",
  "go",
] as const;
export type HighlightLang = (typeof HIGHLIGHT_LANGS)[number];

const ALIASES: Record<string, HighlightLang> = {
  sh: "shellscript",
  bash: "shellscript",
  shell: "shellscript",
  ts: "typescript",
  js: "javascript",
  py: "python",
};

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: ["github-light-high-contrast", "github-dark-high-contrast"],
    langs: [...HIGHLIGHT_LANGS],
  });
  return highlighter;
}

export function normalizeLang(lang: string | undefined): HighlightLang | "text" {
  if (!lang) return "text";
  const l = lang.toLowerCase();
  if ((HIGHLIGHT_LANGS as readonly string[]).includes(l)) return l as HighlightLang;
  return ALIASES[l] ?? "text";
}

/** Highlighted HTML (`<pre class="shiki">…`) for a code string. */
export async function highlight(code: string, lang: string | undefined): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code.replace(/\n$/, ""), {
    lang: normalizeLang(lang),
    themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" },
    defaultColor: false,
  });
}
