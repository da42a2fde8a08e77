/**
 * What every adapter shares: per-process state (seed sequences, the delayed-request cap) and the
 * delay itself. The adapters keep one runtime each and only translate requests and responses.
 */
import { DelayGate, SequenceStore } from "./choice";
import { overloaded, simulate, type SimRequest, type SimResponse } from "./index";

/** How many delayed requests may wait at once (the load test runs 200 connections under it). */
export const MAX_CONCURRENT_DELAYS = 256;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SimulatorRuntime {
  readonly sequences = new SequenceStore();
  readonly gate: DelayGate;

  constructor(
    maxDelayed = MAX_CONCURRENT_DELAYS,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {
    this.gate = new DelayGate(maxDelayed);
  }

  /**
   * Simulates; an answer with no delay comes back at once (no promise on the hot path), a delayed one
   * as a promise that waits it out (or a 503 when too many requests already wait).
   */
  answer(req: SimRequest): SimResponse | Promise<SimResponse> {
    const res = simulate({ ...req, sequences: this.sequences });
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
