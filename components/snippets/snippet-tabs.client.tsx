"use client";

import { useCallback, useId, useSyncExternalStore, type KeyboardEvent } from "react";

import { CopyButton } from "@/components/copy-button.client";

export interface SnippetPanel {
  lang: string;
  label: string;
  raw: string;
  html: string;
  /** The framework version the snippet is written for and proven on. */
  version: string;
}

/** Server snippets keep the key they always had; other groups (the client snippets) get their own. */
const storageKey = (testId: string) => (testId === "snippets" ? "snippet-lang" : `${testId}-lang`);
const EVENT = "snippet-lang-change";

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function readChoice(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * One tab bar for the page's snippets. The chosen language is stored and shared: every tab group on
 * the site shows it, now and on later visits. All panels are in the HTML; only one is visible.
 */
export function SnippetTabs({
  panels,
  scenario,
  label = "Framework",
  testId = "snippets",
}: {
  panels: SnippetPanel[];
  /** The request the snippets answer, when they are server handlers. */
  scenario?: string;
  label?: string;
  testId?: string;
}) {
  const key = storageKey(testId);
  const stored = useSyncExternalStore(
    subscribe,
    () => readChoice(key),
    () => null,
  );
  const active = panels.find((p) => p.lang === stored)?.lang ?? panels[0]?.lang;
  const id = useId();

  const choose = useCallback(
    (lang: string) => {
      try {
        localStorage.setItem(key, lang);
      } catch {
        // Storage may be disabled; the choice then lasts for this page only.
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const next = panels[(index + delta + panels.length) % panels.length];
    if (!next) return;
    choose(next.lang);
    document.getElementById(`${id}-tab-${next.lang}`)?.focus();
  }

  return (
    <div
      className="my-4 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700"
      data-testid={testId}
    >
      <div
        role="tablist"
        aria-label={label}
        className="flex flex-wrap items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 pt-2 dark:border-slate-700 dark:bg-slate-900"
      >
        {panels.map((p, i) => (
          <button
            key={p.lang}
            id={`${id}-tab-${p.lang}`}
            type="button"
            role="tab"
            aria-selected={p.lang === active}
            aria-controls={`${id}-panel-${p.lang}`}
            tabIndex={p.lang === active ? 0 : -1}
            onClick={() => choose(p.lang)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              p.lang === active
                ? "border-indigo-600 text-indigo-800 dark:border-indigo-400 dark:text-indigo-200"
                : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
            }`}
          >
            {p.label}
          </button>
        ))}
      </div>
      {panels.map((p) => (
        <div
          key={p.lang}
          id={`${id}-panel-${p.lang}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${p.lang}`}
          hidden={p.lang !== active}
          tabIndex={0}
        >
          <div className="flex flex-wrap items-start justify-between gap-2 px-4 pt-2 text-xs text-slate-600 dark:text-slate-300">
            <div>
              <p>{p.version}</p>
              {scenario ? (
                <p>
                  Answers: <code className="whitespace-pre-wrap">{scenario}</code>
                </p>
              ) : null}
            </div>
            <CopyButton value={p.raw} label={`Copy ${p.label} snippet`} />
          </div>
          <div
            className="overflow-x-auto text-sm [&_pre]:px-4 [&_pre]:pb-4"
            dangerouslySetInnerHTML={{ __html: p.html }}
          />
        </div>
      ))}
    </div>
  );
}
