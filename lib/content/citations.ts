/**
 * Whether a page's prose cites the same section as the registry for the same rule. Two kinds of
 * sentence are checked, because both restate a registry fact with a citation:
 *
 * - a sentence naming one of the code's header rules (`Header` in backticks) together with the rule's
 *   BCP 14 keyword ("must", "should", "may"), and citing the RFC the rule cites: it must cite one
 *   of the rule's sections (or a subsection of one);
 * - a sentence saying where the code is defined ("defined in", "defines it"), and citing the RFC
 *   that defines it: it must cite the registry's section.
 */
import { citeLinks, type StatusInfo } from "../registry";

export interface CitationMismatch {
  code: number;
  rule: string;
  registry: string[];
  prose: string[];
  sentence: string;
}

const CITE = /RFC\s?(\d{3,5})\s?§\s?([\d.]*\d|Appendix [A-Z](?:\.\d+)*)/g;

/** The prose of an MDX body, one sentence per entry, with code fences and link targets removed. */
export function proseSentences(body: string): string[] {
  const prose = body
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, "")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/\s+/g, " ");
  return prose.split(/(?<=[.!?])\s+(?=[A-Z*`[(])/);
}

function citesIn(sentence: string): { rfc: string; label: string }[] {
  return [...sentence.matchAll(CITE)].map((m) => ({ rfc: `RFC ${m[1]}`, label: `RFC ${m[1]} §${m[2]}` }));
}

/** A cited section matches a registry section when it is the same one, or one inside the other. */
function sameSection(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

export function citationMismatches(status: StatusInfo, body: string): CitationMismatch[] {
  const out: CitationMismatch[] = [];
  for (const sentence of proseSentences(body)) {
    const cites = citesIn(sentence);
    if (cites.length === 0) continue;
    for (const rule of status.headerRules) {
      if (!/^[A-Za-z-]+$/.test(rule.header) || !sentence.includes(`\`${rule.header}`)) continue;
      const [word, not] = rule.level.toLowerCase().split(" ");
      const keyword = not ? new RegExp(`\\b${word} not\\b`, "i") : new RegExp(`\\b${word}\\b(?! not)`, "i");
      if (!keyword.test(sentence)) continue;
      const registry = citeLinks(rule.cite).map((l) => l.label);
      const rfcs = new Set(registry.map((l) => l.split(" §")[0]));
      const prose = cites.filter((c) => rfcs.has(c.rfc)).map((c) => c.label);
      if (prose.length > 0 && !prose.some((p) => registry.some((r) => sameSection(p, r))))
        out.push({ code: status.code, rule: `${rule.level} ${rule.header}`, registry, prose, sentence });
    }
    // A sentence about another code's definition (418's page explaining 306) is that code's business.
    const others = [...sentence.matchAll(/\b([1-5]\d\d)\b/g)].map((m) => Number(m[1]));
    const aboutOther = others.some((c) => c !== status.code) && !others.includes(status.code);
    if (status.specLink && !aboutOther && /\bdefined (?:in|by)\b|\bdefines (?:it|\d{3})\b/i.test(sentence)) {
      const rfc = status.specLink.label.split(" §")[0];
      const prose = cites.filter((c) => c.rfc === rfc).map((c) => c.label);
      if (
        status.specLink.label.includes("§") &&
        prose.length > 0 &&
        !prose.some((p) => sameSection(p, status.specLink?.label ?? ""))
      )
        out.push({ code: status.code, rule: "definition", registry: [status.specLink.label], prose, sentence });
    }
  }
  return out;
}
