"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useMemo, useRef, useSyncExternalStore, type KeyboardEvent } from "react";

import type { IndexEntry } from "@/lib/content";
import { CLASS_NAMES, STATUS_CLASSES } from "@/lib/registry/classes";
import { searchCodes } from "@/lib/search";

import { CodeChip, LifecycleBadge } from "./status-badge";
import { codePath, homeQueryPath } from "@/lib/routes";

// The filter lives in the URL (`/?q=rate`), so Back, a reload or a shared link bring it back.
const QUERY_EVENT = "statuscodes:query";

function subscribeQuery(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(QUERY_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(QUERY_EVENT, onChange);
  };
}

function urlQuery(): string {
  return new URLSearchParams(window.location.search).get("q") ?? "";
}

function setUrlQuery(query: string) {
  const target = homeQueryPath(query);
  window.history.replaceState(window.history.state, "", target);
  window.dispatchEvent(new Event(QUERY_EVENT));
}

/** ↑ and ↓ move between the links of a list; ↑ on the first goes back to the filter. */
function moveFocus(e: KeyboardEvent<HTMLElement>, input: HTMLInputElement | null) {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>("a[data-code]")];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  e.preventDefault();
  if (e.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)]?.focus();
  else if (at === 0) input?.focus();
  else links[at - 1]?.focus();
}

function Row({ entry }: { entry: IndexEntry }) {
  return (
    <li className="min-w-0">
      <Link
        href={codePath(entry.code)}
        data-code={entry.code}
        className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-800 dark:hover:bg-slate-900"
      >
        <CodeChip code={entry.code} cls={entry.cls} />
        <span className="min-w-0 flex-1 truncate">{entry.reason}</span>
        {entry.lifecycle !== "active" ? <LifecycleBadge lifecycle={entry.lifecycle} /> : null}
      </Link>
    </li>
  );
}

/** The list of every code by class, with an instant filter that works from the keyboard alone. */
export function CodeIndex({ entries }: { entries: IndexEntry[] }) {
  const query = useSyncExternalStore(subscribeQuery, urlQuery, () => "");
  const setQuery = setUrlQuery;
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const inputId = useId();
  const results = useMemo(() => searchCodes(entries, query), [entries, query]);
  const filtering = query.trim() !== "";

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter" && results[0]) {
      e.preventDefault();
      router.push(codePath(results[0].code));
    } else if (e.key === "ArrowDown") {
      const first = document.querySelector<HTMLAnchorElement>("#code-results a");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape") {
      setQuery("");
    }
  }

  return (
    <div className="mt-8">
      <label htmlFor={inputId} className="block text-sm font-medium">
        Filter by number, name or keyword
      </label>
      <input
        ref={input}
        id={inputId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="e.g. 404, too many, rate limit, 5xx"
        autoComplete="off"
        aria-describedby={`${inputId}-hint`}
        className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/40 focus:outline-none dark:border-slate-600 dark:bg-slate-900"
      />
      <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Enter opens the first match; ↓ and ↑ move through the list. Anywhere on the site, type a code (4 0 4)
        or press Ctrl+K / ⌘K to jump.
      </p>
      <p role="status" className="sr-only">
        {filtering ? `${results.length} matching codes` : ""}
      </p>
      <div id="code-results" onKeyDown={(e) => moveFocus(e, input.current)}>
        {filtering ? (
          results.length > 0 ? (
            <ul className="mt-6 grid gap-2 sm:grid-cols-2" aria-label="Matching codes">
              {results.map((e) => (
                <Row key={e.code} entry={e} />
              ))}
            </ul>
          ) : (
            <p className="mt-6 text-slate-700 dark:text-slate-300">
              No code matches “{query}”. Try a number such as 404, or words like “timeout”.
            </p>
          )
        ) : (
          STATUS_CLASSES.map((cls) => (
            <section key={cls} aria-labelledby={`class-${cls}`} className="mt-10">
              <h2 id={`class-${cls}`} className="text-xl font-semibold">
                {cls}{" "}
                <span className="font-normal text-slate-600 dark:text-slate-400">{CLASS_NAMES[cls]}</span>
              </h2>
              <ul className="mt-3 grid gap-2 sm:grid-cols-2">
                {entries
                  .filter((e) => e.cls === cls)
                  .map((e) => (
                    <Row key={e.code} entry={e} />
                  ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </div>
  );
}
