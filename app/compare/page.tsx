import type { Metadata } from "next";

import { OG_IMAGE } from "@/lib/site";
import Link from "next/link";

import { listCompareSlugs, readComparePage } from "@/lib/content";
import { COMPARE_INDEX_PATH, comparePath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Status codes people confuse, side by side",
  description:
    "401 vs 403, 301 vs 302 vs 307 vs 308, 400 vs 422 and the other pairs API developers mix up, compared from the RFCs.",
  alternates: { canonical: COMPARE_INDEX_PATH },
  openGraph: { images: [OG_IMAGE], url: COMPARE_INDEX_PATH, title: "Comparisons", type: "website" },
};

export default function CompareIndex() {
  const pages = listCompareSlugs()
    .map((s) => readComparePage(s)?.frontmatter)
    .filter((f) => f !== undefined);
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Comparisons</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
        The codes people mix up most, side by side.
      </p>
      <ul className="mt-6 space-y-3">
        {pages.map((p) => (
          <li key={p.slug}>
            <Link
              href={comparePath(p.slug)}
              className="text-lg font-medium text-indigo-700 underline dark:text-indigo-300"
            >
              {p.title}
            </Link>
            <p className="text-slate-700 dark:text-slate-300">{p.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
