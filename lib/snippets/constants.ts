/**
 * The named constant each library has for a status code, from `constants.json`, which
 * scripts/constants/extract.mjs writes by reading the libraries themselves (with their versions).
 */
import { z } from "zod";

import raw from "./constants.json";

export const CONSTANT_LANGS = ["node", "go", "python", "spring", "rust", "java"] as const;
export type ConstantLang = (typeof CONSTANT_LANGS)[number];

const tableSchema = z.strictObject({
  version: z.string().min(1),
  constants: z.record(z.string().regex(/^\d{3}$/), z.array(z.string().min(1)).min(1)),
});
const fileSchema = z.strictObject({
  $comment: z.string(),
  ...Object.fromEntries(CONSTANT_LANGS.map((l) => [l, tableSchema])),
} as Record<"$comment", z.ZodString> & Record<ConstantLang, typeof tableSchema>);

const TABLES = fileSchema.parse(raw);

const LIBRARY: Record<ConstantLang, string> = {
  node: "Node",
  go: "Go net/http",
  python: "Python http.HTTPStatus",
  spring: "Spring HttpStatus",
  rust: "Rust http crate",
  java: "Java HttpURLConnection",
};

function expression(lang: ConstantLang, code: number, name: string): string {
  switch (lang) {
    case "node":
      return `http.STATUS_CODES[${code}] === ${JSON.stringify(name)}`;
    case "go":
      return `http.${name}`;
    case "python":
      return `HTTPStatus.${name}`;
    case "spring":
      return `HttpStatus.${name}`;
    case "rust":
      return `StatusCode::${name}`;
    case "java":
      return `HttpURLConnection.${name}`;
  }
}

export interface ConstantRow {
  lang: ConstantLang;
  /** The library and the version the name was read from, e.g. "Go net/http 1.26.8". */
  library: string;
  /** How code refers to it, or null when the library has no constant for this code. */
  expression: string | null;
}

/** Each library's constant for `code`; a missing one has `expression: null`. */
export function constantsFor(code: number): ConstantRow[] {
  return CONSTANT_LANGS.map((lang) => {
    const t = TABLES[lang];
    const names = t.constants[String(code)];
    return {
      lang,
      library: `${LIBRARY[lang]} ${t.version.replace(/^v/, "")}`,
      expression: names?.[0] ? expression(lang, code, names[0]) : null,
    };
  });
}

/** Go's net/http constant name for `code` (e.g. "StatusNotFound"), if it has one. */
export function goConstant(code: number): string | undefined {
  return TABLES.go.constants[String(code)]?.[0];
}
