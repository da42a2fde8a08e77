"use client";

import { CopyButton } from "@/components/copy-button.client";
import { useOrigin } from "@/hooks/use-origin";

/** The value with line-break opportunities after each "/" and before "?" and "&", never inside a word. */
function breakable(value: string) {
  return value.split(/(?<=\/)|(?=[?&])/).map((part, i) => (
    <span key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </span>
  ));
}

/** A labelled one-line value shown as text (not a link), with a copy button. */
function CopyField({
  id,
  label,
  value,
  testId,
  copyLabel,
  dark = false,
}: {
  id: string;
  label: string;
  value: string;
  testId: string;
  copyLabel: string;
  dark?: boolean;
}) {
  return (
    <div>
      <p
        id={id}
        className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
      >
        {label}
      </p>
      <div
        className={`flex items-center gap-2 rounded-lg border border-slate-200 p-2 dark:border-slate-700 ${dark ? "bg-slate-900 text-slate-100" : "bg-white dark:bg-slate-950"}`}
      >
        <code
          data-testid={testId}
          aria-labelledby={id}
          className="min-w-0 flex-1 font-mono text-sm break-words"
        >
          {breakable(value)}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}

/**
 * The simulator URL for a code with copy buttons and a curl example. The HTML carries the configured
 * site origin (`rendered`), so the URL is absolute before any script runs; the browser then shows the
 * origin it is actually reading from.
 */
export function TryItUrls({ path, rendered }: { path: string; rendered: string }) {
  const origin = useOrigin(rendered);
  const url = `${origin}${path}`;
  return (
    <div className="space-y-3">
      <CopyField
        id="sim-url-label"
        label="Simulator URL"
        value={url}
        testId="simulator-url"
        copyLabel="Copy simulator URL"
      />
      <CopyField
        id="curl-label"
        label="With curl"
        value={`curl -i ${url}`}
        testId="curl-example"
        copyLabel="Copy curl command"
        dark
      />
    </div>
  );
}
