/**
 * Proof: every FastAPI snippet, gathered into one app and served by uvicorn (FastAPI and uvicorn from
 * PyPI, pinned in requirements-test.txt and installed into .venv by scripts/setup.sh), answers its
 * scenario as HTTP requires over loopback.
 */
import { execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, freePort, nameFor, prefixFor, SNIPPET_CODES, startServer } from "./harness";

const PYTHON = process.env.SNIPPET_PYTHON ?? path.resolve(".venv/bin/python");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "snippets-fastapi-"));
let server: ChildProcess | undefined;
let port = 0;

/** What every app sets on every response: not part of any one snippet. */
const BASELINE = `
@app.middleware("http")
async def baseline_headers(request, call_next):
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
`;

function program(): string {
  const fromImports = new Map<string, Set<string>>();
  const plain = new Set<string>();
  const blocks: string[] = [];
  let prelude = "";
  for (const code of SNIPPET_CODES) {
    const s = renderSnippet(snippetSpec(code), "fastapi", { prefix: prefixFor(code), name: nameFor(code) });
    for (const line of s.imports) {
      const m = /^from (\S+) import (.+)$/.exec(line);
      if (m?.[1] && m[2]) {
        const names = fromImports.get(m[1]) ?? new Set<string>();
        for (const n of m[2].split(",")) names.add(n.trim());
        fromImports.set(m[1], names);
      } else if (line.startsWith("import ")) plain.add(line);
    }
    prelude ||= s.prelude;
    blocks.push(s.code);
  }
  const head = [
    ...plain,
    ...[...fromImports].flatMap(([mod, names]) => [...names].map((n) => `from ${mod} import ${n}`)),
  ].join("\n");
  return `${head}\n\napp = FastAPI()\n\n${BASELINE}\n\n${prelude}\n\n${blocks.join("\n\n")}`;
}

beforeAll(async () => {
  fs.writeFileSync(path.join(work, "snippets_app.py"), program());
  port = await freePort();
  server = await startServer(
    PYTHON,
    [
      "-m",
      "uvicorn",
      "snippets_app:app",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--log-level",
      "warning",
    ],
    { cwd: work, port, readyPath: "/c/502/healthz" },
  );
}, 120_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("FastAPI snippets", () => {
  it("each imports on its own, as shown on the page (its imports, decorators and annotations resolve)", async () => {
    const dir = fs.mkdtempSync(path.join(work, "shown-"));
    const modules = SNIPPET_CODES.map((code) => {
      fs.writeFileSync(path.join(dir, `shown_${code}.py`), renderSnippet(snippetSpec(code), "fastapi").text);
      return `shown_${code}`;
    });
    const script = `import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)\nprint("ok")\n`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(PYTHON, ["-c", script, ...modules], { cwd: dir, encoding: "utf8" }, (err, stdout, stderr) =>
        err ? reject(new Error(stderr)) : resolve(stdout),
      ),
    );
    expect(out.trim()).toBe("ok");
  }, 60_000);

  it.each(SNIPPET_CODES)("%i answers its scenario as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "fastapi")).toEqual([]);
  });
});
