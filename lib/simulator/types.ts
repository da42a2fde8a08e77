/** The simulator's plain request and response descriptions, shared by its modules and adapters. */
import type { HeaderList } from "../http";

import type { SequenceStore } from "./choice";

export type { HeaderList };

export interface SimRequest {
  method: string;
  /** Path and query as received, e.g. `/api/status/401?x=1` (an absolute URL is accepted too). */
  url: string;
  /** The raw `{code}` path segment, already percent-decoded. */
  code: string;
  /** Request headers in the order received; duplicates allowed. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The clock, for the Date header; defaults to now. */
  now?: Date;
  /** The request body as text, when the adapter read it (it reads at most MAX_ECHO_BYTES + 1 bytes). */
  body?: string;
  /** The request body's size in bytes, when known (Content-Length or bytes read). */
  bodyBytes?: number;
  /** Whether the adapter can send interim (1xx) responses before the final one. */
  canSendInterim?: boolean;
  /**
   * The request's HTTP version, e.g. "1.1". An HTTP/1.0 client gets no interim response and its
   * Expect is ignored (RFC 9110 §15.2, §10.1.1). Undefined: 1.1.
   */
  httpVersion?: string;
  /** Per-seed counters for weighted codes; without it a seed always starts at draw 0. */
  sequences?: SequenceStore;
  /** Whether the adapter can act on the connection (close, reset, stall, ...) for `fault`. */
  canSendFaults?: boolean;
  /** Set by lib/scenarios before simulate(): the body's `scenario` member and headers it adds. */
  scenario?: { info: Record<string, unknown>; headers: HeaderList };
}

export interface InterimResponse {
  status: 100 | 102 | 103;
  headers: HeaderList;
}

export interface SimResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  /** The exact body, or null when none may be sent (HEAD, 1xx, 204, 205, 304). */
  body: string | null;
  /** Milliseconds the adapter waits before answering (0 = none). */
  delayMs: number;
  /** Interim responses the adapter sends first, when it can. */
  interim: InterimResponse[];
  /** For HEAD: the length of the body a GET would get, for Content-Length. */
  getLength?: number;
  /**
   * Whether an adapter may replay this answer (with a fresh Date) for an identical request: only a
   * simulated answer without delay, weighted draw, interim response or request body. Real errors of
   * the moment (the overload 503) never are.
   */
  reusable: boolean;
  /** Whether the connection should be closed after this answer (a body too large to read). */
  close?: boolean;
  /** A scenario fault the adapter performs instead of (or while) sending this answer. */
  fault?: { kind: "close" | "reset" | "stall" | "truncate" | "slow-body"; ms: number };
  /** True when the answer depends on scenario state: never reuse it for another request. */
  stateful?: boolean;
}

/** The parts of the request target the simulator reads (a URL's, without the cost of one). */
export interface SimUrl {
  pathname: string;
  /** "?..." or "" (as URL.search). */
  search: string;
  searchParams: URLSearchParams;
}
