/**
 * Connection-level limits for the production server: what keeps slow, idle or numerous clients from
 * holding the process (issue 10, item 3). Node's defaults are made for trusted networks: 60 s for
 * headers, 300 s for a request, no cap on connections, a 511-entry listen backlog.
 *
 * - header, request (headers + body) and keep-alive timeouts, checked every second;
 * - a socket inactivity timeout longer than the simulator's longest delay, so a delayed answer is
 *   never cut, while a client that stops reading its answer is;
 * - a cap on connections per client address and in total; the total never exceeds what the
 *   file-descriptor limit (`ulimit -n`) leaves after a reserve, and when it is reached the oldest idle
 *   connection (no request in flight) is closed to make room, so an idle flood cannot lock out
 *   clients that have something to ask;
 * - a larger listen backlog, so a burst of new connections waits in the kernel instead of being
 *   dropped and retried after a second or more.
 *
 * Every figure is configuration (environment variables, validated with zod at start-up).
 */
import fs from "node:fs";
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from "node:http";
import type { Socket } from "node:net";

import { z } from "zod";

import { MAX_DELAY_MS } from "../lib/simulator/options";

const ms = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

/** Environment variables and their defaults; every one is optional. */
export const limitsEnvSchema = z
  .object({
    /** Time to receive a request's headers, from its first byte (or the connection's start). */
    LIMIT_HEADERS_TIMEOUT_MS: ms(10_000, 1_000, 120_000),
    /** Time to receive a whole request, headers and body. */
    LIMIT_REQUEST_TIMEOUT_MS: ms(20_000, 1_000, 300_000),
    /** How long a keep-alive connection may wait for its next request. */
    LIMIT_KEEP_ALIVE_TIMEOUT_MS: ms(5_000, 1_000, 120_000),
    /** A socket with no traffic in either direction for this long is closed (must exceed the longest delay). */
    LIMIT_SOCKET_TIMEOUT_MS: ms(30_000, MAX_DELAY_MS + 5_000, 600_000),
    /** Open connections at once, in total (lowered to what `ulimit -n` allows). */
    LIMIT_MAX_CONNECTIONS: z.coerce.number().int().min(16).max(1_000_000).default(8_192),
    /** Open connections at once from one client address; 0 for no per-address cap (say, behind a proxy). */
    LIMIT_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).max(1_000_000).default(256),
    /** The listen backlog asked for (the kernel caps it at net.core.somaxconn). */
    LIMIT_BACKLOG: z.coerce.number().int().min(16).max(65_535).default(4_096),
  })
  .refine((e) => e.LIMIT_HEADERS_TIMEOUT_MS <= e.LIMIT_REQUEST_TIMEOUT_MS, {
    message: "LIMIT_HEADERS_TIMEOUT_MS must not exceed LIMIT_REQUEST_TIMEOUT_MS",
    path: ["LIMIT_HEADERS_TIMEOUT_MS"],
  });

export interface Limits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  socketTimeoutMs: number;
  /** The total cap in force: the configured one, or lower when the descriptor limit demands it. */
  maxConnections: number;
  maxConnectionsPerClient: number;
  backlog: number;
  /** Why maxConnections is what it is, for the start-up line. */
  connectionsNote: string;
}

/** The soft limit on open file descriptors (`ulimit -n`), or undefined where /proc is not there. */
export function fdSoftLimit(): number | undefined {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync("/proc/self/limits", "utf8"));
    if (!m || m[1] === "unlimited") return undefined;
    return Number(m[1]);
  } catch {
    return undefined;
  }
}

/**
 * Descriptors kept for everything that is not a client connection: files Next reads, its cache,
 * Redis, logs. A quarter of the limit, at least 128.
 */
export function connectionBudget(fdLimit: number | undefined): number | undefined {
  if (fdLimit === undefined) return undefined;
  return Math.max(16, fdLimit - Math.max(128, Math.floor(fdLimit / 4)));
}

/** Reads and validates the limits; throws a readable error naming each bad variable. */
export function readLimits(
  env: Record<string, string | undefined> = process.env,
  fdLimit = fdSoftLimit(),
): Limits {
  const parsed = limitsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid limits configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const budget = connectionBudget(fdLimit);
  const capped = budget !== undefined && budget < e.LIMIT_MAX_CONNECTIONS;
  return {
    headersTimeoutMs: e.LIMIT_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.LIMIT_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: e.LIMIT_KEEP_ALIVE_TIMEOUT_MS,
    socketTimeoutMs: e.LIMIT_SOCKET_TIMEOUT_MS,
    maxConnections: capped ? budget : e.LIMIT_MAX_CONNECTIONS,
    maxConnectionsPerClient: e.LIMIT_MAX_CONNECTIONS_PER_CLIENT,
    backlog: e.LIMIT_BACKLOG,
    connectionsNote: capped
      ? `lowered from ${e.LIMIT_MAX_CONNECTIONS} to fit ulimit -n ${fdLimit}`
      : `ulimit -n ${fdLimit ?? "unknown"}`,
  };
}

/** Options for `http.createServer` that carry the timeouts (the rest is applied by `applyLimits`). */
export function serverOptions(limits: Limits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the header and request timeouts on this interval (30 s by default).
    connectionsCheckingInterval: 1_000,
  };
}

/** The one line printed at start-up. */
export function describeLimits(limits: Limits): string {
  const somaxconn = readNumber("/proc/sys/net/core/somaxconn");
  const backlog = somaxconn === undefined ? limits.backlog : Math.min(limits.backlog, somaxconn);
  return (
    `> limits: headers ${limits.headersTimeoutMs} ms, request ${limits.requestTimeoutMs} ms, ` +
    `keep-alive ${limits.keepAliveTimeoutMs} ms, socket idle ${limits.socketTimeoutMs} ms; ` +
    `connections ${limits.maxConnections} (${limits.connectionsNote}), ` +
    `${limits.maxConnectionsPerClient || "no cap"} per client; backlog ${backlog}` +
    (backlog < limits.backlog ? ` (asked ${limits.backlog}, net.core.somaxconn is ${somaxconn})` : "")
  );
}

function readNumber(file: string): number | undefined {
  try {
    const n = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Counts of what the guard did, for tests and the abuse run. */
export interface GuardStats {
  open: number;
  refusedPerClient: number;
  evictedIdle: number;
  refusedFull: number;
}

/**
 * Tracks every connection: its client address and whether a request is in flight. Sockets that have
 * no request in flight are kept in `idle` in the order they became idle, oldest first.
 */
export class ConnectionGuard {
  private readonly busy = new Map<Socket, number>();
  private readonly idle = new Set<Socket>();
  private readonly perClient = new Map<string, number>();
  readonly stats: GuardStats = { open: 0, refusedPerClient: 0, evictedIdle: 0, refusedFull: 0 };

  constructor(private readonly limits: Pick<Limits, "maxConnections" | "maxConnectionsPerClient">) {}

  /** Installs the guard and the timeouts on a server. */
  attach(server: Server): void {
    // Refused before Node's HTTP layer sets the socket up (a parser, timers, listeners), so that a
    // refused connection costs its accept and its close only: Node's own connection listener runs
    // for admitted sockets alone: 2,500 connections from one address (2,244 of them refused) cost
    // the server 210-240 ms of CPU this way, 290-310 ms with the check after Node's setup.
    const http = server.listeners("connection") as ((socket: Socket) => void)[];
    server.removeAllListeners("connection");
    server.on("connection", (socket: Socket) => {
      if (this.onConnection(socket)) for (const listener of http) listener.call(server, socket);
    });
    const track = (req: IncomingMessage, res: ServerResponse) => this.onRequest(req.socket, res);
    server.on("request", track);
    // With a checkContinue handler, requests with Expect: 100-continue come as that event instead of
    // request; without one Node answers 100 itself, and adding a listener here would stop it.
    if (server.listenerCount("checkContinue") > 0) server.prependListener("checkContinue", track);
  }

  /** False when the connection was refused (and destroyed). */
  private onConnection(socket: Socket): boolean {
    const addr = socket.remoteAddress ?? "";
    const cap = this.limits.maxConnectionsPerClient;
    const mine = this.perClient.get(addr) ?? 0;
    if (cap > 0 && mine >= cap) {
      this.stats.refusedPerClient++;
      socket.destroy();
      return false;
    }
    if (this.stats.open >= this.limits.maxConnections) {
      const oldest = this.idle.values().next().value;
      if (oldest === undefined) {
        this.stats.refusedFull++;
        socket.destroy();
        return false;
      }
      this.stats.evictedIdle++;
      this.forget(oldest);
      oldest.destroy();
    }
    this.stats.open++;
    this.perClient.set(addr, mine + 1);
    this.idle.add(socket);
    this.busy.set(socket, 0);
    socket.once("close", () => this.forget(socket));
    return true;
  }

  private onRequest(socket: Socket, res: ServerResponse): void {
    const n = this.busy.get(socket);
    if (n === undefined) return;
    this.busy.set(socket, n + 1);
    this.idle.delete(socket);
    res.once("close", () => {
      const left = (this.busy.get(socket) ?? 1) - 1;
      if (!this.busy.has(socket)) return;
      this.busy.set(socket, left);
      if (left === 0) this.idle.add(socket);
    });
  }

  private forget(socket: Socket): void {
    if (!this.busy.delete(socket)) return;
    this.idle.delete(socket);
    this.stats.open--;
    const addr = socket.remoteAddress ?? "";
    const n = (this.perClient.get(addr) ?? 1) - 1;
    if (n <= 0) this.perClient.delete(addr);
    else this.perClient.set(addr, n);
  }
}

/**
 * Applies the limits to a server created with `serverOptions(limits)`, after its own request and
 * checkContinue listeners are installed; returns the guard.
 */
export function applyLimits(server: Server, limits: Limits): ConnectionGuard {
  // Node applies this to every socket (and restores it after each keep-alive wait); with no
  // 'timeout' listener a socket that goes quiet for this long is destroyed.
  server.setTimeout(limits.socketTimeoutMs);
  const guard = new ConnectionGuard(limits);
  guard.attach(server);
  return guard;
}

/** True for the errors a request body stream gives when its client went away mid-upload. */
export function isClientAbort(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return (
    err.message === "aborted" ||
    code === "ECONNRESET" ||
    code === "EPIPE" ||
    code === "ERR_STREAM_PREMATURE_CLOSE" ||
    err.name === "AbortError"
  );
}

/** One line for an upload the client abandoned (a stack trace per abort would flood the log). */
export function abortLine(req: Pick<IncomingMessage, "method" | "url" | "socket">, err: unknown): string {
  const code = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);
  const path = (req.url ?? "").split("?", 1)[0]?.slice(0, 200) ?? "";
  return `client went away: ${req.method ?? "?"} ${path} from ${req.socket?.remoteAddress ?? "?"} (${code})`;
}
