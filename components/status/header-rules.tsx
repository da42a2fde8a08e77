import { headerChips } from "@/lib/content/header-chips";
import { citeLinks, levelLabel, type StatusInfo } from "@/lib/registry";

import { SpecAnchor } from "./spec-link";

function HeaderList({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </dt>
      <dd className="mt-1 flex flex-wrap gap-1.5">
        {names.map((n) => (
          <code key={n} className="rounded bg-slate-100 px-1.5 py-0.5 text-sm dark:bg-slate-800">
            {n}
          </code>
        ))}
      </dd>
    </div>
  );
}

/** The registry's header rules for one code: summary lists, then every rule with its citation. */
export function HeaderRules({ status }: { status: StatusInfo }) {
  const chips = headerChips(status);
  return (
    <div className="my-4 space-y-4" data-testid="header-rules">
      <dl className="grid gap-3 sm:grid-cols-2" data-testid="header-chips">
        <HeaderList title="Required" names={chips.required} />
        <HeaderList title="Recommended" names={chips.recommended} />
        <HeaderList title="Optional" names={chips.optional} />
        <HeaderList title="Must not be sent" names={chips.forbidden} />
        <HeaderList title="Should not be sent" names={chips.discouraged} />
      </dl>
      {status.requiredHeadersNote ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">{status.requiredHeadersNote}</p>
      ) : null}
      {status.headerRules.length > 0 ? (
        // On phones each rule is a card (header and level, then when, then the spec), so no column
        // is squeezed or cut; from sm up it is a table.
        <div className="rounded-lg border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-sm max-sm:block">
            <caption className="sr-only">Header rules for {status.code}</caption>
            <thead className="bg-slate-50 text-xs text-slate-600 uppercase max-sm:sr-only dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Header
                </th>
                <th scope="col" className="px-3 py-2">
                  Level
                </th>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Spec
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 max-sm:block dark:divide-slate-700">
              {status.headerRules.map((rule) => (
                <tr
                  key={`${rule.header}|${rule.level}|${rule.when}`}
                  className="align-top max-sm:grid max-sm:grid-cols-[1fr_auto] max-sm:gap-x-3 max-sm:gap-y-1 max-sm:p-3"
                  data-testid="header-rule"
                >
                  <td className="px-3 py-2 font-mono text-xs break-words max-sm:p-0 max-sm:text-sm max-sm:font-semibold">
                    {rule.header}
                  </td>
                  <td className="px-3 py-2 font-semibold whitespace-nowrap max-sm:p-0 max-sm:text-right">
                    {levelLabel(rule)}
                  </td>
                  <td className="px-3 py-2 max-sm:col-span-2 max-sm:p-0">{rule.when}</td>
                  <td className="px-3 py-2 sm:whitespace-nowrap max-sm:col-span-2 max-sm:p-0 max-sm:text-xs">
                    {citeLinks(rule.cite).map((l, i) => (
                      <span key={l.label}>
                        {i > 0 ? ", " : null}
                        <SpecAnchor link={l} />
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm">No header rules specific to this code.</p>
      )}
    </div>
  );
}
