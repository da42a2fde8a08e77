import type { ConsoleFacts } from "@/lib/console";
import { tryItNote } from "@/lib/content/try-it";
import { followRules, recipesFor } from "@/lib/console-recipes";
import { answersOnly, followedRedirect, type StatusInfo } from "@/lib/registry";

import { LazyConsole } from "@/components/console/lazy-console.client";
import { InspectorPanel } from "@/components/inspector/inspector-panel";

function consoleFacts(code: number): ConsoleFacts {
  return {
    followsRedirect: followedRedirect(code),
    answersOnly: answersOnly(code)?.request,
    followRules: followRules(),
  };
}

/** What the simulator sends for this code, said plainly, then the URL and curl example. */
export function TryIt({ status }: { status: StatusInfo }) {
  const code = status.code;
  const note = tryItNote(status);
  return (
    <div className="group my-4 space-y-3" data-testid="try-it">
      <p>{note}</p>
      <h3 className="mt-6 text-lg font-semibold">Send a request from this page</h3>
      <LazyConsole code={code} facts={consoleFacts(code)} recipes={recipesFor(code)} />
      {/* Once the console shows a result, it carries the Inspector's findings on what came back:
          the verdict on the typical answer steps aside, so the page never shows two Inspectors. */}
      <section
        aria-labelledby={`inspector-${code}`}
        className="group-has-[[data-testid=console-result]]:hidden"
        data-testid="typical-inspector"
      >
        <h3 id={`inspector-${code}`} className="mt-6 text-lg font-semibold">
          Inspector
        </h3>
        <InspectorPanel code={code} />
      </section>
    </div>
  );
}
