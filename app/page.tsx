import Link from "next/link";

import { CodeChip, LifecycleBadge } from "@/components/status-badge";
import { listContentCodes } from "@/lib/content";
import { statusesByClass } from "@/lib/registry";

export default function HomePage() {
  const withPages = new Set(listContentCodes());
  const groups = statusesByClass();
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">HTTP status codes</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        What each code really means, which headers it needs, how caches and clients treat it, and a live
        simulator URL you can put in your tests.
      </p>
      {groups.map((g) => (
        <section key={g.cls} aria-labelledby={`class-${g.cls}`} className="mt-10">
          <h2 id={`class-${g.cls}`} className="text-xl font-semibold">
            {g.cls} <span className="font-normal text-slate-600 dark:text-slate-400">{g.name}</span>
          </h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {g.statuses.map((s) => {
              const inner = (
                <>
                  <CodeChip code={s.code} cls={s.class} />
                  <span className="min-w-0 flex-1 truncate">{s.reason}</span>
                  {s.lifecycle !== "active" ? <LifecycleBadge lifecycle={s.lifecycle} /> : null}
                </>
              );
              return (
                <li key={s.code}>
                  {withPages.has(s.code) ? (
                    <Link href={`/${s.code}`} className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-800 dark:hover:bg-slate-900">
                      {inner}
                    </Link>
                  ) : (
                    <div className="flex items-center gap-3 rounded-lg border border-dashed border-slate-200 px-3 py-2 text-slate-500 dark:border-slate-800">{inner}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
