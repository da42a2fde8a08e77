/**
 * The contract: for every code, the simulator's own response to a typical request for that code
 * inspects clean: no error and no warning. (Responses are checked as the server sends them, with the
 * request that produced them, for every method the simulator answers.)
 */
import { describe, expect, it } from "vitest";

import { inspect } from "@/lib/inspector";
import { allStatuses } from "@/lib/registry";
import { simulate, SIMULATED_METHODS } from "@/lib/simulator";
import { exampleRequest } from "@/lib/simulator/examples";

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

/**
 * Findings about the choice of code rather than about the response: the simulator sends the code it
 * is asked for, so a deprecated (305) or reserved (306) code is reported, but it is not a defect of
 * the response. Nothing else is excused.
 */
const ABOUT_THE_CODE_ITSELF: Record<number, string[]> = {
  305: ["status.lifecycle"],
  306: ["status.lifecycle"],
};

const codes = [...allStatuses().map((s) => s.code), 299, 477, 599];

describe.each(codes)("the simulated %i", (code) => {
  const base = exampleRequest(code, NOW);
  const methods =
    code === 201 || code === 100 || code === 412 || code === 417
      ? [base.method]
      : SIMULATED_METHODS.filter(
          (m) =>
            m !== "OPTIONS" &&
            !(code === 304 && m !== "GET" && m !== "HEAD") &&
            !([301, 302].includes(code) && m === "POST"),
        );

  it.each(methods)("%s inspects clean", (method) => {
    const request = { ...base, method };
    const sim = simulate(request);
    const result = inspect({
      response: {
        status: sim.status,
        reason: sim.statusText,
        headers: sim.headers,
        body: sim.body,
        httpVersion: "1.1",
      },
      request: { method, headers: request.headers.map(([n, v]): [string, string] => [n, v]) },
      now: NOW,
    });
    const excused = ABOUT_THE_CODE_ITSELF[code] ?? [];
    const problems = result.findings.filter((f) => f.severity !== "info" && !excused.includes(f.id));
    expect(problems.map((f) => `${f.severity} ${f.id}: ${f.title}`)).toEqual([]);
    // Our own errors are RFC 9457 problem details: the Inspector has nothing to suggest about them.
    expect(result.findings.map((f) => f.id)).not.toContain("body.problem-details");
  });
});

describe("the excuses are still needed", () => {
  it("305 and 306 are reported for what they are", () => {
    for (const code of [305, 306]) {
      const sim = simulate(exampleRequest(code, NOW));
      const ids = inspect({
        response: { status: sim.status, headers: sim.headers, body: sim.body },
        now: NOW,
      }).findings.map((f) => f.id);
      expect(ids).toContain("status.lifecycle");
    }
  });
});
