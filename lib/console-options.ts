/**
 * The in-page console's simulator options: the controls' values, the query they make, and their
 * validation by the simulator's own parsers (so the console refuses exactly what the simulator would
 * answer 400, before any request is sent). Also the redirect "follow" step. Pure, and light enough for
 * the browser: no registry, no zod.
 */
import type { FollowMethod } from "./registry";
import { SIMULATOR_PREFIX, simulatorPath } from "./routes";
import { FAULTS, parseScenarioOptions, type Fault } from "./scenarios/options";
import { isWeighted, parseChoices } from "./simulator/choice";
import { parseCode } from "./simulator/code";
import { parseOptions } from "./simulator/options";

export const FORMATS = ["json", "problem", "text"] as const;
export const AUTH_SCHEMES = ["bearer", "basic"] as const;
export { FAULTS };

/** What the console's controls hold, as typed (strings, so a half-typed value is kept as it is). */
export interface ConsoleControls {
  /** The code path segment: one code, a weighted list (200:3,503:1) or a sequence (503,503,200). */
  codes: string;
  delay: string;
  retryAfter: string;
  location: string;
  format: "" | (typeof FORMATS)[number];
  auth: "" | (typeof AUTH_SCHEMES)[number];
  seed: string;
  scenario: string;
  failUntil: string;
  failEvery: string;
  limit: string;
  window: string;
  cycle: boolean;
  fault: "" | Fault;
}

export type ControlName = keyof ConsoleControls;

export function defaultControls(code: number): ConsoleControls {
  return {
    codes: String(code),
    delay: "",
    retryAfter: "",
    location: "",
    format: "",
    auth: "",
    seed: "",
    scenario: "",
    failUntil: "",
    failEvery: "",
    limit: "",
    window: "",
    cycle: false,
    fault: "",
  };
}

/** Each control's query parameter (the simulator's and the scenarios' option names) and label. */
export const CONTROL_PARAMS: readonly {
  control: Exclude<ControlName, "codes">;
  param: string;
  label: string;
}[] = [
  { control: "delay", param: "delay", label: "Delay" },
  { control: "retryAfter", param: "retry-after", label: "Retry-After" },
  { control: "location", param: "location", label: "Location" },
  { control: "format", param: "format", label: "Format" },
  { control: "auth", param: "auth", label: "Auth" },
  { control: "seed", param: "seed", label: "Seed" },
  { control: "scenario", param: "scenario", label: "Scenario" },
  { control: "failUntil", param: "fail-until", label: "Fail until" },
  { control: "failEvery", param: "fail-every", label: "Fail every" },
  { control: "limit", param: "limit", label: "Limit" },
  { control: "window", param: "window", label: "Window" },
  { control: "cycle", param: "cycle", label: "Cycle" },
  { control: "fault", param: "fault", label: "Fault" },
];

/** The query parameters the controls make, in a fixed order; empty controls are left out. */
export function controlParams(c: ConsoleControls): [string, string][] {
  const out: [string, string][] = [];
  for (const { control, param } of CONTROL_PARAMS) {
    const v = c[control];
    if (typeof v === "boolean") {
      if (v) out.push([param, "1"]);
    } else if (v.trim() !== "") out.push([param, v.trim()]);
  }
  return out;
}

/** A query string (with its `?`, or empty); `/`, `:` and `,` stay readable, as RFC 3986 §3.4 allows. */
export function queryString(params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return "";
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  return `?${params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&")}`;
}

export interface ControlProblem {
  control: ControlName;
  message: string;
}

export type ControlCheck =
  | { ok: true; codes: string; query: string; path: string; single: number | null }
  | { ok: false; problems: ControlProblem[] };

const LABELS = new Map<string, { control: ControlName; label: string }>([
  ["code", { control: "codes", label: "Codes" }],
  ...CONTROL_PARAMS.map((p) => [p.param, { control: p.control, label: p.label }] as const),
]);

/**
 * Validates the controls with the simulator's own option parsers and builds the request path.
 * A problem names the control and says, in the simulator's words, what it accepts.
 */
export function checkControls(c: ConsoleControls): ControlCheck {
  const problems: ControlProblem[] = [];
  const add = (param: string, reason: string) => {
    const l = LABELS.get(param) ?? { control: "codes" as const, label: param };
    if (!problems.some((p) => p.control === l.control))
      problems.push({ control: l.control, message: `${l.label}: ${reason}` });
  };
  const codes = c.codes.replace(/\s+/g, "");
  let single: number | null = null;
  if (codes === "") add("code", "give a status code, such as 404, or weighted codes such as 200:3,503:1");
  else if (isWeighted(codes)) {
    const choices = parseChoices(codes);
    if (!choices.ok) for (const i of choices.invalid) add("code", i.reason);
    else
      for (const choice of choices.choices) {
        const one = parseCode(choice.code);
        if (!one.ok) {
          add("code", `${choice.code}: ${one.invalidParams[0]?.reason ?? "not a status code"}`);
          break;
        }
      }
  } else {
    const one = parseCode(codes);
    if (one.ok) single = one.code;
    else add("code", one.invalidParams[0]?.reason ?? "not a status code");
  }
  const params = controlParams(c);
  const query = new URLSearchParams(params);
  const none = () => undefined;
  const sim = parseOptions(query, none);
  if (!sim.ok) for (const i of sim.invalid) add(i.name, i.reason);
  const scen = parseScenarioOptions(query, none);
  if (!scen.ok) for (const i of scen.invalid) add(i.name, i.reason);
  if (problems.length > 0) return { ok: false, problems };
  const q = queryString(params);
  return { ok: true, codes, query: q, path: simulatorPath(codes, q), single };
}

/** Fills controls from a recipe: every control it does not name goes back to its default. */
export function applyRecipe(
  code: number,
  set: Partial<ConsoleControls>,
  freshScenario: () => string,
): ConsoleControls {
  const base = { ...defaultControls(code), ...set };
  if (set.scenario === "") base.scenario = freshScenario();
  return base;
}

/**
 * The method of a browser's follow-up request under the registry's rule for the redirect, as the Fetch
 * Standard's HTTP-redirect fetch (step 12) writes it: `post-may-become-get` (301, 302) turns POST, and
 * only POST, into GET (browsers take the RFC's "may"); `get` (303) turns everything but GET and HEAD into
 * GET; `kept` (307, 308) resends the method and body.
 */
export function nextMethod(rule: FollowMethod, method: string): string {
  const m = method.toUpperCase();
  if (rule === "kept") return m;
  if (rule === "post-may-become-get") return m === "POST" ? "GET" : m;
  return m === "GET" || m === "HEAD" ? m : "GET";
}

/** The request headers whose meaning goes with the body; the Fetch Standard drops them with it. */
const BODY_HEADERS = new Set(["content-encoding", "content-language", "content-location", "content-type"]);

export type FollowStep =
  | {
      kind: "simulator";
      method: string;
      changed: boolean;
      code: string;
      query: string;
      path: string;
      headers: [string, string][];
    }
  | { kind: "elsewhere"; method: string; changed: boolean; path: string }
  | { kind: "no-location" }
  | { kind: "not-followed" };

/**
 * The request a browser makes after `status` answered `method` with `location`: the method the
 * registry's rule gives (and the body headers dropped with the body when it changes), to a simulator
 * URL the console can describe, or somewhere else that it only names. Never fetched here.
 */
export function followStep(
  status: number,
  location: string | undefined,
  method: string,
  headers: readonly (readonly [string, string])[],
  rules: Readonly<Record<string, FollowMethod>>,
  base: string,
): FollowStep {
  const rule = rules[String(status)];
  if (rule === undefined) return { kind: "not-followed" };
  if (location === undefined || location.trim() === "") return { kind: "no-location" };
  const next = nextMethod(rule, method);
  const changed = next !== method.toUpperCase();
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    return { kind: "no-location" };
  }
  const sameOrigin = url.origin === new URL(base).origin;
  const path = sameOrigin ? `${url.pathname}${url.search}` : url.href;
  const rest = url.pathname.slice(SIMULATOR_PREFIX.length);
  if (sameOrigin && url.pathname.startsWith(SIMULATOR_PREFIX) && rest !== "" && !rest.includes("/")) {
    let code: string;
    try {
      code = decodeURIComponent(rest);
    } catch {
      return { kind: "elsewhere", method: next, changed, path };
    }
    const kept = headers.filter(([n]) => !changed || !BODY_HEADERS.has(n.toLowerCase()));
    return {
      kind: "simulator",
      method: next,
      changed,
      code,
      query: url.search,
      path,
      headers: kept.map(([n, v]) => [n, v]),
    };
  }
  return { kind: "elsewhere", method: next, changed, path };
}

/** Browsers give up after 20 redirects (Fetch Standard); the console shows at most this many hops. */
export const MAX_FOLLOW_HOPS = 5;
