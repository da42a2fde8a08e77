/**
 * Proof: every Go snippet is gofmt-clean and go vet-clean, compiles with the machine's Go (GO_BIN,
 * else /usr/local/go/bin/go, else go on PATH) into one program that registers each handler with
 * its Go 1.22 pattern, and answers its scenario as HTTP requires over loopback.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet, type Snippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, freePort, nameFor, prefixFor, SNIPPET_CODES, startServer } from "./harness";

const GO = process.env.GO_BIN ?? (fs.existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : "go");
const GOFMT = path.join(path.dirname(GO), "gofmt");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "snippets-go-"));
const env = {
  ...process.env,
  GOCACHE: process.env.GOCACHE ?? path.join(os.homedir(), ".cache", "go-build"),
  GOPATH: path.join(work, "gopath"),
  GOFLAGS: "-mod=mod",
  GOTOOLCHAIN: "local",
  GOPROXY: "off",
};
let server: ChildProcess | undefined;
let port = 0;

const snippets: [number, Snippet][] = SNIPPET_CODES.map((code) => [
  code,
  renderSnippet(snippetSpec(code), "go", { prefix: prefixFor(code), name: nameFor(code) }),
]);

function program(): string {
  const pkgs = new Set<string>(["fmt", "net/http", "os"]);
  for (const [, s] of snippets)
    for (const m of s.imports.join("\n").matchAll(/"([^"]+)"/g)) pkgs.add(m[1] ?? "");
  const prelude = snippets.find(([, s]) => s.prelude)?.[1].prelude ?? "";
  const routes = snippets
    .map(([c, s]) => `\tmux.HandleFunc(${JSON.stringify(s.pattern)}, ${nameFor(c)})`)
    .join("\n");
  return (
    `package main\n\nimport (\n${[...pkgs]
      .sort()
      .map((p) => `\t"${p}"`)
      .join("\n")}\n)\n\n${prelude}\n` +
    snippets.map(([, s]) => s.code).join("\n") +
    `\nfunc main() {\n\tmux := http.NewServeMux()\n${routes}\n` +
    // What every app sets on every response: not part of any one snippet.
    `\tbaseline := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n` +
    `\t\tw.Header().Set("X-Content-Type-Options", "nosniff")\n\t\tmux.ServeHTTP(w, r)\n\t})\n` +
    `\tfmt.Println("listening")\n\tif err := http.ListenAndServe("127.0.0.1:"+os.Args[1], baseline); err != nil {\n\t\tpanic(err)\n\t}\n}\n`
  );
}

beforeAll(async () => {
  fs.writeFileSync(path.join(work, "go.mod"), "module snippets\n\ngo 1.22\n");
  fs.writeFileSync(path.join(work, "main.go"), program());
  execFileSync(GO, ["build", "-o", path.join(work, "snippets"), "."], { cwd: work, env, stdio: "pipe" });
  port = await freePort();
  server = await startServer(path.join(work, "snippets"), [String(port)], {
    cwd: work,
    port,
    readyPath: "/c/502/healthz",
  });
}, 180_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("Go snippets", () => {
  it("are gofmt-clean as shown on the page, and the whole program is go vet-clean", () => {
    const dir = fs.mkdtempSync(path.join(work, "fmt-"));
    const files = snippets.map(([code]) => {
      const file = path.join(dir, `s${code}.go`);
      fs.writeFileSync(file, `package main\n\n${renderSnippet(snippetSpec(code), "go").text}`);
      return file;
    });
    const unformatted = execFileSync(GOFMT, ["-l", ...files], { encoding: "utf8" }).trim();
    expect(unformatted).toBe("");
    expect(execFileSync(GOFMT, ["-l", path.join(work, "main.go")], { encoding: "utf8" }).trim()).toBe("");
    execFileSync(GO, ["vet", "."], { cwd: work, env, stdio: "pipe" });
  }, 120_000);

  it.each(SNIPPET_CODES)("%i answers its scenario as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "go")).toEqual([]);
  });
});
