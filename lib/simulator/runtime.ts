/**
 * What every adapter shares: per-process state (seed sequences, the delayed-request cap) and the
 * delay itself. There is one runtime per process (`processRuntime()`), so the fast path and the Next
 * route handler count delayed requests against one cap and walk one seed sequence.
 */
import {
  defaultScenarioEngine,
  hasScenarioOptions,
  type ScenarioEngine,
  type Resolution,
} from "../scenarios";

import { DelayGate, SequenceStore } from "./choice";
import {
  overloaded,
  simulate,
  SIMULATED_HEADER,
  type InterimResponse,
  type SimRequest,
  type SimResponse,
} from "./index";
import { MAX_DELAY_MS } from "./options";

/** How many delayed requests may wait at once (the load test runs 200 connections under it). */
export const MAX_CONCURRENT_DELAYS = 256;

/** How long slow-body drips the body when no delay is given (ms). */
export const DEFAULT_SLOW_BODY_MS = 2000;

/** Waits `ms`; rejects as soon as `signal` aborts. */
export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

const sleep: Wait = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export interface AnswerHooks {
  /**
   * Called at once with the interim responses, before any delay: interim responses go out first,
   * then the wait, then the final answer. The final answer then has none left in `interim`.
   */
  onInterim?: (interim: InterimResponse[]) => void;
  /**
   * Aborts a delayed answer (the client went away): its slot is freed at once. A function is only
   * called when there is a delay, so undelayed answers do not pay for a signal.
   */
  signal?: AbortSignal | (() => AbortSignal);
}

export class SimulatorRuntime {
  readonly sequences = new SequenceStore();
  readonly gate: DelayGate;

  constructor(
    maxDelayed = MAX_CONCURRENT_DELAYS,
    private readonly wait: Wait = sleep,
    /** Scenario state: in memory by default; the server passes one on Redis when REDIS_URL is set. */
    readonly scenarios: ScenarioEngine = defaultScenarioEngine(),
  ) {
    this.gate = new DelayGate(maxDelayed);
  }

  /**
   * Simulates; an answer with no delay comes back at once (no promise on the hot path), a delayed one
   * as a promise that waits it out (or a 503 when too many requests already wait). A delayed answer
   * rejects with the signal's reason when the signal aborts.
   */
  answer(req: SimRequest, hooks: AnswerHooks = {}): SimResponse | Promise<SimResponse> {
    // The scenario hook: only requests with a scenario option pay for it.
    if (hasScenarioOptions(req.url, req.headers)) {
      const resolved = this.scenarios.resolve(req);
      return resolved instanceof Promise
        ? resolved.then((r) => this.finish(req, r, hooks))
        : this.finish(req, resolved, hooks);
    }
    return this.pace(req, simulate({ ...req, sequences: this.sequences }), hooks);
  }

  private finish(req: SimRequest, r: Resolution, hooks: AnswerHooks): SimResponse | Promise<SimResponse> {
    if (r.kind === "respond") return r.res;
    const res = simulate({ ...r.req, sequences: this.sequences });
    if (r.stateful) res.stateful = true;
    // A fault only replaces a simulated answer, never a 400 about the request itself.
    if (r.fault && res.headers.some(([n]) => n === SIMULATED_HEADER)) {
      if (r.fault === "stall" || r.fault === "slow-body") {
        res.fault = {
          kind: r.fault,
          ms: res.delayMs || (r.fault === "stall" ? MAX_DELAY_MS : DEFAULT_SLOW_BODY_MS),
        };
        res.delayMs = 0;
      } else res.fault = { kind: r.fault, ms: 0 };
    }
    return this.pace(req, res, hooks);
  }

  /** Sends the interim responses, then waits out the delay (capped by the gate). */
  private pace(req: SimRequest, res: SimResponse, hooks: AnswerHooks): SimResponse | Promise<SimResponse> {
    if (res.delayMs > 0 && !this.gate.tryAcquire()) return overloaded(req, this.gate.limit);
    let sent = res;
    if (hooks.onInterim && res.interim.length > 0) {
      hooks.onInterim(res.interim);
      sent = { ...res, interim: [] };
    }
    if (res.delayMs <= 0) return sent;
    const signal = typeof hooks.signal === "function" ? hooks.signal() : hooks.signal;
    return this.delayed(req, sent, signal);
  }

  private async delayed(req: SimRequest, res: SimResponse, signal?: AbortSignal): Promise<SimResponse> {
    try {
      await this.wait(res.delayMs, signal);
    } finally {
      this.gate.release();
    }
    // Date says when the answer was generated; after a delay that is now, not when the request came.
    if (req.now) return res;
    const now = new Date().toUTCString();
    return { ...res, headers: res.headers.map(([n, v]): [string, string] => [n, n === "Date" ? now : v]) };
  }
}

const SHARED = Symbol.for("statuscodes.simulator.runtime");

/**
 * The process's one runtime. Kept on `globalThis` because Next bundles its own copy of this module
 * for the route handler: a module-level instance would give the fast path and the route handler two
 * gates and two seed stores.
 */
export function processRuntime(): SimulatorRuntime {
  const g = globalThis as { [SHARED]?: SimulatorRuntime };
  return (g[SHARED] ??= new SimulatorRuntime());
}

/**
 * Makes `runtime` the process's one runtime: the site's own server does, with its configured store
 * and delay cap, before Next loads any route handler.
 */
export function installProcessRuntime(runtime: SimulatorRuntime): void {
  (globalThis as { [SHARED]?: SimulatorRuntime })[SHARED] = runtime;
}
