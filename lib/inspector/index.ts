/**
 * The Inspector: explains a response and flags what breaks clients and caches. Pure: no I/O.
 */
import { CHECKS } from "./checks";
import { toFinding, type Context, type Finding, type InspectInput, type Severity } from "./types";

export * from "./types";
export { CHECKS };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function buildContext(input: InspectInput): Context {
  const headers = input.response.headers;
  const all = (name: string) => {
    const lower = name.toLowerCase();
    return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  };
  const reqHeaders = input.request?.headers ?? [];
  const body = input.response.body ?? "";
  return {
    input,
    status: input.response.status,
    method: input.request?.method.toUpperCase(),
    all,
    get: (name) => {
      const values = all(name);
      return values.length ? values.join(", ") : undefined;
    },
    has: (name) => all(name).length > 0,
    req: (name) => {
      const lower = name.toLowerCase();
      const values = reqHeaders.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
      return values.length ? values.join(", ") : undefined;
    },
    hasRequest: input.request !== undefined,
    body,
    hasContent: body.length > 0,
    now: input.now ?? new Date(),
  };
}

export interface InspectResult {
  findings: Finding[];
  /** How many checks ran, and which could not for lack of the request. */
  ran: number;
  skipped: string[];
  counts: Record<Severity, number>;
}

/** Runs every check. Findings come out errors first, then warnings, then information. */
export function inspect(input: InspectInput): InspectResult {
  const ctx = buildContext(input);
  const findings: Finding[] = [];
  const skipped: string[] = [];
  let ran = 0;
  for (const check of CHECKS) {
    if (check.needsRequest && !ctx.hasRequest) {
      skipped.push(check.id);
      continue;
    }
    ran++;
    const out = check.run(ctx);
    if (!out) continue;
    for (const draft of Array.isArray(out) ? out : [out]) findings.push(toFinding(check, draft));
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, ran, skipped, counts };
}
