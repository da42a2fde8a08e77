"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { nearComparisons, nearestCodes } from "@/lib/search/near";
import { classAnchorPath, codePath, comparePath } from "@/lib/routes";

/** On the 404 page: if the path looks like a status code, point at the nearest documented ones. */
export function NotFoundSuggestions({
  codes,
  comparisons,
}: {
  codes: { code: number; reason: string }[];
  comparisons: { slug: string; title: string }[];
}) {
  const path = usePathname() ?? "";
  const near = nearComparisons(
    path,
    comparisons.map((c) => c.slug),
  );
  if (path.startsWith("/compare/")) {
    const list = near.length > 0 ? comparisons.filter((c) => near.includes(c.slug)) : comparisons;
    return (
      <div className="mt-6">
        <p>{near.length > 0 ? "Comparisons with those codes:" : "The comparisons we have:"}</p>
        <ul className="mt-2 list-disc pl-6" aria-label="Suggested comparisons">
          {list.map((c) => (
            <li key={c.slug}>
              <Link href={comparePath(c.slug)} className="text-indigo-700 underline dark:text-indigo-300">
                {c.title}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const reasons = new Map(codes.map((c) => [c.code, c.reason]));
  const suggestions = nearestCodes([...reasons.keys()], path);
  const asked = path.replace(/^\//, "");
  if (suggestions.length === 0) return null;
  const digit = asked.replace(/[oO]/g, "0")[0];
  return (
    <div className="mt-6">
      <p>
        We have no page for <code>{asked}</code>.{" "}
        {Number(asked) >= 600 || Number(asked) < 100 ? "HTTP status codes run from 100 to 599. " : null}
        The closest codes we document:
      </p>
      <ul className="mt-2 flex flex-wrap gap-2" aria-label="Suggested codes">
        {suggestions.map((c) => (
          <li key={c}>
            <Link
              href={codePath(c)}
              className="inline-flex gap-2 rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              <span className="font-mono font-semibold">{c}</span> {reasons.get(c)}
            </Link>
          </li>
        ))}
      </ul>
      {digit && /[1-5]/.test(digit) ? (
        <p className="mt-3">
          Or browse{" "}
          <Link
            href={classAnchorPath(`${digit}xx`)}
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            all {digit}xx codes
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
