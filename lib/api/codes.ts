/**
 * `/api/codes` and `/api/codes/{code}`: the registry as JSON, for scripts and other sites.
 */
import type { ApiResult, HeaderList } from "../http";
import { PROBLEM_JSON, problem } from "../problem";
import { allStatuses, getStatus, type StatusInfo } from "../registry";
import { parseCode } from "../simulator";
import { codeApiPath, codePath, simulatorPath } from "../routes";

const COMMON: HeaderList = [
  ["Access-Control-Allow-Origin", "*"],
  ["Cache-Control", "public, max-age=3600"],
  ["X-Content-Type-Options", "nosniff"],
];

function publicView(s: StatusInfo) {
  return { ...s, page: codePath(s.code), simulator: simulatorPath(s.code) };
}

function json(status: number, value: unknown, type = "application/json"): ApiResult {
  return { status, headers: [["Content-Type", type], ...COMMON], body: JSON.stringify(value, null, 2) };
}

export function listCodesResponse(): ApiResult {
  return json(200, { count: allStatuses().length, codes: allStatuses().map(publicView) });
}

export function oneCodeResponse(raw: string): ApiResult {
  const parsed = parseCode(raw);
  const instance = codeApiPath(raw);
  if (!parsed.ok) {
    return json(
      400,
      problem(400, parsed.detail, { instance, invalidParams: parsed.invalidParams }),
      PROBLEM_JSON,
    );
  }
  const info = getStatus(parsed.code);
  if (!info) {
    return json(
      404,
      problem(
        404,
        `${parsed.code} is a valid status code, but neither registered nor a common unofficial one, so the registry has no entry for it.`,
        { instance },
      ),
      PROBLEM_JSON,
    );
  }
  return json(200, publicView(info));
}
