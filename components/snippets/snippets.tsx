import { highlight } from "@/lib/highlight";
import {
  buildSnippets,
  FRAMEWORK_VERSIONS,
  LANG_HIGHLIGHT,
  LANG_LABELS,
  scenarioLine,
  SNIPPET_LANGS,
} from "@/lib/snippets/render";
import {
  CLIENT_HIGHLIGHT,
  CLIENT_LABELS,
  CLIENT_LANGS,
  CLIENT_VERSIONS,
  clientSnippets,
} from "@/lib/snippets/client";
import { constantsFor } from "@/lib/snippets/constants";
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
  return (
    <>
      <SnippetTabs panels={panels} scenario={scenarioLine(snippetSpec(code).scenario)} />
      <ClientSnippets code={code} />
      <ConstantsTable code={code} />
    </>
  );
}

/** What a client does about the code, where it has something to do: fetch, requests, httpx. */
async function ClientSnippets({ code }: { code: number }) {
  const snippets = clientSnippets(code);
  if (!snippets) return null;
  const panels: SnippetPanel[] = await Promise.all(
    CLIENT_LANGS.map(async (lang) => ({
      lang,
      label: CLIENT_LABELS[lang],
      raw: snippets[lang].text,
      html: await highlight(snippets[lang].text, CLIENT_HIGHLIGHT[lang]),
      version: `Client side, for ${CLIENT_VERSIONS[lang]}; run against this site's simulator.`,
    })),
  );
  return <SnippetTabs panels={panels} label="Client" testId="client-snippets" />;
}

/** Each library's named constant for the code, read from the libraries by scripts/constants. */
function ConstantsTable({ code }: { code: number }) {
  return (
    <table className="my-4 w-full text-left text-sm" data-testid="status-constants">
      <caption className="mb-1 text-left text-xs text-slate-600 dark:text-slate-300">
        Named constants for {code}, taken from each library by a script (the version it was read from)
      </caption>
      <thead>
        <tr>
          <th scope="col" className="pr-4 font-medium">
            Library
          </th>
          <th scope="col" className="font-medium">
            Constant
          </th>
        </tr>
      </thead>
      <tbody>
        {constantsFor(code).map((row) => (
          <tr key={row.lang} className="border-t border-slate-200 dark:border-slate-700">
            <td className="py-1 pr-4">{row.library}</td>
            <td className="py-1 [overflow-wrap:anywhere]">
              {row.expression ? <code>{row.expression}</code> : <span>no constant for {code}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
