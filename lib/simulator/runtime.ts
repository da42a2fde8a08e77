/**
 * What every adapter shares: per-process state (seed sequences, the delayed-request cap) and the
 * delay itself. The adapters keep one runtime each and only translate requests and responses.
 */
import { DEFAULT_SCENARIO_TTL_MS, hasScenarioOptions, ScenarioEngine, type Resolution } from "../scenarios";
import { MemoryStore } from "../state/memory";

import { DelayGate, SequenceStore } from "./choice";
import { overloaded, simulate, SIMULATED_HEADER, type SimRequest, type SimResponse } from "./index";
import { MAX_DELAY_MS } from "./options";

/** How many delayed requests may wait at once (the load test runs 200 connections under it). */
export const MAX_CONCURRENT_DELAYS = 256;

/** How long slow-body drips the body when no delay is given (ms). */
export const DEFAULT_SLOW_BODY_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SimulatorRuntime {
  readonly sequences = new SequenceStore();
  readonly gate: DelayGate;

  constructor(
    maxDelayed = MAX_CONCURRENT_DELAYS,
    private readonly wait: (ms: number) => Promise<void> = sleep,
    /** Scenario state: in memory by default; the server passes one on Redis when REDIS_URL is set. */
    readonly scenarios = new ScenarioEngine(new MemoryStore(), DEFAULT_SCENARIO_TTL_MS),
  ) {
    this.gate = new DelayGate(maxDelayed);
  }

  /**
   * Simulates; an answer with no delay comes back at once (no promise on the hot path), a delayed one
   * as a promise that waits it out (or a 503 when too many requests already wait).
   */
  answer(req: SimRequest): SimResponse | Promise<SimResponse> {
    // The scenario hook: only requests with a scenario option pay for it.
    if (hasScenarioOptions(req.url, req.headers)) {
      const resolved = this.scenarios.resolve(req);
      return resolved instanceof Promise
        ? resolved.then((r) => this.finish(req, r))
        : this.finish(req, resolved);
    }
    return this.pace(req, simulate({ ...req, sequences: this.sequences }));
  }

  private finish(req: SimRequest, r: Resolution): SimResponse | Promise<SimResponse> {
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
    return this.pace(req, res);
  }

  private pace(req: SimRequest, res: SimResponse): SimResponse | Promise<SimResponse> {
    if (res.delayMs <= 0) return res;
    if (!this.gate.tryAcquire()) return overloaded(req, this.gate.limit);
    return this.delayed(req, res);
  }

  private async delayed(req: SimRequest, res: SimResponse): Promise<SimResponse> {
    try {
      await this.wait(res.delayMs);
    } finally {
      this.gate.release();
    }
    // Date says when the answer was generated; after a delay that is now, not when the request came.
    if (req.now) return res;
    const now = new Date().toUTCString();
    return { ...res, headers: res.headers.map(([n, v]): [string, string] => [n, n === "Date" ? now : v]) };
  }
}
