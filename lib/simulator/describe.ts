/**
 * The simulator describing its own answer: what /api/status/{code} sends for a given method and
 * request headers, as data. The in-page console uses it to show what the browser hides (the 3xx
 * before a followed redirect, a 407 the browser refuses, interim responses). It never fetches anything.
 */
import { z } from "zod";

import { TOKEN } from "../http";
import { PROBLEM_JSON, problem } from "../problem";

import { simulate, SIMULATED_METHODS, type SimResponse } from "./index";
import { SIMULATOR_PREFIX } from "../routes";

export const describeSchema = z.strictObject({
  method: z.enum(SIMULATED_METHODS).default("GET"),
  query: z.string().max(2048).default(""),
  headers: z
    .array(z.tuple([z.string().regex(TOKEN, "header names must be tokens").max(100), z.string().max(4096)]))
    .max(50)
    .default([]),
});

export interface DescribeResult {
  status: number;
  headers: [string, string][];
  body: string;
}

export function describeSimulation(code: string, payload: unknown): DescribeResult {
  const parsed = describeSchema.safeParse(payload);
  if (!parsed.success) {
    const invalid = parsed.error.issues.map((i) => ({ name: i.path.join(".") || "body", reason: i.message }));
    return {
      status: 400,
      headers: [
        ["Content-Type", PROBLEM_JSON],
        ["Cache-Control", "no-store"],
      ],
      body: JSON.stringify(
        problem(400, "The description request is not valid.", { invalidParams: invalid }),
        null,
        2,
      ),
    };
  }
  const { method, query, headers } = parsed.data;
  const q = query === "" || query.startsWith("?") ? query : `?${query}`;
  const sim: SimResponse = simulate({
    method,
    code,
    url: `${SIMULATOR_PREFIX}${encodeURIComponent(code)}${q}`,
    headers,
  });
  return {
    status: 200,
    headers: [
      ["Content-Type", "application/json"],
      ["Cache-Control", "no-store"],
    ],
    body: JSON.stringify(
      { status: sim.status, statusText: sim.statusText, headers: sim.headers, body: sim.body },
      null,
      2,
    ),
  };
}
