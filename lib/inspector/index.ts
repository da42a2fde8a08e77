/**
 * The Inspector: explains a response and flags what breaks clients and caches. Pure: no I/O.
 */
import { CHECKS } from "./checks";
import {
  toFinding,
  type Context,
  type Finding,
  type HeaderList,
  type InspectInput,
  type Severity,
} from "./types";

export * from "./types";
export { CHECKS };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Header values by lower-cased name, in order: built once, so every lookup is constant time. */
function indexHeaders(headers: HeaderList): (name: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const [n, v] of headers) {
    const key = n.toLowerCase();
    const values = byName.get(key);
    if (values) values.push(v);
    else byName.set(key, [v]);
  }
  const none: string[] = [];
  return (name) => byName.get(name.toLowerCase()) ?? none;
}

export function buildContext(input: InspectInput): Context {
  const all = indexHeaders(input.response.headers);
  const reqAll = indexHeaders(input.request?.headers ?? []);
  const joined = new Map<string, string | undefined>();
  const body = input.response.body ?? "";
  return {
    input,
    status: input.response.status,
    method: input.request?.method.toUpperCase(),
    all: (name) => [...all(name)],
    get: (name) => {
      const key = name.toLowerCase();
      if (!joined.has(key)) {
        const values = all(key);
        joined.set(key, values.length ? values.join(", ") : undefined);
      }
      return joined.get(key);
    },
    has: (name) => all(name).length > 0,
    req: (name) => {
      const values = reqAll(name);
      return values.length ? values.join(", ") : undefined;
    },
    hasRequest: input.request !== undefined,
    body,
    hasContent: body.length > 0,
    now: input.now ?? new Date(),
  };
}

/** At most this many different findings of one check are listed; the rest are counted in one more. */
export const MAX_FINDINGS_PER_CHECK = 10;
/** Titles and explanations are cut here, so a finding that quotes a huge value stays readable. */
const MAX_TITLE = 240;
const MAX_EXPLANATION = 1200;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Groups repeated findings: the same check, severity and title is one finding with a count, and a
 * check that finds more than MAX_FINDINGS_PER_CHECK different things lists that many and sums up
 * the rest. The output is then bounded whatever the input repeats (issue 10: a 65 KB max-age list
 * once gave 3.7 MB of findings).
 */
function group(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  const perCheck = new Map<string, { listed: number; rest: Finding | undefined }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.id}\u0000${f.severity}\u0000${f.title}`;
    const same = byKey.get(key);
    if (same) {
      same.count = (same.count ?? 1) + 1;
      continue;
    }
    const check = perCheck.get(f.id) ?? { listed: 0, rest: undefined };
    perCheck.set(f.id, check);
    if (check.listed < MAX_FINDINGS_PER_CHECK) {
      check.listed++;
      const listed = {
        ...f,
        title: clip(f.title, MAX_TITLE),
        explanation: clip(f.explanation, MAX_EXPLANATION),
      };
      byKey.set(key, listed);
      out.push(listed);
      continue;
    }
    if (!check.rest) {
      check.rest = {
        id: f.id,
        severity: f.severity,
        group: f.group,
        title: `More findings like these (${f.id})`,
        explanation: `This check found more problems of the same kind than are listed here; fix the ones above and inspect again.`,
        cite: f.cite,
        count: 0,
      };
      if (f.subject) check.rest.subject = f.subject;
      out.push(check.rest);
    }
    check.rest.count = (check.rest.count ?? 0) + 1;
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[check.rest.severity]) check.rest.severity = f.severity;
  }
  for (const f of out) {
    if (f.count !== undefined && f.count > 1)
      f.explanation = `${f.explanation} (Found ${f.count} times in this response.)`;
  }
  return out;
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
  const grouped = group(findings);
  grouped.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of grouped) counts[f.severity]++;
  return { findings: grouped, ran, skipped, counts };
}
