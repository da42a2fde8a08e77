import { CHECKS, inspect } from "@/lib/inspector";
import { GROUPS } from "@/lib/inspector/types";
import { simulate } from "@/lib/simulator";
import { exampleRequest } from "@/lib/simulator/examples";

import { FindingsList } from "./findings-list";

const GROUP_NAMES: Record<(typeof GROUPS)[number], string> = {
  status: "Status semantics",
  headers: "Required and code-specific headers",
  caching: "Caching and validation",
  negotiation: "Content negotiation",
  cors: "CORS",
  security: "Security headers",
  body: "Body and framing",
};

/** Server component: the Inspector run on the simulator's answer to a typical request for this code. */
export function InspectorPanel({ code }: { code: number }) {
  const request = exampleRequest(code);
  const sim = simulate(request);
  const { findings } = inspect({
    response: { status: sim.status, reason: sim.statusText, headers: sim.headers, body: sim.body },
    request: { method: request.method, headers: request.headers.map(([n, v]): [string, string] => [n, v]) },
  });
  return (
    <div className="my-4 space-y-3" data-testid="inspector-panel">
      <p className="text-sm">
        The simulator&apos;s answer to{" "}
        <code>
          {request.method} /api/status/{code}
        </code>
        {request.headers.length > 1 ? (
          <>
            {" "}
            with{" "}
            {request.headers
              .slice(1)
              .map(([n, v]) => `${n}: ${v}`)
              .join(", ")}
          </>
        ) : null}
        , as the Inspector sees it:
      </p>
      <FindingsList findings={findings} label={`Findings for the simulated ${code}`} />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">
          What the Inspector checks ({CHECKS.length} checks)
        </summary>
        {GROUPS.map((g) => (
          <div key={g} className="mt-2">
            <p className="font-semibold">{GROUP_NAMES[g]}</p>
            <ul className="list-disc pl-5">
              {CHECKS.filter((c) => c.group === g).map((c) => (
                <li key={c.id}>
                  {c.summary} <code className="text-xs text-slate-600 dark:text-slate-400">{c.id}</code>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </div>
  );
}
