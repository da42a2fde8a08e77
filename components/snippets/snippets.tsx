import { highlight } from "@/lib/highlight";
import { buildSnippets, LANG_HIGHLIGHT, LANG_LABELS, SNIPPET_LANGS } from "@/lib/snippets/render";

import { SnippetTabs, type SnippetPanel } from "./snippet-tabs.client";

/** Server component: the four generated snippets for a code, highlighted at build time. */
export async function Snippets({ code }: { code: number }) {
  const snippets = buildSnippets(code);
  const panels: SnippetPanel[] = await Promise.all(
    SNIPPET_LANGS.map(async (lang) => ({
      lang,
      label: LANG_LABELS[lang],
      raw: snippets[lang].text,
      html: await highlight(snippets[lang].text, LANG_HIGHLIGHT[lang]),
    })),
  );
  return <SnippetTabs panels={panels} />;
}
