/**
 * What the site says about a code in 100-599 that the IANA registry does not assign and no common
 * convention uses (e.g. 432): how a client treats it (its class's x00, RFC 9110 §15), how caches do
 * (RFC 9111 §3), that the simulator sends it anyway, and its nearest documented neighbours.
 */
import { allStatuses, CLASS_NAMES, classOf, getStatus, reasonPhrase, type StatusClass } from "../registry";
import { cachingFact, type CachingFact } from "../registry/sentences";
import { simulatorPath } from "../routes";

import { simulate } from "../simulator";

import { listContentCodes } from "./index";

export interface UnassignedCode {
  code: number;
  cls: StatusClass;
  className: string;
  /** The code a client treats it as: the class's x00. */
  fallback: { code: number; reason: string };
  /** The reason phrase the simulator puts on the status line. */
  wireReason: string;
  simulator: string;
  caching: CachingFact;
  /** The nearest documented codes below and above, in any class. */
  previous: { code: number; reason: string } | null;
  next: { code: number; reason: string } | null;
  /** The documented codes of the same class, for the "others in this class" list. */
  sameClass: { code: number; reason: string }[];
}

/** Whether `code` is a three-digit status code the site has no entry for. */
export function isUnassigned(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599 && getStatus(code) === undefined;
}

export function unassignedCode(code: number): UnassignedCode | undefined {
  if (!isUnassigned(code)) return undefined;
  const cls = classOf(code);
  const x00 = Math.floor(code / 100) * 100;
  const documented = new Set(listContentCodes());
  const known = allStatuses()
    .filter((s) => documented.has(s.code))
    .map((s) => ({ code: s.code, reason: s.reason }));
  const below = known.filter((s) => s.code < code);
  return {
    code,
    cls,
    className: CLASS_NAMES[cls],
    fallback: { code: x00, reason: getStatus(x00)?.reason ?? reasonPhrase(x00) },
    wireReason: reasonPhrase(code),
    simulator: simulatorPath(code),
    caching: cachingFact({
      code,
      official: false,
      finalResponse: code >= 200,
      heuristicallyCacheable: false,
      neverStore: false,
      specLink: null,
    }),
    previous: below.at(-1) ?? null,
    next: known.find((s) => s.code > code) ?? null,
    sameClass: known.filter((s) => classOf(s.code) === cls),
  };
}

/** What the simulator does with the code, asked of the simulator itself. */
export function unassignedSimulatorNote(code: number): string {
  const res = simulate({ method: "GET", url: simulatorPath(code), code: String(code), headers: [], now: new Date(0) });
  if (res.status === code)
    return `The simulator sends it anyway, as \`${code} ${res.statusText}\` with a small JSON body, so you can test how your client copes with a code it does not know.`;
  return `The simulator cannot send it as the final status, since a 1xx is only ever interim: it answers ${res.status} ${res.statusText} and says so in the body.`;
}
