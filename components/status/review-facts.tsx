import { checkedLine, uncheckedTools } from "@/lib/content/claims";
import type { StatusPage } from "@/lib/content";
import type { StatusInfo } from "@/lib/registry";

import { SpecAnchor } from "./spec-link";

/**
 * The end of every reference page: when its facts were last checked, which vendor and tool claims
 * were checked against which version, which tools it names that are not dated yet, and its sources.
 */
export function ReviewFacts({ page, status }: { page: StatusPage; status: StatusInfo }) {
  const { reviewed, checked } = page.frontmatter;
  const line = checkedLine(checked);
  const unchecked = uncheckedTools(page.body, checked);
  const seen = new Set<string>();
  const sources = status.sourceLinks.filter((l) => (seen.has(l.label) ? false : (seen.add(l.label), true)));
  return (
    <section
      className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300"
      aria-label="Review and sources"
      data-testid="review-facts"
    >
      <p>
        Reviewed on <time dateTime={reviewed}>{reviewed}</time>.{line ? <> {line}</> : null}
      </p>
      {checked.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="checked-claims">
          {checked.map((c) => (
            <li key={`${c.source}|${c.claim}`}>
              {c.source} {c.version}: {c.claim} (checked {c.date})
            </li>
          ))}
        </ul>
      ) : null}
      {unchecked.length > 0 ? (
        <p className="mt-2" data-testid="unchecked-tools">
          Not yet checked against a named version: {unchecked.join(", ")}. Read what this page says about them
          as of the review date.
        </p>
      ) : null}
      <p className="mt-2 font-medium">Sources</p>
      <ul className="list-disc space-y-1 pl-5">
        {sources.map((l) => (
          <li key={l.label}>
            <SpecAnchor link={l} />
          </li>
        ))}
        {[...new Set(checked.map((c) => `${c.source} ${c.version}`))].map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
