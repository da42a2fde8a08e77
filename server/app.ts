/**
 * The site's own server: `/api/status/*` straight from node:http (fast-path.ts), health and readiness,
 * scenario state, the fair-use limit, an optional JSON access log, and everything else handed to Next.
 * `run()` reads the configuration, opens the state store, listens, and shuts down gracefully on
 * SIGTERM/SIGINT: stop accepting, let requests in flight (delays included) finish within
 * SHUTDOWN_TIMEOUT, cut the rest, close the store, exit 0.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";

import { clientAddress, FairUse } from "../lib/fair-use";
import type { ApiResult } from "../lib/http";
import { PROBLEM_JSON, problem } from "../lib/problem";
import { ScenarioEngine } from "../lib/scenarios";
import { scenarioApi } from "../lib/scenarios/api";
import { installProcessRuntime, SimulatorRuntime } from "../lib/simulator/runtime";
import type { StateStore } from "../lib/state";
import { MemoryStore } from "../lib/state/memory";
import { RedisStore } from "../lib/state/redis";

import { describeConfig, readConfig, redactUrl, type Config } from "./config";
import { FastPath } from "./fast-path";
import { describeLimits, readLimits, type Limits } from "./limits";
import { createSite as createServer } from "./site";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Site {
  server: Server;
  store: StateStore;
  /** Stops accepting, drains within the bound, closes the store. Resolves when done. */
  shutdown(): Promise<void>;
  /** Hands pages to Next (once it is prepared). */
  setNext(handler: NextHandler): void;
}

const SCENARIOS_PATH = /^\/api\/scenarios\/([^/?#]*)(?:\?.*)?$/;
/** What fair use counts: the simulator (and its describe endpoint) and the inspector. */
const FAIR_USE_PATH = /^\/api\/(?:status\/|inspect(?:[/?]|$))/;

function send(res: ServerResponse, r: ApiResult, head: boolean): void {
  const flat: string[] = [];
  for (const [n, v] of r.headers) flat.push(n, v);
  if (r.status !== 204 && r.status !== 304) flat.push("Content-Length", String(Buffer.byteLength(r.body)));
  res.writeHead(r.status, flat);
  res.end(head || r.status === 204 ? undefined : r.body);
}

function json(status: number, value: unknown): ApiResult {
  return {
    status,
    headers: [
      ["Content-Type", "application/json"],
      ["Cache-Control", "no-store"],
      ["X-Content-Type-Options", "nosniff"],
    ],
    body: JSON.stringify(value),
  };
}

export function openStore(config: Config): StateStore {
  if (!config.REDIS_URL) return new MemoryStore({ maxBytes: config.STATE_MEMORY_BYTES });
  const store = new RedisStore({ url: config.REDIS_URL });
  void store.connect();
  return store;
}

export function createSite(
  config: Config,
  store: StateStore,
  nextHandler: NextHandler | undefined,
  limits?: Limits,
): Site {
  let next = nextHandler;
  const engine = new ScenarioEngine(store, config.SCENARIO_TTL * 1000);
  const runtime = new SimulatorRuntime(config.DELAY_GATE, undefined, engine);
  // The Next route handlers (describe, and /api/status under npm run dev) use the same runtime.
  installProcessRuntime(runtime);
  const fast = new FastPath(runtime);
  const fair = new FairUse(store, {
    limit: config.FAIR_USE_LIMIT,
    windowSeconds: config.FAIR_USE_WINDOW,
    exempt: config.FAIR_USE_EXEMPT,
  });
  const trusted = new Set(config.TRUSTED_PROXIES);
  const clients = new WeakMap<IncomingMessage, string>();
  let draining = false;
  let inFlight = 0;

  const fail = (res: ServerResponse) => (err: unknown) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error\n");
  };

  const ready = async (res: ServerResponse, head: boolean) => {
    const reachable = await store.ping();
    const ok = reachable && !draining;
    const body: Record<string, unknown> = {
      ready: ok,
      pages: next ? "built" : "off",
      store: { kind: store.kind, reachable },
    };
    if (draining) body.draining = true;
    send(res, json(ok ? 200 : 503, body), head);
  };

  /** Everything that is not the simulator: health, readiness, scenario state, then Next. */
  const fallback = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? "/";
    const head = req.method === "HEAD";
    if (url === "/api/health" || url.startsWith("/api/health?")) {
      send(res, json(200, { status: "ok" }), head);
      return;
    }
    if (url === "/api/ready" || url.startsWith("/api/ready?")) {
      ready(res, head).catch(fail(res));
      return;
    }
    const sc = SCENARIOS_PATH.exec(url);
    if (sc) {
      let name = sc[1] ?? "";
      try {
        name = decodeURIComponent(name);
      } catch {
        /* an undecodable name is refused as a bad name */
      }
      scenarioApi(req.method ?? "GET", name, engine).then((r) => send(res, r, head), fail(res));
      return;
    }
    if (next) {
      next(req, res).catch(fail(res));
      return;
    }
    const path = url.split("?")[0] ?? url;
    send(
      res,
      {
        status: 404,
        headers: [["Content-Type", PROBLEM_JSON]],
        body: JSON.stringify(problem(404, `Nothing is served at ${path} (pages are off in this server).`)),
      },
      head,
    );
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    inFlight++;
    const started = process.hrtime.bigint();
    const client = clientAddress(req.socket.remoteAddress, headerValue(req, "x-forwarded-for"), trusted);
    clients.set(req, client);
    res.once("close", () => {
      inFlight--;
      if (config.ACCESS_LOG) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        process.stdout.write(
          `${JSON.stringify({
            time: new Date().toISOString(),
            client,
            method: req.method,
            url: (req.url ?? "").slice(0, 1024),
            status: res.statusCode,
            ms: Math.round(ms * 10) / 10,
            complete: res.writableFinished,
          })}\n`,
        );
      }
    });
    // While draining, answer what is asked but keep no connection open for more.
    if (draining) res.shouldKeepAlive = false;
  };

  /** Fair use: false (answered with a 429) or true; health and readiness are never counted. */
  const admit = (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const url = req.url ?? "/";
    if (!FAIR_USE_PATH.test(url)) return true;
    const verdict = fair.check(clients.get(req) ?? "", url.split("?")[0] ?? url);
    const act = (v: ApiResult | null): boolean => {
      if (!v) return true;
      req.resume();
      send(res, v, req.method === "HEAD");
      return false;
    };
    return verdict instanceof Promise ? verdict.then(act) : act(verdict);
  };

  const server = createServer(fallback, fast, limits, { onRequest, admit });

  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      draining = true;
      server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + config.SHUTDOWN_TIMEOUT;
      while (inFlight > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        server.closeIdleConnections();
      }
      // Past the bound, whatever is still waiting (a long delay, a stall) is cut.
      server.closeAllConnections();
      await store.close();
    })();
    return closing;
  };
  return {
    server,
    store,
    shutdown,
    setNext: (handler) => {
      next = handler;
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/**
 * Reads the configuration (one line and exit 1 when it is bad), opens the store, starts the server
 * (with Next for the pages when `loadNext` is given) and handles SIGTERM/SIGINT.
 */
export async function run(loadNext?: (config: Config) => Promise<NextHandler>): Promise<Site> {
  const read = readConfig();
  let limits: Limits | undefined;
  try {
    limits = readLimits();
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    console.error(
      `statuscodes: bad configuration: ${text
        .split("\n")
        .slice(1)
        .map((l) => l.trim())
        .join("; ")}`,
    );
    process.exit(1);
  }
  if (!read.ok) {
    console.error(read.line);
    process.exit(1);
  }
  const config = read.config;
  const store = openStore(config);
  // The site (and the process runtime the route handlers use) exists before Next loads any route.
  const site = createSite(config, store, undefined, limits);
  if (loadNext) site.setNext(await loadNext(config));
  await new Promise<void>((resolve, reject) => {
    site.server.once("error", reject);
    site.server.listen({ port: config.PORT, host: config.HOST, backlog: limits.backlog }, () => resolve());
  });
  const addr = site.server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.PORT;
  console.log(describeConfig(config));
  console.log(describeLimits(limits));
  console.log(
    `> statuscodes listening on http://${config.HOST}:${port} (state: ${config.REDIS_URL ? `redis ${redactUrl(config.REDIS_URL)}` : "memory"})`,
  );
  const stop = (signal: string) => {
    console.log(`> ${signal}: draining (at most ${config.SHUTDOWN_TIMEOUT} ms)`);
    site.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return site;
}
