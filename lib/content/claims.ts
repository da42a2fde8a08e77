/**
 * Vendor and tool claims on a page (issue 13): which tools the prose talks about, which of them the
 * page's `checked` frontmatter dates against a named version, and which it does not yet. The page
 * renders both, so a reader can judge staleness and a later check knows what to re-verify.
 */

/** The tools and vendors whose behaviour pages describe, with how the prose names them. */
export const TOOLS = [
  { name: "curl", pattern: /\bcurl\b/ },
  { name: "nginx", pattern: /\bnginx\b/ },
  { name: "Cloudflare", pattern: /\bCloudflare\b/ },
  { name: "IIS", pattern: /\bIIS\b/ },
  // Chromium is Chrome's open-source engine: a check run in Chromium dates the prose's Chrome claims.
  { name: "Chrome", pattern: /\bChrom(?:e|ium)\b/, sources: ["Chrome", "Chromium"] },
  { name: "Firefox", pattern: /\bFirefox\b/ },
  { name: "Safari", pattern: /\bSafari\b/ },
  // The library, not the English word: pages name it "Python's requests" or "Python requests".
  { name: "requests", pattern: /\bPython(?:'s)? `?requests\b/ },
  { name: "Go", pattern: /\bGo's\b|\bnet\/http\b/ },
  { name: "Node.js", pattern: /\bNode(?:\.js)?\b/ },
] as const;
export type ToolName = (typeof TOOLS)[number]["name"];

export interface CheckedClaim {
  /** What was checked, in a few words. */
  claim: string;
  /** The tool or document, e.g. "curl", "nginx", "Cloudflare docs", "IANA registry". */
  source: string;
  /** The version or document checked, e.g. "8.17.0", "1.31.5 source", "Error 522 page". */
  version: string;
  /** When it was checked (YYYY-MM-DD). */
  date: string;
}

/** The tools a page's prose names, in TOOLS order. Fenced code is ignored. */
export function toolsNamed(body: string): ToolName[] {
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, "");
  return TOOLS.filter((t) => t.pattern.test(prose)).map((t) => t.name);
}

/** Which named tools a `checked` entry covers: its source starts with the tool's name (or an alias). */
export function covers(c: CheckedClaim, tool: ToolName): boolean {
  const entry = TOOLS.find((t) => t.name === tool);
  const names: readonly string[] = entry && "sources" in entry ? entry.sources : [tool];
  return names.some((n) => c.source.toLowerCase().startsWith(n.toLowerCase()));
}

/** The line a page shows, e.g. "Checked against curl 8.17.0 (2026-12-01), nginx 1.31.5 source (2026-12-01)." */
export function checkedLine(checked: readonly CheckedClaim[]): string | null {
  if (checked.length === 0) return null;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of checked) {
    const text = `${c.source} ${c.version} (${c.date})`;
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(text);
  }
  return `Checked against ${parts.join(", ")}.`;
}

/** The tools the prose names that no `checked` entry dates yet. */
export function uncheckedTools(body: string, checked: readonly CheckedClaim[]): ToolName[] {
  return toolsNamed(body).filter((t) => !checked.some((c) => covers(c, t)));
}
