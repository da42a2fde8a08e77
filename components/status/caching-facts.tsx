import { citeLinks, type StatusInfo } from "@/lib/registry";
import { cachingFact } from "@/lib/registry/sentences";

import { SpecAnchor } from "./spec-link";

export function CachingFacts({ status }: { status: StatusInfo }) {
  const fact = cachingFact(status);
  const cites = citeLinks(fact.cite);
  return (
    <div
      className="my-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="caching-facts"
    >
      <p>
        {fact.rule}{" "}
        {cites.map((l, i) => (
          <span key={l.label}>
            {i > 0 ? ", " : null}
            <SpecAnchor link={l} />
          </span>
        ))}
      </p>
      {fact.note ? <p className="mt-2">{fact.note}</p> : null}
    </div>
  );
}
