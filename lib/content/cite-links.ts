/**
 * A remark plugin: in-text citations in a page's prose ("(RFC 6750 §3)", "RFC 9110 §15.5.2, §11.6.1",
 * "RFC 9112 Appendix C") become links to the section at the RFC Editor, built by the registry's
 * `rfcSectionUrl`, as every other citation link on the site is. A bare "§11.6.1" right after an RFC
 * in the same sentence part links into that RFC. Text already inside a link or code is left alone.
 */
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from "mdast";

import { rfcSectionUrl } from "../registry";

const CITE = /RFC\s?(\d{3,5})(?:\s?§\s?(\d+(?:\.\d+)*)|\s(Appendix [A-Z](?:\.\d+)*))?|§\s?(\d+(?:\.\d+)*)/g;

/** The text split into plain runs and citation links. */
export function linkCitations(value: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  let rfc: number | undefined;
  for (const m of value.matchAll(CITE)) {
    const [whole, number, section, appendix, bare] = m;
    const at = m.index;
    let url: string | undefined;
    if (number !== undefined) {
      rfc = Number(number);
      url = rfcSectionUrl(rfc, section ?? appendix);
    } else if (bare !== undefined && rfc !== undefined && /^[\s,;and&]*$/.test(value.slice(last, at))) {
      // "RFC 9110 §15.5.2, §11.6.1": the second section is in the same RFC.
      url = rfcSectionUrl(rfc, bare);
    }
    if (url === undefined) continue;
    if (at > last) out.push({ type: "text", value: value.slice(last, at) });
    const link: Link = { type: "link", url, children: [{ type: "text", value: whole }] };
    out.push(link);
    last = at + whole.length;
  }
  if (last === 0) return [{ type: "text", value }];
  if (last < value.length) out.push({ type: "text", value: value.slice(last) });
  return out;
}

const SKIP = new Set(["link", "linkReference", "inlineCode", "code", "heading", "definition"]);

function walk(node: Parent): void {
  const next: RootContent[] = [];
  let changed = false;
  for (const child of node.children) {
    if (child.type === "text") {
      const parts = linkCitations((child as Text).value);
      if (parts.length > 1 || parts[0]?.type !== "text") changed = true;
      next.push(...parts);
      continue;
    }
    if (!SKIP.has(child.type) && "children" in child) walk(child as Parent);
    next.push(child);
  }
  if (changed) node.children = next as Parent["children"];
}

export default function remarkCiteLinks() {
  return (tree: Root) => walk(tree);
}
