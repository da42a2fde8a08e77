import { highlight } from "@/lib/highlight";
import {
  buildSnippets,
  FRAMEWORK_VERSIONS,
  LANG_HIGHLIGHT,
  LANG_LABELS,
  scenarioLine,
  SNIPPET_LANGS,
} from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { SnippetTabs, type SnippetPanel } from "./snippet-tabs.client";

/** Server component: the four generated snippets for a code, highlighted at build time. */
export async function Snippets({ code }: { code: number }) {
  const snippets = buildSnippets(code);
  const panels: SnippetPanel[] = await Promise.all(
    SNIPPET_LANGS.map(async (lang) => ({
      lang,
      label: LANG_LABELS[lang],
      raw: snippets[lang].text,
      version: `Written for and run on ${FRAMEWORK_VERSIONS[lang]}.`,
      html: await highlight(snippets[lang].text, LANG_HIGHLIGHT[lang]),
    })),
  );
  return <SnippetTabs panels={panels} scenario={scenarioLine(snippetSpec(code).scenario)} />;
}
