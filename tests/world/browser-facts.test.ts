/**
 * Chromium claims on the reference pages, run for real (issue 13): Debian's Chromium (CHROMIUM_PATH
 * overrides), headless through Playwright, against small servers on 127.0.0.1 (free ports). Each case
 * names the page whose sentence it holds; the page's `checked` frontmatter names the version.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import type net from "node:net";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { chromium, type Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath, headless: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A node:http server whose handler also learns how many requests its connection has carried. */
async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, nth: number) => void) {
  const perSocket = new WeakMap<net.Socket, number>();
  const server = http.createServer((req, res) => {
    const nth = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, nth);
    handler(req, res, nth);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// No favicon request: it could take the idle connection the 408 case needs the fetch to reuse.
const page0 = '<!doctype html><link rel="icon" href="data:,"><title>t</title><p>t</p>';

describe("Chromium (Debian's /usr/bin/chromium)", () => {
  it("is the version the pages name", () => {
    expect(browser.version()).toMatch(/^156\./);
  });

  it("a connection closed without a response is ERR_EMPTY_RESPONSE over HTTP/1.1 (/444)", async () => {
    const s = await serve((req, res) => res.socket?.destroy());
    const page = await browser.newPage();
    try {
      await expect(page.goto(`${s.base}/`)).rejects.toThrow(/net::ERR_EMPTY_RESPONSE/);
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("a stream reset with INTERNAL_ERROR over HTTP/2 (what nginx's 444 does there) is ERR_HTTP2_PROTOCOL_ERROR (/444)", async () => {
    // A throwaway self-signed certificate: Chromium speaks HTTP/2 only over TLS.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-h2-"));
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        cert,
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    const server = http2.createSecureServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
    server.on("stream", (stream) => {
      stream.on("error", () => {});
      stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      const port = (server.address() as AddressInfo).port;
      await expect(page.goto(`https://127.0.0.1:${port}/`)).rejects.toThrow(/net::ERR_HTTP2_PROTOCOL_ERROR/);
    } finally {
      await context.close();
      await new Promise<void>((r) => server.close(() => r()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("a 407 from a server that is not a configured proxy fails with ERR_UNEXPECTED_PROXY_AUTH (/407)", async () => {
    const s = await serve((_req, res) =>
      res.writeHead(407, { "Proxy-Authenticate": 'Basic realm="p"', "Content-Type": "text/html" }).end(page0),
    );
    const page = await browser.newPage();
    try {
      await expect(page.goto(`${s.base}/`)).rejects.toThrow(/net::ERR_UNEXPECTED_PROXY_AUTH/);
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("a 408 on a reused HTTP/1.1 connection is resent on a new one; the page sees the 200 (/408)", async () => {
    let sent408 = 0;
    const s = await serve((req, res, nth) => {
      if (req.url !== "/data") return void res.writeHead(200, { "Content-Type": "text/html" }).end(page0);
      if (nth > 1) {
        sent408++;
        return void res.writeHead(408, { Connection: "close", "Content-Length": 0 }).end();
      }
      res.writeHead(200, { "Content-Type": "text/plain" }).end("fresh");
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${s.base}/`);
      // Idle connections now exist (the page's own, perhaps a preconnected one); three fetches in a
      // row reuse at least one of them and meet the 408, and every fetch must still see the 200.
      const got: string[] = [];
      for (let i = 0; i < 3; i++)
        got.push(
          await page.evaluate(async () => {
            const r = await fetch("/data", { cache: "no-store" });
            return `${r.status} ${await r.text()}`;
          }),
        );
      expect(sent408).toBeGreaterThanOrEqual(1);
      expect(got).toEqual(["200 fresh", "200 fresh", "200 fresh"]);
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("a 408 on a fresh connection reaches the page (/408)", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/") return void res.writeHead(200, { "Content-Type": "text/html" }).end(page0);
      res.writeHead(408, { Connection: "close", "Content-Type": "text/plain" }).end("timeout");
    });
    const page = await browser.newPage();
    try {
      const res = await page.goto(`${s.base}/408`);
      expect(res?.status()).toBe(408);
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("fetch(): 300, 305 and 306 are not followed, a 201's Location is not followed, 429/502/503 are not retried, 204, 205 and a raw 304 carry an empty stream, not null (/300, /305, /306, /201, /429, /502, /503, /204, /205, /304)", async () => {
    const hits = new Map<string, number>();
    const s = await serve((req, res) => {
      const url = req.url ?? "/";
      hits.set(url, (hits.get(url) ?? 0) + 1);
      const m = /^\/s\/(\d{3})$/.exec(url);
      if (!m) return void res.writeHead(200, { "Content-Type": "text/html" }).end(page0);
      const code = Number(m[1]);
      const headers: Record<string, string> = { "Content-Type": "text/plain", Location: "/followed" };
      if (code === 429 || code === 503) headers["Retry-After"] = "0";
      if (code === 304) return void res.writeHead(304, { ETag: '"x"' }).end();
      res.writeHead(code, headers).end(code === 204 || code === 205 ? undefined : `status ${code}`);
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${s.base}/`);
      const seen = await page.evaluate(async () => {
        const out: Record<string, string> = {};
        for (const code of [300, 305, 306, 201, 429, 502, 503]) {
          const r = await fetch(`/s/${code}`, { cache: "no-store" });
          out[code] = `${r.status} ${r.redirected}`;
        }
        for (const code of [204, 205]) {
          const empty = await fetch(`/s/${code}`, { cache: "no-store" });
          let json = "parsed";
          try {
            await empty.json();
          } catch (e) {
            json = (e as Error).name;
          }
          out[code] = `${empty.status} body:${empty.body === null ? "null" : "stream"} ${json}`;
        }
        // A script's own conditional request gets the bare 304 (cache mode no-store).
        const raw = await fetch("/s/304", { headers: { "If-None-Match": '"x"' } });
        out["304"] = `${raw.status} ${raw.ok} body:${raw.body === null ? "null" : "stream"}`;
        return out;
      });
      expect(seen).toEqual({
        "300": "300 false",
        "305": "305 false",
        "306": "306 false",
        "201": "201 false",
        "429": "429 false",
        "502": "502 false",
        "503": "503 false",
        // The Fetch standard nulls the body of a null-body status; Chromium 156 hands out an empty
        // stream instead (the pages say so). json() rejects either way.
        "204": "204 body:stream SyntaxError",
        "205": "205 body:stream SyntaxError",
        "304": "304 false body:stream",
      });
      expect(hits.get("/followed")).toBeUndefined();
      for (const code of [429, 502, 503]) expect(hits.get(`/s/${code}`), String(code)).toBe(1);
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("navigation: a form post answered 204 or 205 leaves the page and the typed value in place (/204, /205)", async () => {
    const s = await serve((req, res) => {
      const m = /^\/post\/(\d{3})$/.exec(req.url ?? "");
      if (m) {
        req.resume();
        return void req.on("end", () => res.writeHead(Number(m[1]), { "Content-Length": 0 }).end());
      }
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(
          '<!doctype html><link rel="icon" href="data:,"><title>form</title>' +
            '<form method="post" action="/post/204" id="f204"><input name="a" id="a204"></form>' +
            '<form method="post" action="/post/205" id="f205"><input name="a" id="a205"></form>',
        );
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${s.base}/`);
      for (const code of [204, 205]) {
        await page.fill(`#a${code}`, "kept");
        const answered = page.waitForResponse((r) => r.url().endsWith(`/post/${code}`));
        await page.evaluate((c) => (document.getElementById(`f${c}`) as HTMLFormElement).submit(), code);
        expect((await answered).status()).toBe(code);
        // Give a navigation, if any, the time to commit before looking.
        await page.waitForTimeout(300);
        expect(page.url(), String(code)).toBe(`${s.base}/`);
        expect(await page.inputValue(`#a${code}`), String(code)).toBe("kept");
      }
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("a revalidated 304 reaches fetch() as the cached 200; a WebSocket handshake answered 200 closes with 1006 (/304, /101)", async () => {
    let sent304 = 0;
    const s = await serve((req, res) => {
      if (req.url === "/cached") {
        if (req.headers["if-none-match"] === '"v1"') {
          sent304++;
          return void res.writeHead(304, { ETag: '"v1"', "Cache-Control": "no-cache" }).end();
        }
        return void res
          .writeHead(200, { ETag: '"v1"', "Cache-Control": "no-cache", "Content-Type": "text/plain" })
          .end("cached body");
      }
      if (req.url === "/ws")
        return void res.writeHead(200, { "Content-Type": "text/plain" }).end("not a websocket");
      res.writeHead(200, { "Content-Type": "text/html" }).end(page0);
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${s.base}/`);
      const got = await page.evaluate(async () => {
        const first = await fetch("/cached");
        await first.text();
        const again = await fetch("/cached");
        return `${again.status} ${await again.text()}`;
      });
      expect(got).toBe("200 cached body");
      expect(sent304).toBe(1);
      const ws = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const events: string[] = [];
            const sock = new WebSocket(url);
            sock.onerror = () => events.push("error");
            sock.onclose = (e) => resolve(`${events.join(",")} close ${e.code}`);
          }),
        s.base.replace("http", "ws") + "/ws",
      );
      expect(ws).toBe("error close 1006");
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("a streaming upload (ReadableStream body) is refused over HTTP/1.1 (/411)", async () => {
    const s = await serve((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(page0));
    const page = await browser.newPage();
    try {
      await page.goto(`${s.base}/`);
      const failures: string[] = [];
      page.on("requestfailed", (r) => failures.push(r.failure()?.errorText ?? ""));
      const outcome = await page.evaluate(async () => {
        const body = new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode("x"));
            c.close();
          },
        });
        try {
          // `duplex` is not in every DOM typing yet.
          const init = { method: "POST", body, duplex: "half" } as RequestInit;
          const r = await fetch("/upload", init);
          return `resolved ${r.status}`;
        } catch (e) {
          return (e as Error).name;
        }
      });
      expect(outcome).toBe("TypeError");
      // The network error says why: such an upload needs a protocol negotiated by ALPN (HTTP/2 or
      // HTTP/3), which plain http:// cannot offer.
      expect(failures).toEqual(["net::ERR_ALPN_NEGOTIATION_FAILED"]);
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it("a 421 is retried once by the browser; the page sees the second answer (/421)", async () => {
    let hits = 0;
    const s = await serve((req, res) => {
      if (req.url !== "/thing") return void res.writeHead(200, { "Content-Type": "text/html" }).end(page0);
      hits++;
      if (hits === 1) return void res.writeHead(421, { "Content-Type": "text/plain" }).end("misdirected");
      res.writeHead(200, { "Content-Type": "text/plain" }).end("retried");
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${s.base}/`);
      const got = await page.evaluate(async () => {
        const r = await fetch("/thing", { cache: "no-store" });
        return `${r.status} ${await r.text()}`;
      });
      expect({ got, hits }).toEqual({ got: "200 retried", hits: 2 });
    } finally {
      await page.close();
      await s.close();
    }
  }, 30_000);

  it.each([
    ["Basic", 'Basic realm="r"', "Basic ", 2],
    ["Digest", 'Digest realm="r", nonce="n0", qop="auth"', "Digest ", 2],
    ["Bearer", 'Bearer realm="r"', undefined, 1],
  ] as const)(
    "a %s challenge on a same-origin fetch() goes to the login handler only for Basic and Digest (/401)",
    async (_scheme, challenge, answered, requests) => {
      // The handler Playwright answers with httpCredentials is the one that shows the login dialog in
      // a headed browser: a scheme the browser can answer is retried with credentials, any other
      // scheme (Bearer) reaches the page as the 401 itself.
      const seen: (string | undefined)[] = [];
      const s = await serve((req, res) => {
        if (req.url !== "/private")
          return void res.writeHead(200, { "Content-Type": "text/html" }).end(page0);
        seen.push(req.headers.authorization);
        if (req.headers.authorization)
          return void res.writeHead(200, { "Content-Type": "text/plain" }).end("in");
        res.writeHead(401, { "WWW-Authenticate": challenge, "Content-Type": "text/plain" }).end("who?");
      });
      const context = await browser.newContext({ httpCredentials: { username: "u", password: "p" } });
      const page = await context.newPage();
      try {
        await page.goto(`${s.base}/`);
        const got = await page.evaluate(async () => (await fetch("/private", { cache: "no-store" })).status);
        expect(seen).toHaveLength(requests);
        expect(got).toBe(answered ? 200 : 401);
        if (answered) expect(seen[1]?.startsWith(answered)).toBe(true);
      } finally {
        await context.close();
        await s.close();
      }
    },
    30_000,
  );
});
