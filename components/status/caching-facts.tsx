import { rfcSectionUrl, type StatusInfo } from "@/lib/registry";

import { SpecAnchor } from "./spec-link";

export function CachingFacts({ status }: { status: StatusInfo }) {
  const heuristic = status.heuristicallyCacheable;
  return (
    <div
      className="my-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="caching-facts"
    >
      <p>
        <strong>Heuristically cacheable: {heuristic ? "yes" : "no"}.</strong>{" "}
        {heuristic
          ? "A cache may store and reuse it even without explicit freshness information, estimating a lifetime itself. "
          : null}
        <SpecAnchor link={{ label: "RFC 9110 §15.1", url: rfcSectionUrl(9110, "15.1") }} />,{" "}
        <SpecAnchor link={{ label: "RFC 9111 §4.2.2", url: rfcSectionUrl(9111, "4.2.2") }} />
      </p>
      <p className="mt-2">{status.caching}</p>
    </div>
  );
}
