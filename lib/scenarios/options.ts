/**
 * Scenario options: query parameters that may also be sent as `Simulate-*` request headers (the query
 * wins), read and validated here; the engine (index.ts) acts on them.
 */
import type { InvalidParam } from "../problem";

export const MAX_SCENARIO_NAME = 64;
export const MAX_COUNT = 1_000_000;
export const MAX_WINDOW_SECONDS = 86_400;
export const DEFAULT_WINDOW_SECONDS = 60;
/** Longest sequence of codes a scenario walks. */
export const MAX_SEQUENCE = 20;

/** A scenario name: letters, digits and `-._~` (what a URL carries unescaped), 1-64 of them. */
export const SCENARIO_NAME = /^[A-Za-z0-9._~-]{1,64}$/;

export const FAULTS = ["close", "reset", "stall", "truncate", "slow-body"] as const;
export type Fault = (typeof FAULTS)[number];

export interface ScenarioOptions {
  name: string | undefined;
  cycle: boolean;
  failUntil: number | undefined;
  failEvery: number | undefined;
  limit: number | undefined;
  windowSeconds: number;
  fault: Fault | undefined;
}

/** The scenario options, for the docs and OpenAPI (the same shape as the simulator's OPTION_DOCS). */
export const SCENARIO_OPTION_DOCS: { name: string; header?: string; schema: string; description: string }[] =
  [
    {
      name: "scenario",
      header: "Simulate-Scenario",
      schema: `name of 1-${MAX_SCENARIO_NAME} letters, digits, - . _ ~`,
      description:
        "Keys per-scenario state: with it a comma list of codes is a sequence answered in order, a seeded weighted list draws its Nth value for the Nth request, and fail-until, fail-every and limit count. Different names never interfere; a scenario is forgotten after a period without requests.",
    },
    {
      name: "cycle",
      header: "Simulate-Cycle",
      schema: "0 | 1",
      description:
        "With a sequence: 1 starts again from the first code after the last (default: repeat the last).",
    },
    {
      name: "fail-until",
      header: "Simulate-Fail-Until",
      schema: `integer 1-${MAX_COUNT}`,
      description: "With scenario: the first N requests answer the code asked for, every later one 200.",
    },
    {
      name: "fail-every",
      header: "Simulate-Fail-Every",
      schema: `integer 1-${MAX_COUNT}`,
      description:
        "With scenario: every Nth request (N, 2N, ...) answers the code asked for, the others 200.",
    },
    {
      name: "limit",
      header: "Simulate-Limit",
      schema: `integer 1-${MAX_COUNT}`,
      description:
        "With scenario: a counting rate limiter. Up to N requests per window answer the code asked for; after that a simulated 429 with Retry-After and the RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers-10) until the window ends.",
    },
    {
      name: "window",
      header: "Simulate-Window",
      schema: `integer 1-${MAX_WINDOW_SECONDS} (seconds)`,
      description: `With limit: the length of the fixed window in seconds (default ${DEFAULT_WINDOW_SECONDS}). The first request opens it.`,
    },
    {
      name: "fault",
      header: "Simulate-Fault",
      schema: FAULTS.join(" | "),
      description:
        "Misbehave at the connection instead of answering: close (close without a response, like nginx's 444), reset (TCP reset), stall (send nothing, then close after delay or the delay cap), truncate (declare a Content-Length and send less), slow-body (send the body a little at a time over delay, default 2000 ms). With fail-until or fail-every only on the requests that fail. Needs the site's own server (npm start).",
    },
  ];

const NAMES = new Set(SCENARIO_OPTION_DOCS.map((o) => o.name));
const HEADERS = SCENARIO_OPTION_DOCS.flatMap((o) => (o.header ? [o.header.toLowerCase()] : []));
const IN_QUERY = new RegExp(`[?&](?:${[...NAMES].map((n) => n.replace("-", "\\-")).join("|")})=`);

/**
 * Cheap check for the hot path: does this request carry any scenario option (query or header)?
 * False means the request is answered exactly as without scenarios.
 */
export function hasScenarioOptions(url: string, headers: ReadonlyArray<readonly [string, string]>): boolean {
  const q = url.indexOf("?");
  if (q >= 0 && IN_QUERY.test(url.slice(q))) return true;
  for (const [name] of headers) {
    if (name.length > 9 && (name.charCodeAt(0) | 32) === 115 /* s */ && HEADERS.includes(name.toLowerCase()))
      return true;
  }
  return false;
}

function intIn(raw: string, min: number, max: number): number | null {
  const t = raw.trim();
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

export type ScenarioParse = { ok: true; options: ScenarioOptions } | { ok: false; invalid: InvalidParam[] };

export function parseScenarioOptions(
  query: URLSearchParams,
  header: (name: string) => string | undefined,
): ScenarioParse {
  const invalid: InvalidParam[] = [];
  const pick = (name: string): string | undefined => {
    const all = query.getAll(name);
    if (all.length > 1) {
      invalid.push({ name, reason: "give this parameter once" });
      return undefined;
    }
    if (all.length === 1) return all[0];
    const doc = SCENARIO_OPTION_DOCS.find((o) => o.name === name);
    return doc?.header ? header(doc.header) : undefined;
  };
  const count = (name: string): number | undefined => {
    const raw = pick(name);
    if (raw === undefined) return undefined;
    const n = intIn(raw, 1, MAX_COUNT);
    if (n === null) invalid.push({ name, reason: `must be a whole number from 1 to ${MAX_COUNT}` });
    return n ?? undefined;
  };

  const o: ScenarioOptions = {
    name: undefined,
    cycle: false,
    failUntil: undefined,
    failEvery: undefined,
    limit: undefined,
    windowSeconds: DEFAULT_WINDOW_SECONDS,
    fault: undefined,
  };
  const name = pick("scenario");
  if (name !== undefined) {
    if (SCENARIO_NAME.test(name.trim())) o.name = name.trim();
    else
      invalid.push({
        name: "scenario",
        reason: `must be 1 to ${MAX_SCENARIO_NAME} letters, digits, -, ., _ or ~`,
      });
  }
  const cycle = pick("cycle");
  if (cycle !== undefined) {
    if (cycle.trim() === "1" || cycle.trim() === "0") o.cycle = cycle.trim() === "1";
    else invalid.push({ name: "cycle", reason: "must be 0 or 1" });
  }
  o.failUntil = count("fail-until");
  o.failEvery = count("fail-every");
  o.limit = count("limit");
  const window = pick("window");
  if (window !== undefined) {
    const n = intIn(window, 1, MAX_WINDOW_SECONDS);
    if (n === null)
      invalid.push({
        name: "window",
        reason: `must be a whole number of seconds from 1 to ${MAX_WINDOW_SECONDS}`,
      });
    else o.windowSeconds = n;
    if (pick("limit") === undefined) invalid.push({ name: "window", reason: "needs limit" });
  }
  const fault = pick("fault");
  if (fault !== undefined) {
    const f = fault.trim().toLowerCase();
    if ((FAULTS as readonly string[]).includes(f)) o.fault = f as Fault;
    else invalid.push({ name: "fault", reason: `must be one of ${FAULTS.join(", ")}` });
  }

  if (o.failUntil !== undefined && o.failEvery !== undefined)
    invalid.push({ name: "fail-every", reason: "give fail-until or fail-every, not both" });
  if (o.name === undefined && name === undefined) {
    for (const [key, value] of [
      ["cycle", cycle],
      ["fail-until", o.failUntil],
      ["fail-every", o.failEvery],
      ["limit", o.limit],
    ] as const)
      if (value !== undefined)
        invalid.push({ name: key, reason: "needs a scenario name (scenario=NAME) to count requests in" });
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, options: o };
}
