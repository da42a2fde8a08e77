/**
 * The header summary above a code's rule table ("Required", "Recommended", ...): the registry's lists,
 * plus every single-header rule of the table under its level, so that the chips never leave out a
 * header the table lists (Date is a MUST on 2xx-4xx, RFC 9110 §6.6.1, and a MAY on 1xx and 5xx).
 */
import type { RuleLevel, StatusInfo } from "../registry";

export interface HeaderChips {
  required: string[];
  recommended: string[];
  optional: string[];
  forbidden: string[];
  discouraged: string[];
}

const LIST_OF: Record<RuleLevel, keyof HeaderChips> = {
  MUST: "required",
  SHOULD: "recommended",
  MAY: "optional",
  "MUST NOT": "forbidden",
  "SHOULD NOT": "discouraged",
};

/** A rule about one header by name ("Date"), not about several or about the body. */
const ONE_HEADER = /^[A-Za-z][A-Za-z0-9-]*$/;

type ChipInput = Pick<
  StatusInfo,
  | "requiredHeaders"
  | "recommendedHeaders"
  | "optionalHeaders"
  | "forbiddenHeaders"
  | "discouragedHeaders"
  | "headerRules"
>;

export function headerChips(s: ChipInput): HeaderChips {
  const chips: HeaderChips = {
    required: [...s.requiredHeaders],
    recommended: [...s.recommendedHeaders],
    optional: [...s.optionalHeaders],
    forbidden: [...s.forbiddenHeaders],
    discouraged: [...s.discouragedHeaders],
  };
  const listed = new Set(Object.values(chips).flatMap((names: string[]) => names.map((n) => n.toLowerCase())));
  // The strongest level first, so a header with a MUST and a MAY rule is listed as required.
  for (const level of ["MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY"] as const) {
    for (const rule of s.headerRules) {
      if (rule.level !== level || !ONE_HEADER.test(rule.header)) continue;
      const key = rule.header.toLowerCase();
      if (listed.has(key)) continue;
      listed.add(key);
      chips[LIST_OF[level]].push(rule.header);
    }
  }
  return chips;
}
