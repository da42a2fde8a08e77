/**
 * RFC 9457 problem details, as used by every error the site's own API reports.
 */
import { reasonPhrase } from "./registry";

export const PROBLEM_JSON = "application/problem+json";

export interface InvalidParam {
  /** The parameter that was wrong: a path segment, query parameter or header name. */
  name: string;
  /** What rule it broke, in plain words. */
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  "invalid-params"?: InvalidParam[];
}

/**
 * Builds a problem object. With `type` left out it is `about:blank`, whose `title` must be the
 * status code's reason phrase (RFC 9457 §4.2.1).
 */
export function problem(
  status: number,
  detail: string,
  extra: { instance?: string; invalidParams?: InvalidParam[] } = {},
): Problem {
  const p: Problem = { type: "about:blank", title: reasonPhrase(status), status, detail };
  if (extra.instance !== undefined) p.instance = extra.instance;
  if (extra.invalidParams && extra.invalidParams.length > 0) p["invalid-params"] = extra.invalidParams;
  return p;
}
