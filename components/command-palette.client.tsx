"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

import type { PaletteCode } from "@/lib/content";
import type * as Search from "@/lib/search";
import type { CompareItem } from "@/lib/search";
import { codePath, comparePath, homeQueryPath, SEARCH_INDEX_PATH } from "@/lib/routes";

import { CodeChip, LifecycleBadge } from "./status-badge";

/** Codes shown at once; the rest are counted, with a link to all of them on the index. */
const SHOWN = 8;
const SHOWN_COMPARISONS = 3;

interface Loaded {
  codes: PaletteCode[];
  comparisons: CompareItem[];
  search: typeof Search;
}

type Option = { kind: "code"; item: PaletteCode } | { kind: "compare"; item: CompareItem };

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

let loading: Promise<Loaded> | undefined;

/** The search code and its index, fetched once, the first time the palette opens (or is about to). */
function load(): Promise<Loaded> {
  loading ??= Promise.all([
    fetch(SEARCH_INDEX_PATH).then((r) => {
      if (!r.ok) throw new Error(`search index: ${r.status}`);
      return r.json() as Promise<{ codes: PaletteCode[]; comparisons: CompareItem[] }>;
    }),
    import("@/lib/search"),
  ]).then(([index, search]) => ({ ...index, search }));
  loading.catch(() => {
    loading = undefined; // let a later opening try again
  });
  return loading;
}

/** The codes and comparisons to show for a query, and how many more codes match. */
function optionsFor(data: Loaded, query: string): { options: Option[]; more: number } {
  const codes = data.search.searchCodes(data.codes, query);
  const comparisons = query.trim() === "" ? [] : data.search.searchComparisons(data.comparisons, query);
  return {
    options: [
      ...codes.slice(0, SHOWN).map((item): Option => ({ kind: "code", item })),
      ...comparisons.slice(0, SHOWN_COMPARISONS).map((item): Option => ({ kind: "compare", item })),
    ],
    more: Math.max(0, codes.length - SHOWN),
  };
}

function hrefOf(o: Option): string {
  return o.kind === "code" ? codePath(o.item.code) : comparePath(o.item.slug);
}

function optionKey(o: Option): string {
  return o.kind === "code" ? String(o.item.code) : o.item.slug;
}

/**
 * Quick-jump to any code or comparison from anywhere: Ctrl+K / ⌘K opens it; so does typing a digit
 * outside a form field, which starts the query, so "4 0 4 Enter" lands on /404. Its search code and
 * index load when it first opens, not with the page.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [data, setData] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  // Enter pressed before the index arrived: follow the first match as soon as there is one.
  const pendingEnter = useRef(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const router = useRouter();
  const listId = useId();

  const { options, more } = useMemo(
    () => (data ? optionsFor(data, query) : { options: [], more: 0 }),
    [data, query],
  );
  // What was typed, for the moment the index arrives (an Enter may be waiting for it).
  const typed = useRef("");
  typed.current = query;

  function show(initial: string) {
    setQuery(initial);
    setActive(0);
    pendingEnter.current = false;
    setOpen(true);
    load().then(
      (loaded) => {
        setData(loaded);
        const first = optionsFor(loaded, typed.current).options[0];
        if (pendingEnter.current && first) go(first);
      },
      () => setFailed(true),
    );
  }

  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        show("");
      } else if (
        !open &&
        /^[1-5]$/.test(e.key) &&
        !e.metaKey &&
        !e.ctrlKey &&
        !e.altKey &&
        !typingInField(e.target)
      ) {
        e.preventDefault();
        show(e.key);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // `show` only calls state setters and reads refs: re-subscribing on each render would add nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      input.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  function go(o: Option) {
    setOpen(false);
    pendingEnter.current = false;
    router.push(hrefOf(o));
  }

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const target = options[active] ?? options[0];
      if (target) go(target);
      else if (!data && !failed) pendingEnter.current = true;
    }
  }

  const activeOption = options[active];
  const firstCompare = options.findIndex((o) => o.kind === "compare");
  return (
    <>
      <button
        type="button"
        onClick={() => show("")}
        onPointerEnter={() => void load().catch(() => undefined)}
        onFocus={() => void load().catch(() => undefined)}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Jump to code{" "}
        <kbd className="ml-1 hidden font-sans text-xs text-slate-500 sm:inline dark:text-slate-400">
          Ctrl K
        </kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Jump to a status code"
        onClose={() => setOpen(false)}
        onClick={(e) => {
          if (e.target === dialog.current) setOpen(false);
        }}
        className="m-auto mt-[15vh] w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="p-3">
          <input
            ref={input}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={activeOption ? `${listId}-${optionKey(activeOption)}` : undefined}
            aria-label="Status code, name or keyword"
            placeholder="Type a code, a name or a keyword"
            autoComplete="off"
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/40 focus:outline-none dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
        <ul
          ref={list}
          id={listId}
          role="listbox"
          aria-label="Matching codes and comparisons"
          className="max-h-80 overflow-y-auto border-t border-slate-200 p-1 dark:border-slate-700"
        >
          {!data ? (
            <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
              {failed ? "The search index could not be loaded." : "Loading…"}
            </li>
          ) : options.length === 0 ? (
            <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">No matching code.</li>
          ) : (
            options.map((o, i) => (
              <li
                key={optionKey(o)}
                id={`${listId}-${optionKey(o)}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(o)}
                className={`flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 ${i === firstCompare ? "mt-1 border-t border-slate-200 dark:border-slate-700" : ""} ${i === active ? "bg-indigo-600 text-white" : ""}`}
              >
                {o.kind === "code" ? (
                  <>
                    <CodeChip code={o.item.code} cls={o.item.cls} />
                    <span className="min-w-0 flex-1 truncate">{o.item.reason}</span>
                    {o.item.lifecycle !== "active" ? (
                      <span className="rounded-full bg-white dark:bg-slate-900">
                        <LifecycleBadge lifecycle={o.item.lifecycle} />
                      </span>
                    ) : null}
                  </>
                ) : (
                  <>
                    <span
                      className={`shrink-0 text-xs font-semibold tracking-wide uppercase ${i === active ? "text-indigo-100" : "text-slate-600 dark:text-slate-400"}`}
                    >
                      Compare
                    </span>
                    <span className="min-w-0 flex-1 truncate">{o.item.title}</span>
                  </>
                )}
              </li>
            ))
          )}
        </ul>
        {data ? (
          <p
            className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400"
            data-testid="palette-count"
            role="status"
          >
            {more > 0 ? (
              <>
                {more} more {more === 1 ? "code matches" : "codes match"}.{" "}
                <a
                  href={homeQueryPath(query.trim())}
                  onClick={(e) => {
                    e.preventDefault();
                    setOpen(false);
                    router.push(homeQueryPath(query.trim()));
                  }}
                  className="text-indigo-700 underline dark:text-indigo-300"
                >
                  See all on the index
                </a>
              </>
            ) : (
              `${options.length} ${options.length === 1 ? "match" : "matches"}.`
            )}{" "}
            ↑↓ to choose, Enter to open.
          </p>
        ) : null}
      </dialog>
    </>
  );
}
