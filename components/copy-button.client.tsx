"use client";

import { useCopy } from "@/hooks/use-copy";

const LABELS = { idle: "Copy", copied: "Copied", failed: "Copy failed" } as const;

/** Copies an exact string (never text scraped from the DOM) and says whether it worked. */
export function CopyButton({ value, label, text = "Copy" }: { value: string; label: string; text?: string }) {
  const [state, copy] = useCopy();
  return (
    <button
      type="button"
      onClick={() => void copy(value)}
      aria-label={state === "idle" ? label : `${label}: ${LABELS[state]}`}
      className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
    >
      <span aria-live="polite">{state === "idle" ? text : LABELS[state]}</span>
    </button>
  );
}
