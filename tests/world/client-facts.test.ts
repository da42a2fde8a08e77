/**
 * Vendor and tool claims on the reference pages, each run for real on loopback (issue 13, "make facts
 * hold"): curl, Node's http module, Python requests/urllib3 and Go net/http against small servers on
 * 127.0.0.1 (free ports). Each case names the page whose sentence it holds; the page's `checked`
 * frontmatter names the version run here. A case fails if the tool stops behaving as the page says.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const PYTHON = path.join(ROOT, ".venv/bin/python");
const GO = process.env.GO_PATH ?? "/usr/local/go/bin/go";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A recording server: `/s/CODE` answers CODE; `/r/CODE?to=URL` answers CODE with Location: URL. */
let server: http.Server;
let base: string;
let port: number;
const seen: Seen[] = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string) {
  seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
  const url = new URL(req.url ?? "/", "http://x");
  const [, kind, code] = url.pathname.split("/");
  if (kind === "r") {
    res.writeHead(Number(code), { Location: url.searchParams.get("to") ?? "/", "Content-Length": 0 }).end();
  } else if (kind === "s") {
    res.writeHead(Number(code), { "Content-Length": 0 }).end();
  } else if (kind === "close") {
    res.socket?.destroy();
  } else if (kind === "stall") {
    // never answers; the client gives up (bounded by its own --max-time)
  } else if (kind === "interim") {
    // /interim/CODE: one 1xx, then the final 200
    res.socket?.write(`HTTP/1.1 ${code} Interim\r\n\r\n`);
    res.end("done");
  } else {
    res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("latin1");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => answer(req, res, body));
  });
  // /nocontinue never sends the 100, so curl's wait is visible; other paths get it at once.
  server.on("checkContinue", (req, res) => {
    if (req.url?.startsWith("/nocontinue")) {
      // Do not send 100: curl waits, then sends the body anyway.
      let body = "";
      req.setEncoding("latin1");
      req.on("data", (c: string) => (body += c));
      req.on("end", () => answer(req, res, body));
      return;
    }
    res.writeContinue();
    server.emit("request", req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("curl", ["-sS", "--max-time", "15", ...args], {
      encoding: "latin1",
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const requestsTo = (prefix: string) => seen.filter((s) => s.url.startsWith(prefix));

/** A 2 MB upload in a file (a command-line argument that long exceeds the kernel's limit). */
let bigFile: string;
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-facts-"));
  bigFile = path.join(dir, "big");
  fs.writeFileSync(bigFile, "x".repeat(2_000_000));
  return () => fs.rmSync(dir, { recursive: true, force: true });
});
const tag = () => Math.random().toString(36).slice(2);

describe("curl (the machine's curl; pages name the version, see `curl --version`)", () => {
  it("is the version the pages' local checks name", async () => {
    expect((await run("curl", ["--version"])).stdout).toMatch(/^curl 7\.88\.1 /);
  });

  it("exits 0 on any status, and 22 with --fail on a 4xx or 5xx, never on a 2xx (/200, /4xx, /5xx)", async () => {
    for (const code of [200, 204, 206]) expect((await curl(["-f", `${base}/s/${code}`])).code).toBe(0);
    for (const code of [400, 404, 418, 422, 500, 503]) {
      expect((await curl([`${base}/s/${code}`])).code, String(code)).toBe(0);
      expect((await curl(["--fail", `${base}/s/${code}`])).code, String(code)).toBe(22);
    }
  });

  it("--retry repeats 408, 429, 500, 502, 503, 504 and nothing else (/408, /5xx, /52x, /598)", async () => {
    const transient = [408, 429, 500, 502, 503, 504];
    // 522 and 524 joined the list in curl 8.17.0; this curl is older, and its pages say so.
    const not = [
      420, 501, 506, 507, 508, 509, 510, 520, 521, 522, 523, 524, 525, 526, 527, 529, 530, 598, 599,
    ];
    const t = tag();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statuscodes-facts-"));
    try {
      await Promise.all(
        [...transient, ...not].map((code) =>
          curl(["-o", path.join(dir, String(code)), "--retry", "1", `${base}/s/${code}?${t}`]),
        ),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const attempts = (code: number) => seen.filter((s) => s.url === `/s/${code}?${t}`).length;
    for (const code of transient) expect(attempts(code), String(code)).toBe(2);
    for (const code of not) expect(attempts(code), String(code)).toBe(1);
  }, 30_000);

  it("--retry-all-errors with --fail retries a code --retry ignores (/520 to /530, /598, /599)", async () => {
    const t = tag();
    await curl([
      "-o",
      "/dev/null",
      "--fail",
      "--retry",
      "1",
      "--retry-delay",
      "1",
      "--retry-all-errors",
      `${base}/s/520?${t}`,
    ]);
    expect(seen.filter((s) => s.url === `/s/520?${t}`)).toHaveLength(2);
  }, 20_000);

  it("-L follows any 3xx with a Location (300, 306, even 304), stops without one, never follows a 201 (/300, /306, /304, /201)", async () => {
    const to = encodeURIComponent(`${base}/final`);
    const final = async (url: string) =>
      (await curl(["-L", "-o", "/dev/null", "-w", "%{http_code}", url])).stdout;
    for (const code of [300, 304, 306]) {
      expect(await final(`${base}/r/${code}?to=${to}`), String(code)).toBe("200");
      expect(await final(`${base}/s/${code}`), String(code)).toBe(String(code));
    }
    expect(await final(`${base}/r/201?to=${to}`)).toBe("201");
  });

  it("-L turns a POST into a GET on 301, 302 and 303 unless --post30x; keeps it on 307 and 308; -X POST stays POST (/301 to /308)", async () => {
    const hop = async (code: number, ...args: string[]) => {
      const t = tag();
      await curl([
        "-L",
        "-o",
        "/dev/null",
        ...args,
        `${base}/r/${code}?to=${encodeURIComponent(`${base}/final?${t}`)}`,
      ]);
      const next = requestsTo(`/final?${t}`)[0];
      return `${next?.method} ${next?.body}`;
    };
    for (const code of [301, 302, 303]) {
      expect(await hop(code, "-d", "x=1"), String(code)).toBe("GET ");
      expect(await hop(code, "-d", "x=1", `--post${code}`), String(code)).toBe("POST x=1");
    }
    for (const code of [307, 308]) expect(await hop(code, "-d", "x=1"), String(code)).toBe("POST x=1");
    // A method forced with -X is used on every hop, even after a 303.
    expect((await hop(303, "-X", "POST", "-d", "x=1")).startsWith("POST")).toBe(true);
  });

  it("-L sends -u credentials only to the original host unless --location-trusted (/301, /307, /308)", async () => {
    const other = `http://localhost:${port}`;
    for (const trusted of [false, true]) {
      const t = tag();
      await curl([
        "-L",
        "-o",
        "/dev/null",
        "-u",
        "user:pw",
        ...(trusted ? ["--location-trusted"] : []),
        `${base}/r/307?to=${encodeURIComponent(`${other}/final?${t}`)}`,
      ]);
      expect(requestsTo(`/final?${t}`)[0]?.headers.authorization, String(trusted)).toBe(
        trusted ? `Basic ${Buffer.from("user:pw").toString("base64")}` : undefined,
      );
    }
  });

  it("adds Expect: 100-continue to a larger upload and, with no 100, sends the body after about a second (/100, /417)", async () => {
    const t = tag();
    const started = Date.now();
    await curl(["-o", "/dev/null", "--data-binary", `@${bigFile}`, `${base}/nocontinue?${t}`]);
    const s = requestsTo(`/nocontinue?${t}`)[0];
    expect(s?.headers.expect).toBe("100-continue");
    expect(s?.body.length).toBe(2_000_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // -H "Expect:" suppresses it.
    const u = tag();
    await curl(["-o", "/dev/null", "-H", "Expect:", "--data-binary", `@${bigFile}`, `${base}/echo?${u}`]);
    expect(requestsTo(`/echo?${u}`)[0]?.headers.expect).toBeUndefined();
  }, 20_000);

  it("after a 417 to Expect: 100-continue, resends the request without Expect (/417)", async () => {
    // A raw server: node:http would read the resent request as the first one's unsent body.
    const heads: string[] = [];
    let bodyBytes = 0;
    const raw = net.createServer((sock) => {
      let buf = Buffer.alloc(0);
      sock.on("data", (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        for (;;) {
          if (heads.length === 2) {
            bodyBytes = buf.length;
            if (bodyBytes >= 2_000_000)
              sock.end("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
          }
          const end = buf.indexOf("\r\n\r\n");
          if (end < 0) return;
          heads.push(buf.subarray(0, end).toString("latin1"));
          buf = buf.subarray(end + 4);
          if (heads.length === 1) sock.write("HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n");
        }
      });
      sock.on("error", () => {});
    });
    await new Promise<void>((r) => raw.listen(0, "127.0.0.1", () => r()));
    try {
      const rawPort = (raw.address() as AddressInfo).port;
      const res = await curl([
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "--data-binary",
        `@${bigFile}`,
        `http://127.0.0.1:${rawPort}/`,
      ]);
      expect(heads[0]).toMatch(/\r\nExpect: 100-continue/i);
      expect(heads[1]).toMatch(/^POST \/ HTTP\/1\.1/);
      expect(heads[1]).not.toMatch(/Expect:/i);
      expect(bodyBytes).toBe(2_000_000);
      expect(res.stdout).toBe("200");
    } finally {
      await new Promise<void>((r) => raw.close(() => r()));
    }
  }, 20_000);

  it("-d sends application/x-www-form-urlencoded, --json sets Content-Type and Accept, plain requests Accept: */* (/406, /415)", async () => {
    const [a, b, c] = [tag(), tag(), tag()];
    await curl(["-o", "/dev/null", "-d", "x=1", `${base}/echo?${a}`]);
    await curl(["-o", "/dev/null", "--json", '{"x":1}', `${base}/echo?${b}`]);
    await curl(["-o", "/dev/null", `${base}/echo?${c}`]);
    expect(requestsTo(`/echo?${a}`)[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(requestsTo(`/echo?${b}`)[0]?.headers["content-type"]).toBe("application/json");
    expect(requestsTo(`/echo?${b}`)[0]?.headers.accept).toBe("application/json");
    expect(requestsTo(`/echo?${c}`)[0]?.headers.accept).toBe("*/*");
  });

  it("-T with a file sends Content-Length; -T - (standard input) sends a chunked body (/411)", async () => {
    const [a, b] = [tag(), tag()];
    await curl(["-o", "/dev/null", "-T", bigFile, `${base}/echo?${a}`]);
    await run("sh", ["-c", `echo hello | curl -sS -o /dev/null --max-time 15 -T - '${base}/echo?${b}'`]);
    const file = requestsTo(`/echo?${a}`)[0];
    const stdin = requestsTo(`/echo?${b}`)[0];
    expect(file?.method).toBe("PUT");
    expect(file?.headers["content-length"]).toBe("2000000");
    expect(stdin?.headers["transfer-encoding"]).toBe("chunked");
    expect(stdin?.headers["content-length"]).toBeUndefined();
    expect(stdin?.body).toBe("hello\n");
  }, 20_000);

  it("-v shows a 1xx before the final status, and waits for the final one (/102, /103, /104)", async () => {
    for (const code of [102, 103, 104]) {
      const res = await curl(["-v", `${base}/interim/${code}`]);
      expect(res.stderr, String(code)).toMatch(new RegExp(`< HTTP/1\\.1 ${code} `));
      expect(res.stderr).toMatch(/< HTTP\/1\.1 200 /);
      expect(res.stdout).toBe("done");
    }
  });

  it("exit codes: 52 for a closed connection, 28 for --max-time, 7 when nothing listens (/444, /499, /599)", async () => {
    expect((await curl([`${base}/close`])).code).toBe(52);
    expect((await curl(["--max-time", "1", `${base}/stall`])).code).toBe(28);
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, "127.0.0.1", () => r()));
    const freePort = (free.address() as AddressInfo).port;
    await new Promise<void>((r) => free.close(() => r()));
    expect((await curl([`http://127.0.0.1:${freePort}/`])).code).toBe(7);
  }, 20_000);
});

describe("Node's http module (the machine's Node; pages name process.version)", () => {
  it("is the version the pages name", () => {
    expect(process.version).toBe("v20.20.2");
  });

  /** Starts a node:http server for one case; returns its base URL and a closer. */
  async function nodeServer(
    handler: http.RequestListener,
    setup: (s: http.Server) => void = () => {},
    options: http.ServerOptions = {},
  ) {
    const s = http.createServer(options, handler);
    setup(s);
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
    const p = (s.address() as AddressInfo).port;
    return {
      port: p,
      close: () =>
        new Promise<void>((r) => {
          s.closeAllConnections();
          s.close(() => r());
        }),
    };
  }

  /** Writes a raw request and reads until the server closes or `ms` pass. */
  function raw(p: number, request: string, ms = 2000): Promise<string> {
    return new Promise((resolve) => {
      let text = "";
      const sock = net.connect(p, "127.0.0.1", () => sock.write(request));
      sock.setEncoding("latin1");
      sock.on("data", (c: string) => (text += c));
      const done = () => resolve(text);
      sock.on("close", done);
      sock.on("error", done);
      setTimeout(() => sock.destroy(), ms);
    });
  }

  it("the server answers Expect: 100-continue by itself; the client emits 'continue' (/100)", async () => {
    const s = await nodeServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    try {
      const events: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const req = http.request(
          {
            port: s.port,
            host: "127.0.0.1",
            method: "POST",
            headers: { Expect: "100-continue", "Content-Length": 2 },
          },
          (res) => {
            events.push(`response ${res.statusCode}`);
            res.resume();
            res.on("end", resolve);
          },
        );
        req.on("continue", () => {
          events.push("continue");
          req.end("hi");
        });
        req.on("error", reject);
      });
      expect(events).toEqual(["continue", "response 200"]);
    } finally {
      await s.close();
    }
  });

  it("the server answers 417 to an Expect other than 100-continue, unless 'checkExpectation' is handled (/417)", async () => {
    const plain = await nodeServer((_req, res) => res.end("ok"));
    const custom = await nodeServer(
      (_req, res) => res.end("ok"),
      (s) => s.on("checkExpectation", (_req, res) => res.writeHead(200).end("mine")),
    );
    try {
      const req = "GET / HTTP/1.1\r\nHost: x\r\nExpect: something\r\nConnection: close\r\n\r\n";
      expect(await raw(plain.port, req)).toMatch(/^HTTP\/1\.1 417 /);
      expect(await raw(custom.port, req)).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await plain.close();
      await custom.close();
    }
  });

  it("writeProcessing and writeEarlyHints send 102 and 103; the client reports them as 'information' (/102, /103, /104)", async () => {
    const s = await nodeServer((_req, res) => {
      res.writeProcessing();
      res.writeEarlyHints({ link: "</a.css>; rel=preload; as=style" });
      res.end("done");
    });
    try {
      const interim: number[] = [];
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.get({ port: s.port, host: "127.0.0.1" }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("information", (info) => interim.push(info.statusCode));
        req.on("error", reject);
      });
      expect(interim).toEqual([102, 103]);
      expect(status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("frames a 205 like any response: Content-Length: 0 when ended empty, chunked after flushHeaders (/205)", async () => {
    const s = await nodeServer((req, res) => {
      res.statusCode = 205;
      if (req.url === "/flushed") {
        res.flushHeaders();
        setTimeout(() => res.end(), 10);
      } else res.end();
    });
    try {
      const empty = await raw(s.port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      const flushed = await raw(s.port, "GET /flushed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      expect(empty).toMatch(/^HTTP\/1\.1 205 /);
      expect(empty).toMatch(/\r\nContent-Length: 0\r\n/i);
      expect(flushed).toMatch(/\r\nTransfer-Encoding: chunked\r\n/i);
    } finally {
      await s.close();
    }
  });

  it("fetch (undici) gives 204, 205 and 304 a null body, and new Response(text, { status: 204 }) throws (/204, /205, /304)", async () => {
    const s = await nodeServer((req, res) => {
      res.statusCode = Number(req.url?.slice(1));
      res.end();
    });
    try {
      for (const code of [204, 205, 304]) {
        const r = await fetch(`http://127.0.0.1:${s.port}/${code}`);
        expect(r.body, String(code)).toBeNull();
      }
      expect(() => new Response("x", { status: 204 })).toThrow(TypeError);
      expect(new Response(null, { status: 204 }).status).toBe(204);
    } finally {
      await s.close();
    }
  });

  it("answers 431 when the request's headers exceed maxHeaderSize (/431)", async () => {
    const s = await nodeServer((_req, res) => res.end("ok"), undefined, { maxHeaderSize: 1024 });
    try {
      const got = await raw(s.port, `GET / HTTP/1.1\r\nHost: x\r\nCookie: ${"a".repeat(4000)}\r\n\r\n`);
      expect(got).toMatch(/^HTTP\/1\.1 431 /);
    } finally {
      await s.close();
    }
  });

  it("hands upgrades to 'upgrade' events on the server and the client (/101)", async () => {
    const s = await nodeServer(
      (_req, res) => res.end("not upgraded"),
      (srv) =>
        srv.on("upgrade", (_req, socket: net.Socket) => {
          socket.end("HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n");
        }),
    );
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.get({
          port: s.port,
          host: "127.0.0.1",
          headers: { Upgrade: "test", Connection: "Upgrade" },
        });
        req.on("upgrade", (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on("response", () => reject(new Error("a response, not an upgrade")));
        req.on("error", reject);
      });
      expect(status).toBe(101);
    } finally {
      await s.close();
    }
  });
});

interface RequestsFacts {
  versions: { requests: string; urllib3: string; python: string };
  follows: Record<string, boolean>;
  method: Record<string, { status: number; followed: string[]; final_body: string }>;
  head_301: number;
  auth_other_host: Record<string, string | null>;
  auth_same_host: string | null;
  json_204: string;
  get_400: number;
  raise_400: string | null;
  content_type: { json: string | null; data_str: string | null };
  retry_default: Record<string, number>;
  retry_forcelist: Record<string, number>;
  closed: string;
}

describe("Python requests and urllib3 (pinned in requirements-test.txt)", () => {
  let out: RequestsFacts;
  beforeAll(async () => {
    const { stdout } = await run(PYTHON, [path.join(__dirname, "requests_facts.py")], { timeout: 60_000 });
    out = JSON.parse(stdout) as RequestsFacts;
  }, 70_000);

  it("is the version the pages name", () => {
    expect(out.versions).toMatchObject({ requests: "2.34.2", urllib3: "2.8.0" });
  });

  it("follows 301, 302, 303, 307 and 308, and returns a 300, 305 or 306 as it is (/300, /305, /306)", () => {
    expect(out.follows).toEqual({
      "300": false,
      "301": true,
      "302": true,
      "303": true,
      "305": false,
      "306": false,
      "307": true,
      "308": true,
    });
  });

  it("turns POST into GET on 301; every method but HEAD into GET on 302 and 303; keeps method and body on 307 and 308 (/301 to /308)", () => {
    for (const code of [301, 302, 303]) expect(out.method[`POST ${code}`]?.followed[1]).toBe("GET /final");
    for (const code of [302, 303]) expect(out.method[`PUT ${code}`]?.followed[1]).toBe("GET /final");
    for (const m of ["POST", "PUT"])
      for (const code of [307, 308]) {
        expect(out.method[`${m} ${code}`]?.followed[1]).toBe(`${m} /final`);
        expect(out.method[`${m} ${code}`]?.final_body).toBe("payload");
      }
  });

  it("head() does not follow a redirect (/301)", () => {
    expect(out.head_301).toBe(301);
  });

  it("drops Authorization when a redirect changes host, keeps it on the same host (/301, /307, /308)", () => {
    expect(out.auth_other_host).toEqual({ "301": null, "302": null, "307": null, "308": null });
    expect(out.auth_same_host).toBe("Bearer t");
  });

  it(".json() on a 204 raises a JSON decoding error; a 400 raises only in raise_for_status() (/204, /400)", () => {
    expect(out.json_204).toBe("JSONDecodeError");
    expect(out.get_400).toBe(400);
    expect(out.raise_400).toBe("HTTPError");
  });

  it("json= sets Content-Type: application/json; a raw string sets none (/415)", () => {
    expect(out.content_type).toEqual({ json: "application/json", data_str: null });
  });

  it("urllib3's Retry: 500 and 502 only with status_forcelist; 413, 429 and 503 by default when Retry-After is sent (/500, /502, /503)", () => {
    expect(out.retry_default).toEqual({
      "500": 1,
      "502": 1,
      "503 Retry-After": 3,
      "429 Retry-After": 3,
      "413 Retry-After": 3,
      "503 no Retry-After": 1,
    });
    expect(out.retry_forcelist).toEqual({ "500": 3, "502": 3 });
  });

  it("a connection closed without a response is 'Remote end closed connection without response' (/444)", () => {
    expect(out.closed).toMatch(/Remote end closed connection without response/);
  });
});

describe("Go net/http (the machine's Go; pages name runtime.Version())", () => {
  let out: {
    version: string;
    get400: { status: number; err: boolean };
    mux: { post: number; allow: string; unknown: number };
    idle408: { first: boolean; second: number; secondErr: string; connections: number };
    teapot: { code: number; text: string };
  };
  beforeAll(async () => {
    const { stdout } = await run(GO, ["run", path.join(__dirname, "go_facts.go")], {
      timeout: 120_000,
      env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" },
    });
    out = JSON.parse(stdout) as typeof out;
  }, 130_000);

  it("is the version the pages name", () => {
    expect(out.version).toBe("go1.26.8");
  });

  it("returns a 400 as a response with a nil error (/400)", () => {
    expect(out.get400).toEqual({ status: 400, err: true });
  });

  it("ServeMux method patterns answer a wrong method with 405 and Allow (/405)", () => {
    expect(out.mux).toEqual({ post: 405, allow: "GET, HEAD, PUT", unknown: 404 });
  });

  it("a 408 on an idle pooled connection closes it; the next request goes out on a new one without error (/408)", () => {
    expect(out.idle408).toEqual({ first: true, second: 200, secondErr: "", connections: 2 });
  });

  it("keeps the StatusTeapot constant (/418)", () => {
    expect(out.teapot).toEqual({ code: 418, text: "I'm a teapot" });
  });
});
