/**
 * `GET` / `DELETE /api/scenarios/{name}`: a scenario's state as JSON, and its reset. Framework-free:
 * the node:http server and the Next route handler both call it.
 */
import type { ApiResult, HeaderList } from "../http";
import { PROBLEM_JSON, problem } from "../problem";
import { StoreUnavailableError } from "../state";

import { SCENARIO_NAME, MAX_SCENARIO_NAME } from "./options";

import type { ScenarioEngine } from "./index";

const BASE: HeaderList = [
  ["Cache-Control", "no-store"],
  ["X-Content-Type-Options", "nosniff"],
  ["Access-Control-Allow-Origin", "*"],
];

function error(
  status: number,
  detail: string,
  instance: string,
  name: string,
  extra: HeaderList = [],
): ApiResult {
  return {
    status,
    headers: [["Content-Type", PROBLEM_JSON], ...BASE, ...extra],
    body: JSON.stringify(
      problem(status, detail, { instance, invalidParams: [{ name, reason: detail }] }),
      null,
      2,
    ),
  };
}

export async function scenarioApi(
  method: string,
  rawName: string,
  engine: ScenarioEngine,
): Promise<ApiResult> {
  const instance = `/api/scenarios/${encodeURIComponent(rawName)}`;
  const m = method.toUpperCase();
  if (m !== "GET" && m !== "HEAD" && m !== "DELETE")
    return error(
      405,
      `${m} is not allowed here: GET shows a scenario, DELETE resets it.`,
      instance,
      "method",
      [["Allow", "GET, HEAD, DELETE"]],
    );
  if (!SCENARIO_NAME.test(rawName))
    return error(
      400,
      `A scenario name is 1 to ${MAX_SCENARIO_NAME} letters, digits, -, ., _ or ~.`,
      instance,
      "name",
    );
  try {
    if (m === "DELETE") {
      await engine.reset(rawName);
      return { status: 204, headers: [...BASE], body: "" };
    }
    const state = await engine.inspect(rawName);
    if (!state)
      return error(
        404,
        `Scenario ${rawName} has no state: it was never used, was reset, or expired after ${Math.round(engine.ttlMs / 1000)} s without requests.`,
        instance,
        "name",
      );
    return {
      status: 200,
      headers: [["Content-Type", "application/json"], ...BASE],
      body: JSON.stringify(state, null, 2),
    };
  } catch (err) {
    if (err instanceof StoreUnavailableError)
      return error(
        503,
        `The scenario state store (${engine.store.kind}) is unreachable. Retry shortly.`,
        instance,
        "name",
        [["Retry-After", "1"]],
      );
    throw err;
  }
}
