import { slugify } from "@/lib/slug";
import { siteUrl } from "@/lib/site";

import { simulatorPath } from "@/lib/routes";
import { TryItUrls } from "./try-it.client";

/** Markdown heading text as a reader sees it (no backticks or emphasis marks). */
function plain(heading: string): string {
  return heading.replace(/[`*_]/g, "");
}

function Toc({ headings }: { headings: string[] }) {
  return (
    <ul className="space-y-1 border-l border-slate-200 dark:border-slate-700">
      {headings.map((h) => (
        <li key={h}>
          <a
            href={`#${slugify(plain(h))}`}
            className="-ml-px block border-l border-transparent py-0.5 pl-3 text-slate-700 hover:border-slate-400 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            {plain(h)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The column beside a reference page: the simulator URL and curl line first (what most visitors came
 * for), then the page's table of contents. Sticky beside the text on wide screens; on phones it sits
 * right under the lead.
 */
export function TryAside({ code, headings }: { code: number; headings: string[] }) {
  return (
    <aside
      aria-label={`Try ${code} now`}
      className="mt-6 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:mt-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
    >
      <div className="rounded-xl border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-900/60">
        <TryItUrls path={simulatorPath(code)} rendered={siteUrl()} />
        <p className="mt-2 text-sm">
          <a href="#try-it" className="text-indigo-700 underline dark:text-indigo-300">
            Send it from this page
          </a>{" "}
          or{" "}
          <a href="/docs/simulator" className="text-indigo-700 underline dark:text-indigo-300">
            add delays, headers, weights
          </a>
          .
        </p>
      </div>
      <nav aria-label="On this page" className="mt-6 hidden text-sm lg:block">
        <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          On this page
        </p>
        <Toc headings={headings} />
      </nav>
      <details className="mt-3 text-sm lg:hidden">
        <summary className="cursor-pointer font-medium">On this page</summary>
        <nav aria-label="On this page" className="mt-2">
          <Toc headings={headings} />
        </nav>
      </details>
    </aside>
  );
}
