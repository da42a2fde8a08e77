/**
 * Per-code recipes for the in-page console: one click fills its controls with a situation worth
 * trying ("429 with Retry-After: 30", "1 request in 4 fails with 503", "301 to /v2"). Each is derived
 * from the registry's facts for the code (its header rows, class, redirect rule, whether it reaches the
 * wire), never from a list of codes. Computed on the server; the browser gets the plain data.
 */
import { nextMethod, type ConsoleControls } from "./console-options";
import {
  allStatuses,
  classOf,
  followMethod,
  headerRows,
  nothingReachesClient,
  type FollowMethod,
} from "./registry";

export interface Recipe {
  id: string;
  label: string;
  /** The controls it sets; the others go back to their defaults. `scenario: ""` asks for a fresh name. */
  controls: Partial<ConsoleControls>;
  /** The method to select, when the recipe is about one. */
  method?: string;
  /** A request body to send with it. */
  body?: string;
}

function hasRow(code: number, header: string): boolean {
  return headerRows(code).some((r) => r.header.toLowerCase() === header.toLowerCase());
}

export function recipesFor(code: number): Recipe[] {
  const out: Recipe[] = [];
  const cls = classOf(code);
  const error = cls === "4xx" || cls === "5xx";
  const retryable = cls === "5xx" || hasRow(code, "Retry-After");

  if (nothingReachesClient(code))
    out.push({
      id: "fault-close",
      label: `close the connection without a response, as a real ${code} does`,
      controls: { fault: "close" },
    });
  if (hasRow(code, "Retry-After"))
    out.push({
      id: "retry-after",
      label: `${code} with Retry-After: 30`,
      controls: { retryAfter: "30" },
    });
  if (hasRow(code, "Location")) {
    out.push({ id: "location", label: `${code} to /v2`, controls: { location: "/v2" } });
    const rule = followMethod(code);
    const after = rule === null ? null : nextMethod(rule, "POST");
    if (after !== null)
      out.push({
        id: "post-follow",
        label: `POST, then the browser follows with ${after}`,
        controls: {},
        method: "POST",
        body: '{"n":1}',
      });
  }
  if (hasRow(code, "WWW-Authenticate"))
    out.push({ id: "auth-basic", label: "a Basic challenge instead of Bearer", controls: { auth: "basic" } });
  if (error)
    out.push({
      id: "weighted",
      label: `1 request in 4 fails with ${code}`,
      controls: { codes: `200:3,${code}:1` },
    });
  if (retryable)
    out.push({
      id: "fail-until",
      label: `${code} twice, then 200 (a retry that succeeds)`,
      controls: { scenario: "", failUntil: "2" },
    });
  if (error)
    out.push({
      id: "plain-json",
      label: `${code} as plain JSON, not problem+json`,
      controls: { format: "json" },
    });
  out.push({ id: "delay", label: "answer after 3 s (try Cancel)", controls: { delay: "3000" } });
  return out;
}

/** How browsers treat the method on each redirect they follow, by code: the console's follow rules. */
export function followRules(): Record<string, FollowMethod> {
  const out: Record<string, FollowMethod> = {};
  for (const s of allStatuses()) {
    const rule = followMethod(s.code);
    if (rule !== null) out[String(s.code)] = rule;
  }
  return out;
}
