/**
 * "No per-code fact outside the registry" (issue 15): lib/ (outside lib/registry) and components/
 * must not type status lists by hand. The usual suspects: an array or set of codes such as
 * [301, 302, 303, 307, 308], and comparison chains such as `s === 204 || s === 304`. Read such a
 * list from lib/registry instead (headerRows, codesWithRow, forbidsContent, endsAtHeaders,
 * followedRedirect, neverStore, ...).
 *
 * KNOWN lists the places that still do it, each with its owner and why it is there; an entry that no
 * longer matches fails, so the list only shrinks.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const CODE = String.raw`[1-5]\d{2}`;

const SUSPECTS: { name: string; re: RegExp }[] = [
  { name: "a list of codes", re: new RegExp(String.raw`\[\s*${CODE}\s*(?:,\s*${CODE}\s*)+\]`) },
  { name: "a set of codes", re: new RegExp(String.raw`new Set\(\[\s*${CODE}\b`) },
  {
    name: "a chain of code comparisons",
    re: new RegExp(String.raw`[=!]==?\s*${CODE}\b[^\n]*?(?:\|\||&&|\?)[^\n]*?[=!]==?\s*${CODE}\b`),
  },
];

/** Known places, by file and the text on the line: owner, and why it is not (yet) in the registry. */
const KNOWN: { file: string; text: string; why: string }[] = [
  {
    file: "lib/simulator/index.ts",
    text: "new Set([100, 102, 103])",
    why: "simulator: the interim codes Node's http module can send, a server capability rather than a fact of HTTP",
  },
  {
    file: "lib/simulator/index.ts",
    text: "requested === 206 || requested === 416",
    why: "simulator: the range-answering codes; could read codesWithRow('Content-Range')",
  },
  {
    file: "lib/simulator/index.ts",
    text: "requested === 304 && status === 200",
    why: "simulator: a 304 asked for, answered 200 (one code's flow, not a list)",
  },
  {
    file: "lib/snippets/spec.ts",
    text: "code === 499 || code === 444",
    why: "snippets: the codes never sent on the wire; could read the registry's onWire",
  },
  {
    file: "lib/snippets/render.ts",
    text: "flow.interim !== 100 && flow.interim !== 101",
    why: "snippets: which interim codes a framework sends by itself (a framework fact)",
  },
  {
    file: "lib/snippets/client.ts",
    text: "code === 307 || code === 308",
    why: "snippets: the redirects that keep the method; could read the registry's redirect.methodChange",
  },
  {
    file: "lib/snippets/client.ts",
    text: "res.status !== 429 && res.status !== 503",
    why: "snippets: generated client code that retries; the code it prints must name the codes",
  },
  {
    file: "lib/snippets/client.ts",
    text: "res.status !== 502 && res.status !== 504",
    why: "snippets: generated client code that retries; the code it prints must name the codes",
  },
  {
    file: "components/console/request-console.client.tsx",
    text: "code === 304 ? 'If-None-Match: \"abc\"' : code === 206",
    why: "ui: the console's default request headers per code; could read lib/simulator/examples",
  },
];

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join("lib", "registry") ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

interface Hit {
  file: string;
  line: number;
  text: string;
  suspect: string;
}

function scan(): Hit[] {
  const hits: Hit[] = [];
  for (const file of [...sources("lib"), ...sources("components")]) {
    const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
    lines.forEach((text, i) => {
      // Comments may name codes ("401-vs-403 → [401, 403]"): only code counts.
      const code = text.replace(/\/\/.*$/, "").replace(/^\s*(\/\*\*?|\*).*$/, "");
      for (const s of SUSPECTS)
        if (s.re.test(code)) hits.push({ file, line: i + 1, text: text.trim(), suspect: s.name });
    });
  }
  return hits;
}

describe("no per-code fact is typed outside the registry", () => {
  const hits = scan();

  it("recognises the usual suspects (the scan can fail)", () => {
    const samples = [
      "if ([301, 302, 303, 307, 308].includes(code))",
      "new Set([428, 429])",
      "s === 204 || s === 304",
    ];
    for (const sample of samples)
      expect(
        SUSPECTS.some((s) => s.re.test(sample)),
        sample,
      ).toBe(true);
    expect(SUSPECTS.some((s) => s.re.test("const max = 600; if (code === 404) return"))).toBe(false);
  });

  it("finds none in lib/ (outside lib/registry) or components/ beyond the known ones", () => {
    const unknown = hits.filter((h) => !KNOWN.some((k) => k.file === h.file && h.text.includes(k.text)));
    expect(
      unknown.map((h) => `${h.file}:${h.line}: ${h.suspect}: ${h.text}`),
      "read these codes from lib/registry instead",
    ).toEqual([]);
  });

  it("lists no known place that has been fixed", () => {
    const stale = KNOWN.filter((k) => !hits.some((h) => h.file === k.file && h.text.includes(k.text)));
    expect(
      stale.map((k) => `${k.file}: ${k.text}`),
      "remove these from KNOWN",
    ).toEqual([]);
  });
});
