/**
 * Stateful scenarios: what a request answers depends on how many requests the same scenario name
 * has seen (a sequence, succeed-after-N, fail-every-N, a counting rate limiter), with the counters in
 * a `StateStore` (memory, or Redis shared by several instances).
 *
 * The one hook into the simulator: `resolve()` runs before `simulate()` and either answers itself
 * (a bad option, a store that is down, a fault the adapter cannot send) or hands `simulate()` the
 * request with the code this position answers, the scenario's description for the diagnostic body,
 * the RateLimit fields, and the fault to perform instead of answering.
 */
import { headerLookup, type HeaderList } from "../http";
import { drawValue, parseChoices, pick } from "../simulator/choice";
import {
  badRequest,
  errorResponse,
  parseCode,
  parseUrl,
  type SimRequest,
  type SimResponse,
} from "../simulator/index";
import { parseOptions } from "../simulator/options";
import { StoreUnavailableError, type MaybePromise, type StateStore, type WindowCount } from "../state";
import { MemoryStore } from "../state/memory";

import { MAX_SEQUENCE, parseScenarioOptions, type Fault, type ScenarioOptions } from "./options";

export { hasScenarioOptions, SCENARIO_OPTION_DOCS } from "./options";
export type { Fault } from "./options";

/** A scenario is forgotten this long after its last request (default; SCENARIO_TTL configures it). */
export const DEFAULT_SCENARIO_TTL_MS = 10 * 60 * 1000;

/** The policy name in RateLimit-Policy and RateLimit for a scenario's simulated limit. */
export const SCENARIO_POLICY = "scenario";

/** What the scenario adds to a simulated answer. */
export interface ScenarioEffect {
  /** The diagnostic body's `scenario` member. */
  info: Record<string, unknown>;
  /** Response headers (RateLimit fields, Retry-After of a simulated limit), replacing the simulator's own. */
  headers: HeaderList;
}

export type Resolution =
  | { kind: "simulate"; req: SimRequest; fault: Fault | undefined; stateful: boolean }
  | { kind: "respond"; res: SimResponse };

/** What a scenario remembers between requests, besides its counters: how its last request asked. */
interface Spec {
  code: string;
  seed: number | undefined;
  cycle: boolean;
  failUntil: number | undefined;
  failEvery: number | undefined;
  limit: number | undefined;
  windowSeconds: number;
  fault: Fault | undefined;
}

type Codes =
  | { kind: "single"; code: number }
  | { kind: "sequence"; codes: number[] }
  | { kind: "weighted"; spec: string; seed: number | undefined };

/** What position `n` (1-based) answers; `window` is the limiter's count with this request in it. */
export interface Step {
  status: number;
  /** True when this is a failing request of fail-until/fail-every (or there is no such rule). */
  failing: boolean;
  limited: boolean;
  because: string;
  draw?: number;
}

function codesOf(spec: Spec): Codes | { invalid: string } {
  const seg = spec.code;
  if (seg.includes(":")) {
    const parsed = parseChoices(seg);
    if (!parsed.ok) return { invalid: parsed.invalid[0]?.reason ?? "bad weighted list" };
    for (const c of parsed.choices) {
      const p = parseCode(c.code);
      if (!p.ok) return { invalid: p.detail };
    }
    return { kind: "weighted", spec: seg, seed: spec.seed };
  }
  const parts = seg.split(",").map((s) => s.trim());
  if (parts.length > MAX_SEQUENCE) return { invalid: `a sequence has at most ${MAX_SEQUENCE} codes` };
  const codes: number[] = [];
  for (const part of parts) {
    const p = parseCode(part);
    if (!p.ok) return { invalid: p.detail };
    codes.push(p.code);
  }
  return codes.length === 1 ? { kind: "single", code: codes[0] as number } : { kind: "sequence", codes };
}

/** The pure rule: what request `n` of a scenario answers. Random weighted lists give `status: -1`. */
export function step(spec: Spec, codes: Codes, n: number, window: WindowCount | undefined): Step {
  let status: number;
  let because: string;
  let draw: number | undefined;
  if (codes.kind === "sequence") {
    const len = codes.codes.length;
    const i = n <= len ? n - 1 : spec.cycle ? (n - 1) % len : len - 1;
    status = codes.codes[i] as number;
    because =
      n <= len
        ? `code ${n} of the sequence ${codes.codes.join(",")}`
        : spec.cycle
          ? `code ${i + 1} of the sequence ${codes.codes.join(",")} (cycling)`
          : `past the end of the sequence ${codes.codes.join(",")}: its last code repeats (cycle=1 starts again)`;
  } else if (codes.kind === "weighted") {
    const parsed = parseChoices(codes.spec);
    const choices = parsed.ok ? parsed.choices : [];
    if (codes.seed === undefined) {
      status = Number(pick(choices, Math.random()));
      because = `a random draw from ${codes.spec} (give seed for a repeatable one)`;
    } else {
      draw = n - 1;
      status = Number(pick(choices, drawValue(codes.seed, draw)));
      because = `draw ${draw} of ${codes.spec} with seed ${codes.seed}`;
    }
  } else {
    status = codes.code;
    because = `the code asked for`;
  }
  let failing = true;
  if (spec.failUntil !== undefined) {
    failing = n <= spec.failUntil;
    because = failing
      ? `request ${n} of the ${spec.failUntil} that answer ${status} (fail-until=${spec.failUntil})`
      : `past fail-until=${spec.failUntil}: every later request answers 200`;
    if (!failing) status = 200;
  } else if (spec.failEvery !== undefined) {
    failing = n % spec.failEvery === 0;
    because = failing
      ? `request ${n} is a multiple of fail-every=${spec.failEvery}`
      : `request ${n} is not a multiple of fail-every=${spec.failEvery}, so 200`;
    if (!failing) status = 200;
  }
  let limited = false;
  if (spec.limit !== undefined && window && window.count > spec.limit) {
    limited = true;
    status = 429;
    failing = false;
    because = `request ${window.count} in this ${spec.windowSeconds} s window, over limit=${spec.limit}: a simulated 429 until the window ends`;
  }
  const s: Step = { status, failing, limited, because };
  if (draw !== undefined) s.draw = draw;
  return s;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers-10 §2, §3), and Retry-After when over. */
export function rateLimitHeaders(
  policy: string,
  limit: number,
  windowSeconds: number,
  window: WindowCount,
): HeaderList {
  const t = seconds(window.resetMs);
  const headers: HeaderList = [
    ["RateLimit-Policy", `"${policy}";q=${limit};w=${windowSeconds}`],
    ["RateLimit", `"${policy}";r=${Math.max(0, limit - window.count)};t=${t}`],
  ];
  // Retry-After then points at the same moment as the reset parameter (the draft's §4 SHOULD).
  if (window.count > limit) headers.push(["Retry-After", String(t)]);
  return headers;
}

function keys(name: string) {
  return { n: `s:${name}:n`, w: `s:${name}:w` };
}

function all<A, B, R>(a: MaybePromise<A>, b: MaybePromise<B>, f: (a: A, b: B) => R): MaybePromise<R> {
  if (!(a instanceof Promise) && !(b instanceof Promise)) return f(a, b);
  return Promise.all([a, b]).then(([x, y]) => f(x, y));
}

/** Parsed code lists by path segment: a scenario repeats the same one on every request. */
const CODES_CACHE_SIZE = 256;

export class ScenarioEngine {
  private readonly codesCache = new Map<string, Codes | { invalid: string }>();

  constructor(
    readonly store: StateStore,
    readonly ttlMs = DEFAULT_SCENARIO_TTL_MS,
  ) {}

  /** The real 503 when the store cannot be reached: never a hang, never a simulated answer. */
  storeDown(req: SimRequest): SimResponse {
    return errorResponse(
      req,
      503,
      `The scenario state store (${this.store.kind}) is unreachable, so this scenario cannot be counted. Retry shortly.`,
      [{ name: "scenario", reason: "the state store is down" }],
      [["Retry-After", "1"]],
    );
  }

  /**
   * Resolves a request that carries scenario options (see hasScenarioOptions). Synchronous with the
   * memory store, a promise with Redis.
   */
  resolve(req: SimRequest): MaybePromise<Resolution> {
    // The simulator's own reading of the target: what it will answer is read the same way.
    const url = parseUrl(req.url);
    const header = headerLookup(req.headers);
    const parsed = parseScenarioOptions(url.searchParams, header);
    if (!parsed.ok) {
      const detail = `The scenario cannot be run: ${parsed.invalid.map((i) => `${i.name} ${i.reason}`).join("; ")}.`;
      return { kind: "respond", res: badRequest(req, detail, parsed.invalid) };
    }
    const o: ScenarioOptions = parsed.options;
    if (o.fault !== undefined && !req.canSendFaults) {
      return {
        kind: "respond",
        res: errorResponse(
          req,
          501,
          `fault=${o.fault} acts on the connection itself, which this endpoint cannot reach. Use the site's own server (npm start), which can.`,
          [{ name: "fault", reason: "needs the site's own server (npm start)" }],
        ),
      };
    }
    if (o.name === undefined) return { kind: "simulate", req, fault: o.fault, stateful: false };

    const sim = parseOptions(url.searchParams, header);
    // Bad simulator options: simulate() reports them (a 400), so nothing is counted.
    if (!sim.ok) return { kind: "simulate", req, fault: undefined, stateful: false };
    if (sim.options.draw !== undefined)
      return {
        kind: "respond",
        res: badRequest(req, "With scenario, the request's position picks the draw: leave draw out.", [
          { name: "draw", reason: "cannot be combined with scenario" },
        ]),
      };
    const spec: Spec = {
      code: req.code,
      seed: sim.options.seed,
      cycle: o.cycle,
      failUntil: o.failUntil,
      failEvery: o.failEvery,
      limit: o.limit,
      windowSeconds: o.windowSeconds,
      fault: o.fault,
    };
    const cacheKey = `${spec.seed ?? ""}|${spec.code}`;
    let codes = this.codesCache.get(cacheKey);
    if (!codes) {
      codes = codesOf(spec);
      this.codesCache.set(cacheKey, codes);
      if (this.codesCache.size > CODES_CACHE_SIZE) {
        const oldest = this.codesCache.keys().next().value;
        if (oldest !== undefined) this.codesCache.delete(oldest);
      }
    }
    if ("invalid" in codes)
      return {
        kind: "respond",
        res: badRequest(req, `The scenario's codes cannot be simulated: ${codes.invalid}`, [
          { name: "code", reason: codes.invalid },
        ]),
      };

    const name = o.name;
    const k = keys(name);
    try {
      // The rule travels with the counter (its note), so GET /api/scenarios/NAME can say what comes next.
      const n = this.store.increment(k.n, this.ttlMs, JSON.stringify(spec));
      const w = spec.limit !== undefined ? this.store.hit(k.w, spec.windowSeconds * 1000) : undefined;
      const done = all(n, w, (count, win) => this.plan(req, name, spec, codes, count, win));
      if (done instanceof Promise)
        return done.catch((err: unknown) => {
          if (err instanceof StoreUnavailableError) return { kind: "respond", res: this.storeDown(req) };
          throw err;
        });
      return done;
    } catch (err) {
      if (err instanceof StoreUnavailableError) return { kind: "respond", res: this.storeDown(req) };
      throw err;
    }
  }

  private plan(
    req: SimRequest,
    name: string,
    spec: Spec,
    codes: Codes,
    n: number,
    window: WindowCount | undefined,
  ): Resolution {
    const s = step(spec, codes, n, window);
    const info = describe(name, spec, codes, n, window, s, this.ttlMs);
    const headers: HeaderList =
      spec.limit !== undefined && window
        ? rateLimitHeaders(SCENARIO_POLICY, spec.limit, spec.windowSeconds, window)
        : [];
    const fault = spec.fault !== undefined && s.failing && !s.limited ? spec.fault : undefined;
    if (fault) info.fault = fault;
    return {
      kind: "simulate",
      req: { ...req, code: String(s.status), scenario: { info, headers } },
      fault,
      stateful: true,
    };
  }

  /** The scenario's state as JSON for `GET /api/scenarios/NAME`; null when it has none. */
  async inspect(name: string): Promise<Record<string, unknown> | null> {
    const k = keys(name);
    const [n, w] = await Promise.all([this.store.peek(k.n), this.store.peek(k.w)]);
    const saved = n?.note;
    if (!n) return null;
    const count = Number(n.value);
    const out: Record<string, unknown> = { name, requests: count, expiresInSeconds: seconds(n.ttlMs) };
    if (saved) {
      const spec = JSON.parse(saved) as Spec;
      const codes = codesOf(spec);
      out.last = spec;
      if (!("invalid" in codes)) {
        const win = w ? { count: Number(w.value), resetMs: w.ttlMs } : undefined;
        if (spec.limit !== undefined)
          out.window = {
            limit: spec.limit,
            seconds: spec.windowSeconds,
            count: win?.count ?? 0,
            remaining: Math.max(0, spec.limit - (win?.count ?? 0)),
            resetSeconds: win ? seconds(win.resetMs) : null,
          };
        out.next = nextStep(spec, codes, count + 1, win);
      }
    }
    return out;
  }

  /** Forgets a scenario; true when it had state. */
  async reset(name: string): Promise<boolean> {
    const k = keys(name);
    return (await this.store.delete([k.n, k.w])) > 0;
  }
}

function nextStep(spec: Spec, codes: Codes, n: number, window: WindowCount | undefined) {
  // The next request falls in the same window if it comes before the reset, else in a fresh one.
  const win =
    spec.limit !== undefined ? { count: (window?.count ?? 0) + 1, resetMs: window?.resetMs ?? 0 } : undefined;
  if (codes.kind === "weighted" && codes.seed === undefined)
    return { request: n, status: null, because: `a random draw from ${codes.spec}` };
  const s = step(spec, codes, n, win);
  const out: Record<string, unknown> = { request: n, status: s.status, because: s.because };
  if (s.limited && window) out.unlessAfterSeconds = seconds(window.resetMs);
  return out;
}

function describe(
  name: string,
  spec: Spec,
  codes: Codes,
  n: number,
  window: WindowCount | undefined,
  s: Step,
  ttlMs: number,
): Record<string, unknown> {
  const info: Record<string, unknown> = { name, request: n, status: s.status, because: s.because };
  if (s.draw !== undefined) info.draw = s.draw;
  if (spec.limit !== undefined && window)
    info.window = {
      limit: spec.limit,
      seconds: spec.windowSeconds,
      count: window.count,
      remaining: Math.max(0, spec.limit - window.count),
      resetSeconds: seconds(window.resetMs),
    };
  info.next = nextStep(spec, codes, n + 1, window);
  info.expiresAfterSeconds = Math.round(ttlMs / 1000);
  info.reset = `DELETE /api/scenarios/${name}`;
  return info;
}

const SHARED = Symbol.for("statuscodes.scenarios");

/**
 * The process's in-memory engine for adapters that have no server to hand them one (the Next route
 * handlers): kept on globalThis so separately bundled routes share it.
 */
export function defaultScenarioEngine(): ScenarioEngine {
  const g = globalThis as { [SHARED]?: ScenarioEngine };
  g[SHARED] ??= new ScenarioEngine(new MemoryStore(), DEFAULT_SCENARIO_TTL_MS);
  return g[SHARED];
}
