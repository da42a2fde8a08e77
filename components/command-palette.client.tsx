"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { searchCodes, type SearchItem } from "@/lib/search";
import { codePath } from "@/lib/routes";

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Quick-jump to any code from anywhere: Ctrl+K / ⌘K opens it; so does typing a digit outside a form
 * field, which starts the query, so "4 0 4 Enter" lands on /404.
 */
export function CommandPalette({ items }: { items: SearchItem[] }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const listId = useId();
  const results = useMemo(() => searchCodes(items, query).slice(0, 8), [items, query]);

  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setQuery("");
        setActive(0);
        setOpen(true);
      } else if (
        !open &&
        /^[1-5]$/.test(e.key) &&
        !e.metaKey &&
        !e.ctrlKey &&
        !e.altKey &&
        !typingInField(e.target)
      ) {
        e.preventDefault();
        setQuery(e.key);
        setActive(0);
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
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

  function go(code: number) {
    setOpen(false);
    router.push(codePath(code));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const target = results[active] ?? results[0];
      if (target) go(target.code);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setQuery("");
          setActive(0);
          setOpen(true);
        }}
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
            aria-activedescendant={results[active] ? `${listId}-${results[active].code}` : undefined}
            aria-label="Status code, name or keyword"
            placeholder="Type a code, a name or a keyword"
            autoComplete="off"
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/40 focus:outline-none dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching codes"
          className="max-h-80 overflow-y-auto border-t border-slate-200 p-1 dark:border-slate-700"
        >
          {results.length === 0 ? (
            <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">No matching code.</li>
          ) : (
            results.map((r, i) => (
              <li
                key={r.code}
                id={`${listId}-${r.code}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(r.code)}
                className={`flex cursor-pointer gap-3 rounded-md px-3 py-2 ${i === active ? "bg-indigo-600 text-white" : ""}`}
              >
                <span className="font-mono font-semibold">{r.code}</span>
                <span>{r.reason}</span>
              </li>
            ))
          )}
        </ul>
      </dialog>
    </>
  );
}
