"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { nearestCodes } from "@/lib/search";
import { classAnchorPath, codePath } from "@/lib/routes";

/** On the 404 page: if the path looks like a status code, point at the nearest documented ones. */
export function NotFoundSuggestions({ codes }: { codes: number[] }) {
  const path = usePathname();
  const suggestions = nearestCodes(codes, path ?? "");
  const asked = (path ?? "").replace(/^\//, "");
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
              className="rounded-md border border-slate-300 px-2 py-1 font-mono hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {c}
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
