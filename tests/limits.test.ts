/**
 * The connection limits of server/limits.ts on a real node:http server over loopback: slow and idle
 * clients are cut at their timeouts, a delayed answer is not, and the per-client and total caps hold
 * while someone else can still get an answer. Timeouts are shortened so the file runs in seconds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import {
  applyLimits,
  connectionBudget,
  readLimits,
  serverOptions,
  type ConnectionGuard,
} from "../server/limits";
import { until } from "./helpers/until";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function start(
  env: Record<string, string>,
  handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.end("ok"),
): Promise<{ port: number; guard: ConnectionGuard }> {
  const limits = readLimits(env, 20_000);
  const server = createServer(serverOptions(limits), handler);
  const guard = applyLimits(server, limits);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, guard };
}

const FAST = {
  LIMIT_HEADERS_TIMEOUT_MS: "1000",
  LIMIT_REQUEST_TIMEOUT_MS: "2000",
  LIMIT_KEEP_ALIVE_TIMEOUT_MS: "1000",
};

/** Opens a raw connection; resolves with what was received and when the server closed it. */
function raw(port: number, localAddress = "127.0.0.1") {
  const socket = net.connect({ port, host: "127.0.0.1", localAddress });
  const opened = Date.now();
  let data = "";
  socket.on("data", (d: Buffer) => (data += d.toString("latin1")));
  socket.on("error", () => {});
  const closed = new Promise<{ afterMs: number; data: string }>((resolve) =>
    socket.on("close", () => resolve({ afterMs: Date.now() - opened, data })),
  );
  const connected = new Promise<void>((r) => socket.once("connect", () => r()));
  return { socket, closed, connected, data: () => data };
}

/** Writes `text` one byte every `everyMs` until the socket closes or `maxMs` passes. */
function trickle(socket: net.Socket, text: string, everyMs: number, maxMs: number): void {
  let i = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    if (socket.destroyed || Date.now() - started > maxMs) return clearInterval(timer);
    socket.write(text[i % text.length] as string);
    i++;
  }, everyMs);
}

describe("server limits", () => {
  it("closes a connection that never sends a request at the header timeout", async () => {
    const { port } = await start(FAST);
    const c = raw(port);
    const { afterMs } = await c.closed;
    expect(afterMs).toBeGreaterThanOrEqual(900);
    expect(afterMs).toBeLessThan(3_500);
  });

  it("closes a client that sends its headers a byte at a time (slowloris)", async () => {
    const { port } = await start(FAST);
    const c = raw(port);
    await c.connected;
    c.socket.write("GET / HTTP/1.1\r\nHost: x\r\n");
    trickle(c.socket, "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 100, 10_000);
    const { afterMs, data } = await c.closed;
    expect(afterMs).toBeLessThan(3_500);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("closes a client that sends its body a byte at a time", async () => {
    const { port } = await start(FAST, (req, res) => {
      req.resume();
      req.on("end", () => res.end("done"));
    });
    const c = raw(port);
    await c.connected;
    c.socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    trickle(c.socket, "a", 100, 10_000);
    const { afterMs, data } = await c.closed;
    expect(afterMs).toBeLessThan(4_500);
    expect(data).not.toContain("done");
  });

  it("closes an Expect: 100-continue request whose body never comes", async () => {
    const { port } = await start(FAST, (req, res) => {
      req.resume();
      req.on("end", () => res.end("done"));
    });
    const c = raw(port);
    await c.connected;
    c.socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
    const { afterMs, data } = await c.closed;
    expect(data).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(afterMs).toBeLessThan(4_500);
  });

  it("lets a slow answer (a simulated delay) finish: the timeouts are for receiving", async () => {
    const { port } = await start(FAST, (_req, res) => void setTimeout(() => res.end("late"), 3_000));
    const c = raw(port);
    await c.connected;
    c.socket.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const { data } = await c.closed;
    expect(data).toMatch(/^HTTP\/1\.1 200 /);
    expect(data).toContain("late");
  });

  it("caps connections per client address, and others still get answers", async () => {
    // Long timeouts here: the twenty admitted connections must stay open through the 2 s in which
    // the ten refused ones are seen to close.
    const { port, guard } = await start({
      LIMIT_HEADERS_TIMEOUT_MS: "8000",
      LIMIT_REQUEST_TIMEOUT_MS: "10000",
      LIMIT_KEEP_ALIVE_TIMEOUT_MS: "8000",
      LIMIT_MAX_CONNECTIONS_PER_CLIENT: "20",
    });
    const flood = Array.from({ length: 30 }, () => raw(port, "127.0.0.2"));
    await Promise.all(flood.map((c) => c.connected));
    await until(() => guard.stats.refusedPerClient >= 10, 3000);
    await new Promise((r) => setTimeout(r, 100)); // no more than ten, even given a moment
    expect(guard.stats.refusedPerClient).toBe(10);
    const closed = await Promise.all(
      flood.map((c) =>
        Promise.race([c.closed.then(() => 1), new Promise((r) => setTimeout(() => r(0), 2000))]),
      ),
    );
    expect(closed.reduce((a: number, b) => a + (b as number), 0)).toBe(10);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe("ok");
    for (const c of flood) c.socket.destroy();
  });

  it("at the total cap, closes the oldest idle connection to admit a new one", async () => {
    const { port, guard } = await start({ ...FAST, LIMIT_MAX_CONNECTIONS: "16" });
    const idle = Array.from({ length: 16 }, (_, i) => raw(port, `127.0.0.${10 + i}`));
    await Promise.all(idle.map((c) => c.connected));
    expect(await until(() => guard.stats.open === 16, 3000)).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe("ok");
    expect(guard.stats.evictedIdle).toBeGreaterThanOrEqual(1);
    expect((await idle[0]!.closed).afterMs).toBeLessThan(900);
    for (const c of idle) c.socket.destroy();
  });

  it("at the total cap with every connection busy, refuses the new one", async () => {
    const hold: (() => void)[] = [];
    const { port, guard } = await start({ ...FAST, LIMIT_MAX_CONNECTIONS: "16" }, (_req, res) => {
      hold.push(() => res.end("held"));
    });
    const busy = Array.from({ length: 16 }, (_, i) => raw(port, `127.0.1.${10 + i}`));
    await Promise.all(busy.map((c) => c.connected));
    for (const c of busy) c.socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    for (let i = 0; i < 50 && hold.length < 16; i++) await new Promise((r) => setTimeout(r, 20));
    expect(hold.length).toBe(16);
    const late = raw(port);
    const { data } = await late.closed;
    expect(data).toBe("");
    expect(guard.stats.refusedFull).toBe(1);
    for (const release of hold) release();
    for (const c of busy) c.socket.destroy();
  });
});

describe("limits configuration", () => {
  it("has defaults that fit the simulator's 10 s delay", () => {
    const l = readLimits({}, 20_000);
    expect(l.headersTimeoutMs).toBe(10_000);
    expect(l.socketTimeoutMs).toBeGreaterThan(10_000);
    expect(l.maxConnections).toBe(8_192);
    expect(l.maxConnectionsPerClient).toBe(256);
  });

  it("lowers the connection cap to fit the file-descriptor limit", () => {
    expect(readLimits({}, 1024).maxConnections).toBe(connectionBudget(1024));
    expect(connectionBudget(1024)).toBe(768);
    expect(readLimits({}, 1024).connectionsNote).toContain("ulimit -n 1024");
  });

  it("refuses bad values, naming the variable", () => {
    expect(() => readLimits({ LIMIT_SOCKET_TIMEOUT_MS: "5000" })).toThrow(/LIMIT_SOCKET_TIMEOUT_MS/);
    expect(() => readLimits({ LIMIT_MAX_CONNECTIONS: "lots" })).toThrow(/LIMIT_MAX_CONNECTIONS/);
    expect(() =>
      readLimits({ LIMIT_HEADERS_TIMEOUT_MS: "30000", LIMIT_REQUEST_TIMEOUT_MS: "20000" }),
    ).toThrow(/LIMIT_HEADERS_TIMEOUT_MS/);
  });
});
