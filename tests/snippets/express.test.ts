/** Proof: every Express snippet, mounted in one real Express app and sent its scenario over loopback. */
import type { Server } from "node:http";

import express from "express";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, nameFor, prefixFor, SNIPPET_CODES } from "./harness";

/** What every app sets on every response (helmet and the like do): not part of any one snippet. */
function baselineHeaders(_req: express.Request, res: express.Response, next: express.NextFunction) {
  res.set("X-Content-Type-Options", "nosniff");
  next();
}

let server: Server;
let port = 0;

beforeAll(async () => {
  const app = express();
  app.use(baselineHeaders);
  // The snippets are the code a reader pastes below `const app = express();`: run them exactly so,
  // with the shared helper once before the routes and the error middleware once after them.
  const snippets = SNIPPET_CODES.map((code) =>
    renderSnippet(snippetSpec(code), "express", { prefix: prefixFor(code), name: nameFor(code) }),
  );
  const prelude = snippets.find((s) => s.prelude)?.prelude ?? "";
  const epilogue = snippets.find((s) => s.epilogue)?.epilogue ?? "";
  const source = [prelude, ...snippets.map((s) => `{\n${s.code}}\n`), epilogue].join("\n");
  new Function("app", "express", source)(app, express);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  port = addr && typeof addr === "object" ? addr.port : 0;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Express snippets", () => {
  it("each is valid JavaScript as shown on the page (parsed as an ES module by TypeScript's parser)", () => {
    for (const code of SNIPPET_CODES) {
      const text = renderSnippet(snippetSpec(code), "express").text;
      const out = ts.transpileModule(text, {
        fileName: `s${code}.mjs`,
        reportDiagnostics: true,
        compilerOptions: { allowJs: true, module: ts.ModuleKind.ESNext },
      });
      expect(
        out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
        String(code),
      ).toEqual([]);
    }
  }, 60_000);

  it.each(SNIPPET_CODES)("%i answers its scenario as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "express")).toEqual([]);
  });
});

describe("the checker itself", () => {
  let broken: Server;
  let brokenPort = 0;

  beforeAll(async () => {
    // Handlers with the mistakes the old template shipped; the checker must catch every one.
    const app = express();
    const order = { id: 8412 };
    app.get("/c/201/orders", (_req, res) => void res.status(201).location("/orders/8412").json(order));
    app.post("/c/201/orders", (_req, res) => void res.status(200).json(order));
    app.delete("/c/405/orders/8412", (_req, res) => {
      res.set("Allow", "GET, HEAD, DELETE").status(405).type("application/problem+json");
      res.json({ status: 405, title: "x", type: "about:blank" });
    });
    app.get("/c/206/files/alphabet.txt", (_req, res) => {
      res.set("Content-Range", "bytes 0-9/26").status(206).type("text/plain").send("abcdefghij");
    });
    app.get("/c/226/orders/8412", (_req, res) => void res.status(226).set("ETag", '"v43"').json(order));
    app.get("/c/401/orders/8412", (_req, res) => {
      res
        .status(401)
        .type("application/problem+json")
        .json({ status: 401, title: "Unauthorized", type: "about:blank" });
    });
    app.delete("/c/204/orders/8412", (_req, res) => {
      res.writeHead(204, { "Content-Type": "application/json", "Content-Length": "0" }).end();
    });
    app.get("/c/304/orders/8412", (_req, res) => void res.status(304).end());
    app.get("/c/429/orders/8412", (_req, res) => {
      res.set("Retry-After", "60").status(429).type("application/problem+json");
      res.json({ status: 400, title: "x", type: "about:blank" });
    });
    app.get("/c/301/old-orders/8412", (_req, res) => void res.status(301).end());
    broken = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const addr = broken.address();
    brokenPort = addr && typeof addr === "object" ? addr.port : 0;
  });

  afterAll(() => new Promise<void>((resolve) => broken.close(() => resolve())));

  it.each([
    [201, /status 200, expected 201/],
    [405, /Allow is GET, HEAD, DELETE/],
    [206, /control request GET gave 206, expected 200/],
    [226, /control request GET gave 226/],
    [401, /WWW-Authenticate is undefined/],
    [204, /Content-Type on a response without content|Content-Length on 204/],
    [304, /control request GET gave 304/],
    [429, /problem status member 400/],
    [301, /Location is undefined/],
  ])("flags a broken %i", async (code, message) => {
    const problems = await checkSnippet(brokenPort, code, "express");
    expect(problems.join("\n")).toMatch(message);
  });
});
