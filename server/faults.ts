/**
 * Scenario faults, which only a server holding the socket can perform: close without a response,
 * a TCP reset, a stall, a truncated body, a body dripped slowly. Stalls and slow bodies hold a slot
 * of the delay gate, so they are capped like delays.
 */
import type { ServerResponse } from "node:http";

import type { SimResponse } from "../lib/simulator";
import type { DelayGate } from "../lib/simulator/choice";

export interface PreparedHead {
  status: number;
  statusText: string;
  flat: string[];
  body: string | undefined;
}

/** Performs `sim.fault`; false when the delay gate is full (the caller answers 503 instead). */
export function performFault(
  res: ServerResponse,
  head: PreparedHead,
  fault: NonNullable<SimResponse["fault"]>,
  gate: DelayGate,
): boolean {
  const socket = res.socket;
  if (!socket) return true;
  switch (fault.kind) {
    case "close":
      // A FIN without a byte of response: what nginx's 444 does.
      socket.end();
      return true;
    case "reset":
      socket.resetAndDestroy();
      return true;
    case "truncate": {
      const body = Buffer.from(head.body ?? "");
      res.writeHead(head.status, head.statusText, head.flat);
      // Content-Length promises the whole body; half of it comes, then the connection ends.
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.end());
      return true;
    }
    case "stall":
    case "slow-body": {
      if (!gate.tryAcquire()) return false;
      let released = false;
      const timers: ReturnType<typeof setTimeout>[] = [];
      const release = () => {
        if (released) return;
        released = true;
        for (const t of timers) clearTimeout(t);
        gate.release();
      };
      socket.once("close", release);
      if (fault.kind === "stall") {
        timers.push(
          setTimeout(() => {
            release();
            socket.destroy();
          }, fault.ms),
        );
        return true;
      }
      const body = Buffer.from(head.body ?? "");
      res.writeHead(head.status, head.statusText, head.flat);
      res.flushHeaders();
      // About ten pieces a second, spread evenly over the fault's duration.
      const pieces = Math.max(1, Math.min(body.length, Math.ceil(fault.ms / 100)));
      for (let i = 0; i < pieces; i++) {
        const from = Math.floor((i * body.length) / pieces);
        const to = Math.floor(((i + 1) * body.length) / pieces);
        const last = i === pieces - 1;
        timers.push(
          setTimeout(
            () => {
              if (last) {
                res.end(body.subarray(from, to));
                release();
              } else res.write(body.subarray(from, to));
            },
            Math.round(((i + 1) * fault.ms) / pieces),
          ),
        );
      }
      return true;
    }
  }
}
