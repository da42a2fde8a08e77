/**
 * Hostile requests against the production server, over raw sockets so that no client library
 * normalises them first (issue 10, items 2, 5 and 6).
 */
import net from "node:net";

import fc from "fast-check";

import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const HOST = `127.0.0.1:${PORT}`;

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (and `body`) on a fresh connection and parses the first answer. */
function rawRequest(head: string, body = ""): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(PORT, "127.0.0.1");
    let data = "";
    socket.setTimeout(15_000, () => socket.destroy(new Error("timeout")));
    socket.on("data", (d: Buffer) => (data += d.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const end = data.indexOf("\r\n\r\n");
      const lines = data.slice(0, end).split("\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? "")?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(":");
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status, headers, body: data.slice(end + 4) });
    });
    socket.write(head + body);
  });
}

const get = (target: string, method = "GET") =>
  rawRequest(`${method} ${target} HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`);

test.describe("absolute-form request targets", () => {
  for (const target of [
    "http://evil.com/x",
    "http://evil.com/401",
    "https://evil.com",
    "http://evil.com/api/status/200",
  ])
    test(`${target} for another host is refused, never redirected`, async () => {
      const res = await get(target);
      expect(res.status).toBe(400);
      expect(res.headers["content-type"]).toBe("application/problem+json");
      expect(res.headers["location"]).toBeUndefined();
      expect(res.headers["refresh"]).toBeUndefined();
      expect(JSON.parse(res.body)).toMatchObject({ status: 400 });
    });

  test("an absolute-form target for our own host is served as its path", async () => {
    const page = await get(`http://${HOST}/401`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Unauthorized");
    const api = await get(`http://${HOST}/api/status/204`);
    expect(api.status).toBe(204);
  });
});

test.describe("malformed URLs", () => {
  const cases: [string, string][] = [
    ["GET", "/code/%ZZ"],
    ["GET", "/compare/%"],
    ["GET", "/code/%C0%AF"],
    ["GET", "/api/codes/%"],
    ["GET", "/api/codes/%ZZ"],
    ["POST", "/api/status/%25%/describe"],
    ["POST", "/api/inspect/%"],
    ["GET", "/api/nope"],
  ];
  for (const [method, target] of cases)
    test(`${method} ${target} gets a 4xx, problem+json under /api and the 404 page elsewhere`, async () => {
      const res = await get(target, method);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      if (target.startsWith("/api/")) {
        expect(res.headers["content-type"]).toBe("application/problem+json");
        expect(res.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      } else {
        expect(res.status).toBe(404);
        expect(res.body).toContain("Page not found");
      }
    });

  test("no malformed path gets a 5xx (property over generated paths)", async () => {
    test.setTimeout(120_000);
    const prefix = fc.constantFrom(
      "/",
      "/code/",
      "/compare/",
      "/api/",
      "/api/codes/",
      "/api/status/",
      "/inspect/",
    );
    const junk = fc.constantFrom(
      "%",
      "%Z",
      "%ZZ",
      "%C0%AF",
      "%E0%A4%A",
      "%FF",
      "%25",
      "%2F",
      "%00",
      "..",
      "a",
      "4",
      ";",
    );
    const path = fc.tuple(
      prefix,
      fc.array(junk, { minLength: 1, maxLength: 6 }),
      fc.constantFrom("", "/describe", "?x=%"),
    );
    const method = fc.constantFrom("GET", "HEAD", "POST", "OPTIONS");
    await fc.assert(
      fc.asyncProperty(path, method, async ([p, parts, tail], m) => {
        const target = p + parts.join("") + tail;
        const res = await get(target, m);
        expect(res.status, `${m} ${target}`).toBeGreaterThanOrEqual(100);
        expect(res.status, `${m} ${target}`).toBeLessThan(500);
        let decodes = true;
        try {
          decodeURIComponent(target.split("?")[0] ?? "");
        } catch {
          decodes = false;
        }
        if (!decodes) {
          expect(res.status, `${m} ${target}`).toBeGreaterThanOrEqual(400);
          if (target.startsWith("/api/") && m !== "HEAD")
            expect(res.headers["content-type"], `${m} ${target}`).toBe("application/problem+json");
        }
      }),
      { numRuns: 80 },
    );
  });
});

test.describe("describe body limit", () => {
  test("a 200 MB upload to /describe gets 413 problem+json and the connection is closed early", async () => {
    const total = 200 * 1024 * 1024;
    const result = await new Promise<{ head: string; sent: number }>((resolve, reject) => {
      const socket = net.connect(PORT, "127.0.0.1");
      let data = "";
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      socket.setTimeout(30_000, () => socket.destroy(new Error("timeout")));
      socket.on("data", (d: Buffer) => (data += d.toString("latin1")));
      socket.on("error", () => {});
      socket.on("close", () => resolve({ head: data, sent }));
      socket.write(
        `POST /api/status/200/describe HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      const pump = () => {
        while (sent < total && !socket.destroyed) {
          sent += chunk.length;
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          if (!socket.write("\r\n")) return void socket.once("drain", pump);
        }
        if (!socket.destroyed) socket.end("0\r\n\r\n");
      };
      pump();
      socket.on("timeout", () => reject(new Error("timeout")));
    });
    expect(result.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.head.toLowerCase()).toContain("content-type: application/problem+json");
    // Closed long before the 200 MB were sent: the server stopped reading at the limit.
    expect(result.sent).toBeLessThan(32 * 1024 * 1024);
  });
});
