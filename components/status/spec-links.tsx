import type { StatusInfo } from "@/lib/registry";
import { unofficialSpecSentence } from "@/lib/registry/sentences";

import { SpecAnchor } from "./spec-link";

export function SpecLinks({ status }: { status: StatusInfo }) {
  const seen = new Set<string>();
  const sources = status.sourceLinks.filter((l) => (seen.has(l.label) ? false : (seen.add(l.label), true)));
  return (
    <div className="my-4 text-sm" data-testid="spec-links">
      {status.specLink ? (
        <p>
          Defined in <SpecAnchor link={status.specLink} />.
        </p>
      ) : (
        <p>{unofficialSpecSentence(status.origin)}</p>
      )}
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {sources.map((l) => (
          <li key={l.label}>
            <SpecAnchor link={l} />
          </li>
        ))}
      </ul>
    </div>
  );
}
