"use client";

import { CopyButton } from "@/components/copy-button.client";
import { useOrigin } from "@/hooks/use-origin";

/**
 * A highlighted command whose HTML was rendered with the configured site origin: in the browser every
 * occurrence of that origin becomes the origin being read, in the text shown and in what Copy copies.
 */
export function OriginCode({
  html,
  code,
  rendered,
  title,
}: {
  html: string;
  code: string;
  rendered: string;
  title: string;
}) {
  const origin = useOrigin(rendered);
  const swap = (s: string) => (origin === rendered ? s : s.split(rendered).join(origin));
  return (
    <figure className="code-block my-4 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <span>{title}</span>
        <CopyButton value={swap(code)} label={`Copy ${title}`} />
      </figcaption>
      <div
        data-testid="example-command"
        className="overflow-x-auto text-sm [&_pre]:p-4"
        dangerouslySetInnerHTML={{ __html: swap(html) }}
      />
    </figure>
  );
}
