import type { StatusInfo } from "@/lib/registry";
import { unofficialSpecSentence } from "@/lib/registry/sentences";

import { SpecAnchor } from "./spec-link";

export function SpecLinks({ status }: { status: StatusInfo }) {
  // The defining section is said once, in the sentence; the list holds the other sources.
  const seen = new Set<string>(status.specLink ? [status.specLink.label] : []);
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
      {sources.length > 0 ? (
        <>
          <p className="mt-2">Other sources:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {sources.map((l) => (
              <li key={l.label}>
                <SpecAnchor link={l} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
