import { highlight } from "@/lib/highlight";

import { CopyButton } from "./copy-button.client";

/** Server component: highlights at build time with shiki; the copy button gets the raw text. */
export async function CodeBlock({ code, lang, title }: { code: string; lang?: string; title?: string }) {
  const html = await highlight(code, lang);
  return (
    <figure className="code-block my-4 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <span>{title ?? lang ?? "text"}</span>
        <CopyButton value={code.replace(/\n$/, "")} label={`Copy ${title ?? lang ?? "code"}`} />
      </figcaption>
      <div className="overflow-x-auto text-sm [&_pre]:p-4" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
