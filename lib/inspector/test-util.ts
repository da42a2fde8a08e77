/** Helpers for the checks' unit tests. */
import { describe, expect, it } from "vitest";

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
  if (c.request)
    input.request = {
      method: c.request.method ?? "GET",
      headers: c.request.headers ?? [],
      ...(c.request.url ? { url: c.request.url } : {}),
    };
  if (c.https !== undefined) input.https = c.https;
  return input;
}

/** The findings with this id (or id prefix ending in "*"). */
export function findings(c: Case, id: string): Finding[] {
  const all = inspect(toInput(c)).findings;
  return id.endsWith("*")
    ? all.filter((f) => f.id.startsWith(id.slice(0, -1)))
    : all.filter((f) => f.id === id);
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

export interface RunOptions {
  /**
   * Only findings of the row's severity count: the bad response must have one, the good one none.
   * Without it (the default) the bad response's most severe finding of that id must have the row's
   * severity, and the good response must have no finding of that id at all.
   */
  sameSeverityOnly?: boolean;
  /** Every reported finding must name the header it is about. */
  requireSubject?: boolean;
}

/** Defines one pair of tests per row: the bad response triggers the check, the good one does not. */
export function runCheckCases(cases: CheckCase[], options: RunOptions = {}): void {
  describe.each(cases)("$id ($severity)", ({ id, severity, bad, good }) => {
    it("reports the bad response", () => {
      const all = findings(bad, id);
      const found = options.sameSeverityOnly ? all.filter((f) => f.severity === severity) : all;
      expect(found.length, JSON.stringify(all)).toBeGreaterThan(0);
      expect(found[0]?.severity).toBe(severity);
      expect(found[0]?.cite.length).toBeGreaterThan(0);
      expect(found[0]?.cite.every((c) => c.url?.startsWith("https://"))).toBe(true);
      if (options.requireSubject) expect(found[0]?.subject).toBeTruthy();
    });
    it("stays quiet on the good one", () => {
      const all = findings(good, id);
      expect(options.sameSeverityOnly ? all.filter((f) => f.severity === severity) : all).toEqual([]);
    });
  });
}
