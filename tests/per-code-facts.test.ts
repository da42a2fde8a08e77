/**
 * "No per-code fact outside the registry" (issue 15): lib/ (outside lib/registry) and components/
 * must not type status lists by hand. The usual suspects: an array or set of codes such as
 * [301, 302, 303, 307, 308], and comparison chains such as `s === 204 || s === 304`, on one line or
 * spread over several as Prettier writes them. Read such a list from lib/registry instead
 * (headerRows, codesWithRow, forbidsContent, endsAtHeaders, followedRedirect, neverStore,
 * answersOnly, keepsMethod, sentByIntermediary, ...).
 *
 * Class ranges (`s >= 300 && s < 400`) and one code's own branch (`case 401:`) are not lists.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const CODE = String.raw`[1-5]\d{2}`;
/** Within one expression: no statement or block boundary between the two comparisons. */
const SAME_EXPRESSION = String.raw`[^;{}]{0,120}?`;

const SUSPECTS: { name: string; re: RegExp }[] = [
  { name: "a list of codes", re: new RegExp(String.raw`\[\s*${CODE}\s*(?:,\s*${CODE}\s*)+\]`) },
  { name: "a set of codes", re: new RegExp(String.raw`new Set\(\[\s*${CODE}\b`) },
  {
    name: "a chain of code comparisons",
    re: new RegExp(
      String.raw`[=!]==?\s*${CODE}\b${SAME_EXPRESSION}(?:\|\||&&|\?)${SAME_EXPRESSION}[=!]==?\s*${CODE}\b`,
    ),
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

/** Comments may name codes ("401-vs-403 → [401, 403]"): only code counts. Lines are kept, for numbers. */
function withoutComments(source: string): string {
  return source
    .split("\n")
    .map((text) => text.replace(/\/\/.*$/, "").replace(/^\s*(\/\*\*?|\*).*$/, ""))
    .join("\n");
}

function hitsIn(file: string, source: string): Hit[] {
  const code = withoutComments(source);
  const hits: Hit[] = [];
  for (const s of SUSPECTS)
    for (const m of code.matchAll(new RegExp(s.re.source, "g"))) {
      const line = code.slice(0, m.index).split("\n").length;
      hits.push({ file, line, text: m[0].replace(/\s+/g, " "), suspect: s.name });
    }
  return hits;
}

function scan(): Hit[] {
  return [...sources("lib"), ...sources("components")].flatMap((file) =>
    hitsIn(file, fs.readFileSync(path.join(ROOT, file), "utf8")),
  );
}

describe("no per-code fact is typed outside the registry", () => {
  it("recognises the usual suspects (the scan can fail)", () => {
    const samples = [
      "if ([301, 302, 303, 307, 308].includes(code))",
      "new Set([428, 429])",
      "s === 204 || s === 304",
      "const x = code === 304 ? 'a' : code === 206 ? 'b' : 'c';",
      "if (\n  info &&\n  (code === 502 ||\n    code === 504)\n)",
    ];
    for (const sample of samples) expect(hitsIn("sample.ts", sample), sample).not.toEqual([]);
    for (const fine of [
      "const max = 600; if (code === 404) return",
      "if (s >= 300 && s < 400) redirect();",
      "if (code === 404) {\n  a();\n} else if (code === 410) {",
      "// s === 204 || s === 304",
    ])
      expect(hitsIn("sample.ts", fine), fine).toEqual([]);
  });

  it("finds none in lib/ (outside lib/registry) or components/", () => {
    expect(
      scan().map((h) => `${h.file}:${h.line}: ${h.suspect}: ${h.text}`),
      "read these codes from lib/registry instead",
    ).toEqual([]);
  });
});
