"use client";

import { useSyncExternalStore } from "react";

type Choice = "system" | "light" | "dark";
const NEXT: Record<Choice, Choice> = { system: "light", light: "dark", dark: "system" };
const EVENT = "themechange";

function stored(): Choice {
  try {
    const t = localStorage.getItem("theme");
    return t === "light" || t === "dark" ? t : "system";
  } catch {
    return "system";
  }
}

function systemDark(): boolean {
  return matchMedia("(prefers-color-scheme: dark)").matches;
}

function apply(choice: Choice) {
  document.documentElement.classList.toggle(
    "dark",
    choice === "dark" || (choice === "system" && systemDark()),
  );
}

function subscribe(onChange: () => void) {
  const media = matchMedia("(prefers-color-scheme: dark)");
  const onSystem = () => {
    if (stored() === "system") apply("system");
    onChange();
  };
  media.addEventListener("change", onSystem);
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    media.removeEventListener("change", onSystem);
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The state as one string, so useSyncExternalStore compares it by value. */
function snapshot(): string {
  const choice = stored();
  return choice === "system" ? `system (${systemDark() ? "dark" : "light"})` : choice;
}

/** Cycles system → light → dark → system; "system" follows the OS setting, live, and stores nothing. */
export function ThemeToggle() {
  const label = useSyncExternalStore(subscribe, snapshot, () => "system");
  const choice = label.split(" ")[0] as Choice;
  return (
    <button
      type="button"
      aria-label={`Theme: ${label}`}
      title="Switch theme: system, light, dark"
      onClick={() => {
        const next = NEXT[choice];
        try {
          if (next === "system") localStorage.removeItem("theme");
          else localStorage.setItem("theme", next);
        } catch {
          // Storage may be disabled; the theme still applies for this page.
        }
        apply(next);
        window.dispatchEvent(new Event(EVENT));
      }}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{choice === "system" ? "◐ " : choice === "dark" ? "☾ " : "☀ "}</span>
      {choice === "system" ? "System" : choice === "dark" ? "Dark" : "Light"}
    </button>
  );
}
