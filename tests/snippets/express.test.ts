/** Proof: every Express snippet, mounted in a real Express app and requested over loopback. */
import type { Server } from "node:http";

import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, nameFor, pathFor, SNIPPET_CODES } from "./harness";

let server: Server;
let port = 0;

beforeAll(async () => {
  const app = express();
  for (const code of SNIPPET_CODES) {
    const snippet = renderSnippet(snippetSpec(code), "express", { path: pathFor(code), name: nameFor(code) });
    // The snippet is the code a reader pastes below `const app = express();`; run it exactly so.
    new Function("app", snippet.code)(app);
  }
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  port = addr && typeof addr === "object" ? addr.port : 0;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Express snippets", () => {
  it.each(SNIPPET_CODES)("%i behaves as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "express")).toEqual([]);
  });
});

describe("the checker itself", () => {
  let broken: Server;
  let brokenPort = 0;

  beforeAll(async () => {
    // Handlers with the mistakes peers ship; the checker must catch every one.
    const app = express();
    app.get(pathFor(401), (_req, res) => {
      res.status(401).json({ status: 401, title: "Unauthorized", type: "about:blank" });
    });
    app.get(pathFor(204), (_req, res) => {
      res.writeHead(204, { "Content-Type": "application/json", "Content-Length": "0" }).end();
    });
    app.get(pathFor(405), (_req, res) => {
      res.status(405).type("application/problem+json").json({ status: 405, title: "x", type: "about:blank" });
    });
    app.get(pathFor(304), (_req, res) => {
      res.status(304).end();
    });
    app.get(pathFor(429), (_req, res) => {
      res
        .set("Retry-After", "60")
        .status(429)
        .type("application/problem+json")
        .json({ status: 400, title: "x", type: "about:blank" });
    });
    app.get(pathFor(301), (_req, res) => {
      res.status(301).end();
    });
    broken = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const addr = broken.address();
    brokenPort = addr && typeof addr === "object" ? addr.port : 0;
  });

  afterAll(() => new Promise<void>((resolve) => broken.close(() => resolve())));

  it.each([
    [401, /WWW-Authenticate is undefined/],
    [204, /Content-Type on a response without content|Content-Length on 204/],
    [405, /Allow is undefined/],
    [304, /unconditional GET gave 304/],
    [429, /problem status member 400/],
    [301, /Location is undefined/],
  ])("flags a broken %i", async (code, message) => {
    const problems = await checkSnippet(brokenPort, code, "express");
    expect(problems.join("\n")).toMatch(message);
  });
});
