import { tryItNote } from "@/lib/content/try-it";
import { followedRedirect, type StatusInfo } from "@/lib/registry";

import { RequestConsole } from "@/components/console/request-console.client";
import { InspectorPanel } from "@/components/inspector/inspector-panel";

/** What the simulator sends for this code, said plainly, then the URL and curl example. */
export function TryIt({ status }: { status: StatusInfo }) {
  const code = status.code;
  const note = tryItNote(status);
  return (
    <div className="my-4 space-y-3" data-testid="try-it">
      <p>{note}</p>
      <h3 className="mt-6 text-lg font-semibold">Send a request from this page</h3>
      <RequestConsole code={code} facts={{ followsRedirect: followedRedirect(code) }} />
      <h3 className="mt-6 text-lg font-semibold">Inspector</h3>
      <InspectorPanel code={code} />
    </div>
  );
}
