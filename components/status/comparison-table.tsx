import Link from "next/link";
import type { ReactNode } from "react";

import { headerChips } from "@/lib/content/header-chips";
import type { StatusInfo } from "@/lib/registry";

import { SpecAnchor } from "./spec-link";
import { codePath } from "@/lib/routes";

const yesNo = (b: boolean) => (b ? "yes" : "no");
const listOr = (names: string[], none: string) => (names.length ? names.join(", ") : none);

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
    ["Required headers", (s) => listOr(headerChips(s).required, "none")],
    ["Recommended headers", (s) => listOr(headerChips(s).recommended, "none specific")],
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
  // On phones each fact is a card listing every code's value, so no column is cut off; from sm up
  // it is a table with a column per code.
  return (
    <div
      className="my-4 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700"
      data-testid="comparison-table"
    >
      <table className="w-full text-left text-sm max-sm:block">
        <caption className="sr-only">Facts side by side</caption>
        <thead className="bg-slate-50 max-sm:sr-only dark:bg-slate-900">
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
        <tbody className="divide-y divide-slate-200 max-sm:block dark:divide-slate-700">
          {used.map(([label, cell]) => (
            <tr key={label} className="align-top max-sm:block max-sm:p-3">
              <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap max-sm:block max-sm:p-0">
                {label}
              </th>
              {statuses.map((s) => (
                <td
                  key={s.code}
                  data-code={s.code}
                  className="px-3 py-2 max-sm:mt-1 max-sm:flex max-sm:gap-3 max-sm:p-0 max-sm:before:w-10 max-sm:before:shrink-0 max-sm:before:font-mono max-sm:before:font-semibold max-sm:before:text-slate-600 max-sm:before:content-[attr(data-code)] dark:max-sm:before:text-slate-400"
                >
                  <span className="min-w-0">{cell(s)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
