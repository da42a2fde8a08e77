/**
 * Proof: every FastAPI snippet, gathered into one app and served by uvicorn (from PyPI, pinned in
 * requirements-test.txt), behaves as HTTP requires over loopback.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderSnippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { checkSnippet, freePort, nameFor, pathFor, SNIPPET_CODES, startServer } from "./harness";

// The project's virtual environment (scripts/setup.sh installs requirements-test.txt into it).
const PYTHON = process.env.SNIPPET_PYTHON ?? path.resolve(".venv/bin/python");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "snippets-fastapi-"));
let server: ChildProcess | undefined;
let port = 0;

function program(): string {
  const imports = new Map<string, Set<string>>();
  const blocks: string[] = [];
  for (const code of SNIPPET_CODES) {
    const s = renderSnippet(snippetSpec(code), "fastapi", { path: pathFor(code), name: nameFor(code) });
    for (const line of s.imports) {
      const m = /^from (\S+) import (.+)$/.exec(line);
      if (!m?.[1] || !m[2]) continue;
      const names = imports.get(m[1]) ?? new Set<string>();
      for (const n of m[2].split(",")) names.add(n.trim());
      imports.set(m[1], names);
    }
    blocks.push(s.code);
  }
  const head = [...imports]
    .map(([mod, names]) => `from ${mod} import ${[...names].sort().join(", ")}`)
    .join("\n");
  return `${head}\n\napp = FastAPI()\n\n\n${blocks.join("\n\n")}`;
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
    {
      cwd: work,
      port,
      readyPath: pathFor(200),
    },
  );
}, 120_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("FastAPI snippets", () => {
  it.each(SNIPPET_CODES)("%i behaves as HTTP requires", async (code) => {
    expect(await checkSnippet(port, code, "fastapi")).toEqual([]);
  });
});
