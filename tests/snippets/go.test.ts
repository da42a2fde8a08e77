/**
 * Proof: every Go snippet is gofmt-clean, compiles with Debian's Go toolchain into one program that
 * serves all of them, and behaves as HTTP requires over loopback.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet, type Snippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, freePort, nameFor, pathFor, SNIPPET_CODES, startServer } from "./harness";

const GO = process.env.GO_BIN ?? "go";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "snippets-go-"));
const env = {
  GOCACHE: path.join(work, "cache"),
  GOPATH: path.join(work, "gopath"),
  GOFLAGS: "-mod=mod",
  GO111MODULE: "off",
  HOME: work,
};
let server: ChildProcess | undefined;
let port = 0;

const snippets: [number, Snippet][] = SNIPPET_CODES.map((code) => [
  code,
  renderSnippet(snippetSpec(code), "go", { path: pathFor(code), name: nameFor(code) }),
]);

function program(): string {
  const pkgs = new Set<string>(["fmt", "net/http", "os"]);
  for (const [, s] of snippets)
    for (const m of s.imports.join("\n").matchAll(/"([^"]+)"/g)) pkgs.add(m[1] ?? "");
  const routes = SNIPPET_CODES.map(
    (c) => `\tmux.HandleFunc(${JSON.stringify(pathFor(c))}, ${nameFor(c)})`,
  ).join("\n");
  return (
    `package main\n\nimport (\n${[...pkgs]
      .sort()
      .map((p) => `\t"${p}"`)
      .join("\n")}\n)\n\n` +
    snippets.map(([, s]) => s.code).join("\n") +
    `\nfunc main() {\n\tmux := http.NewServeMux()\n${routes}\n\tfmt.Println("listening")\n\tif err := http.ListenAndServe("127.0.0.1:"+os.Args[1], mux); err != nil {\n\t\tpanic(err)\n\t}\n}\n`
  );
}

beforeAll(async () => {
  fs.writeFileSync(path.join(work, "main.go"), program());
  execFileSync(GO, ["build", "-o", path.join(work, "snippets"), "main.go"], {
    cwd: work,
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  port = await freePort();
  server = await startServer(path.join(work, "snippets"), [String(port)], {
    cwd: work,
    port,
    readyPath: pathFor(200),
  });
}, 180_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("Go snippets", () => {
  it("are gofmt-clean as shown on the page", () => {
    const dir = fs.mkdtempSync(path.join(work, "fmt-"));
    const files = snippets.map(([code]) => {
      const file = path.join(dir, `s${code}.go`);
      fs.writeFileSync(file, `package main\n\n${renderSnippet(snippetSpec(code), "go").text}`);
      return file;
    });
    const unformatted = execFileSync(process.env.GOFMT_BIN ?? "gofmt", ["-l", ...files], {
      encoding: "utf8",
    }).trim();
    expect(unformatted).toBe("");
  });

  it.each(SNIPPET_CODES)("%i behaves as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "go")).toEqual([]);
  });
});
