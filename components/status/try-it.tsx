import { forbidsContent } from "@/lib/simulator";
import type { StatusInfo } from "@/lib/registry";

import { RequestConsole } from "@/components/console/request-console.client";
import { InspectorPanel } from "@/components/inspector/inspector-panel";

import { TryItUrls } from "./try-it.client";

export function simulatorPath(code: number): string {
  return `/api/status/${code}`;
}

/** What the simulator sends for this code, said plainly, then the URL and curl example. */
export function TryIt({ status }: { status: StatusInfo }) {
  const code = status.code;
  let note: string;
  if (code < 200) {
    note = `A ${code} can only be an interim response, never the final one, so the simulator answers with 200 OK and a JSON body that names the ${code} you asked for and says it was not sent.`;
  } else if (forbidsContent(code)) {
    note = `The simulator answers with a real ${code} and, as HTTP requires, no body and no Content-Type.`;
  } else {
    note = `The simulator answers any method with a real ${code}, the headers this code needs, and a small JSON body describing your request. HEAD gets the same headers without the body.`;
  }
  if (status.onWire === false) {
    note += ` Servers that use ${code} never send it to a client${status.clientSeesStatus ? ` (clients get a ${status.clientSeesStatus})` : ""}; the simulator sends it anyway, so you can test how a client copes with the number.`;
  }
  return (
    <div className="my-4 space-y-3" data-testid="try-it">
      <p>{note}</p>
      <TryItUrls path={simulatorPath(code)} />
      <h3 className="mt-6 text-lg font-semibold">Send a request from this page</h3>
      <RequestConsole code={code} />
      <h3 className="mt-6 text-lg font-semibold">Inspector</h3>
      <InspectorPanel code={code} />
    </div>
  );
}
