"use client";

import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps } from "react";

import type { RequestConsole as Console } from "./request-console.client";

// The console (its controls, option checks and follow view) is its own chunk, fetched when the reader
// comes near it, so a page that is only read never loads it.
const RequestConsole = lazy(() =>
  import("./request-console.client").then((m) => ({ default: m.RequestConsole })),
);

function Placeholder({ text }: { text: string }) {
  return (
    <div
      className="my-4 flex min-h-[36rem] items-start rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400"
      data-testid="console-placeholder"
    >
      {text}
    </div>
  );
}

/** Renders the request console once it scrolls near the viewport (or is focused into). */
export function LazyConsole(props: ComponentProps<typeof Console>) {
  const slot = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = slot.current;
    if (!el || near) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: "600px 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return (
    <div ref={slot} data-testid="console-slot" onFocus={() => setNear(true)}>
      {near ? (
        <Suspense fallback={<Placeholder text="Loading the request console…" />}>
          <RequestConsole {...props} />
        </Suspense>
      ) : (
        <Placeholder text="The request console loads when you scroll here (it needs JavaScript)." />
      )}
    </div>
  );
}
