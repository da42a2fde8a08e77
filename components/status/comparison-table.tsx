import Link from "next/link";
import type { ReactNode } from "react";

import type { StatusInfo } from "@/lib/registry";

import { SpecAnchor } from "./spec-link";
import { codePath } from "@/lib/routes";

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** The registry's facts for several codes, side by side. */
export function ComparisonTable({ statuses }: { statuses: StatusInfo[] }) {
  const rows: [string, (s: StatusInfo) => ReactNode][] = [
    ["Reason phrase", (s) => s.reason],
    [
      "Defined in",
      (s) => (s.specLink ? <SpecAnchor link={s.specLink} /> : `unofficial (${s.origin ?? "convention"})`),
    ],
    ["Content allowed", (s) => yesNo(s.contentAllowed)],
    ["Heuristically cacheable", (s) => yesNo(s.heuristicallyCacheable)],
    ["Required headers", (s) => (s.requiredHeaders.length ? s.requiredHeaders.join(", ") : "none specific")],
    [
      "Recommended headers",
      (s) => (s.recommendedHeaders.length ? s.recommendedHeaders.join(", ") : "none specific"),
    ],
    [
      "Permanent",
      (s) => (s.redirect ? (s.redirect.permanent === null ? "n/a" : yesNo(s.redirect.permanent)) : "n/a"),
    ],
    ["Method when followed", (s) => s.redirect?.methodChange ?? "n/a"],
    ["Retry", (s) => s.retry ?? "not specified"],
  ];
  const used = rows.filter(([label]) =>
    label === "Permanent" || label === "Method when followed" ? statuses.some((s) => s.redirect) : true,
  );
  return (
    <div
      className="my-4 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700"
      data-testid="comparison-table"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Facts side by side</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <td className="px-3 py-2" />
            {statuses.map((s) => (
              <th key={s.code} scope="col" className="px-3 py-2">
                <Link href={codePath(s.code)} className="text-indigo-700 underline dark:text-indigo-300">
                  {s.code}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
          {used.map(([label, cell]) => (
            <tr key={label} className="align-top">
              <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                {label}
              </th>
              {statuses.map((s) => (
                <td key={s.code} className="px-3 py-2">
                  {cell(s)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
