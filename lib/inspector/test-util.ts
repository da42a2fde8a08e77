/** Helpers for the checks' unit tests. */
import { inspect } from "./index";
import type { Finding, HeaderList, InspectInput } from "./types";

export interface Case {
  status: number;
  headers?: HeaderList;
  body?: string | null;
  reason?: string;
  httpVersion?: string;
  request?: { method?: string; headers?: HeaderList; url?: string };
  https?: boolean;
}

export const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
export const NOW_HTTP = "Wed, 25 Nov 2026 12:00:00 GMT";

export function toInput(c: Case): InspectInput {
  const input: InspectInput = {
    response: { status: c.status, headers: c.headers ?? [], body: c.body ?? null },
    now: NOW,
  };
  if (c.reason !== undefined) input.response.reason = c.reason;
  if (c.httpVersion !== undefined) input.response.httpVersion = c.httpVersion;
  if (c.request) input.request = { method: c.request.method ?? "GET", headers: c.request.headers ?? [], ...(c.request.url ? { url: c.request.url } : {}) };
  if (c.https !== undefined) input.https = c.https;
  return input;
}

/** The findings with this id (or id prefix ending in "*"). */
export function findings(c: Case, id: string): Finding[] {
  const all = inspect(toInput(c)).findings;
  return id.endsWith("*") ? all.filter((f) => f.id.startsWith(id.slice(0, -1))) : all.filter((f) => f.id === id);
}

/**
 * One row per check: a response that must trigger it (with the expected severity) and one that must not.
 * Used as `describe.each(rows)` in each group's test file.
 */
export interface CheckCase {
  id: string;
  severity: Finding["severity"];
  bad: Case;
  good: Case;
}
