// Extracts each library's named constants for HTTP status codes from the real library, with its
// version: Node's http.STATUS_CODES, Python's http.HTTPStatus, Go's net/http Status*, Java's
// HttpURLConnection HTTP_*, Spring's HttpStatus (spring-web from the Spring Boot proof's Maven
// cache) and Rust's http::StatusCode (the crate's source, fetched by cargo). Nothing is typed by hand.
//
//   node scripts/constants/extract.mjs           writes lib/snippets/constants.json (all six tables)
//   node scripts/constants/extract.mjs --print   prints what this machine can extract (no write);
//                                                tests/snippets/constants.test.ts compares it with the file
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
export const OUTPUT = path.join(root, "lib/snippets/constants.json");
/** The Spring Boot line the snippets are proven on; its BOM names the spring-web version. */
const BOOT = "3.5.7";
/** The http crate version Rust's table is read from. */
export const RUST_HTTP = "1.3.1";

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });

function node() {
  const constants = {};
  for (const [code, reason] of Object.entries(http.STATUS_CODES)) constants[code] = [reason];
  return { version: process.version, constants };
}

function python() {
  const py = fs.existsSync(path.join(root, ".venv/bin/python"))
    ? path.join(root, ".venv/bin/python")
    : "python3";
  const src =
    "import http, json, platform\n" +
    "out = {}\n" +
    "for s in http.HTTPStatus:\n" +
    "    out.setdefault(str(s.value), []).append(s.name)\n" +
    "print(json.dumps({'version': platform.python_version(), 'constants': out}))\n";
  return JSON.parse(run(py, ["-c", src]));
}

export function goBin() {
  return process.env.GO_BIN ?? (fs.existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : "go");
}

function go() {
  const out = JSON.parse(
    run(goBin(), ["run", path.join(here, "go_status.go")], { env: { ...process.env, GOFLAGS: "" } }),
  );
  return { version: out.version.replace(/^go/, ""), constants: out.constants };
}

export function springWebJars() {
  const m2 = path.join(os.homedir(), ".m2/repository");
  const bom = path.join(
    m2,
    `org/springframework/boot/spring-boot-dependencies/${BOOT}/spring-boot-dependencies-${BOOT}.pom`,
  );
  if (!fs.existsSync(bom)) return null;
  const v = /<spring-framework\.version>([^<]+)</.exec(fs.readFileSync(bom, "utf8"))?.[1];
  const jars = ["spring-web", "spring-core"].map((a) =>
    path.join(m2, `org/springframework/${a}/${v}/${a}-${v}.jar`),
  );
  return jars.every((j) => fs.existsSync(j)) ? jars : null;
}

/** java and, when the Spring Boot proof's dependencies are cached, spring. */
function java() {
  const jars = springWebJars();
  const args = [...(jars ? ["-cp", jars.join(path.delimiter)] : []), path.join(here, "Constants.java")];
  return JSON.parse(run("java", args));
}

export function rustCrateDir() {
  const registry = path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo"), "registry/src");
  if (!fs.existsSync(registry)) return null;
  for (const index of fs.readdirSync(registry)) {
    const dir = path.join(registry, index, `http-${RUST_HTTP}`);
    if (fs.existsSync(path.join(dir, "src/status.rs"))) return dir;
  }
  return null;
}

/** Rust's http::StatusCode constants, read from the crate's own status_codes! table. */
function rust() {
  const dir = rustCrateDir();
  if (!dir) return null;
  const src = fs.readFileSync(path.join(dir, "src/status.rs"), "utf8");
  const constants = {};
  for (const m of src.matchAll(/^\s*\(\s*(\d{3})\s*,\s*([A-Z][A-Z0-9_]*)\s*,\s*"[^"]*"\s*\)\s*;/gm))
    (constants[m[1]] ??= []).push(m[2]);
  if (Object.keys(constants).length === 0) throw new Error(`no status_codes! table in ${dir}/src/status.rs`);
  return { version: RUST_HTTP, constants };
}

/** Every table that can be extracted here, keyed by language. */
export function extractAll({ rustRequired = false } = {}) {
  const j = java();
  const tables = { node: node(), python: python(), go: go(), java: j.java };
  if (j.spring) tables.spring = j.spring;
  const r = rust();
  if (r) tables.rust = r;
  else if (rustRequired)
    throw new Error(`the http ${RUST_HTTP} crate is not in cargo's registry: run bash scripts/setup.sh`);
  return tables;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "--print") {
  // What is extractable on this machine, for the test to compare with the committed table.
  console.log(JSON.stringify(extractAll()));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tables = extractAll({ rustRequired: true });
  if (!tables.spring) throw new Error("spring-web is not in ~/.m2: run bash scripts/setup.sh first");
  const doc = {
    $comment: "Generated by scripts/constants/extract.mjs from the libraries themselves; do not edit.",
    ...Object.fromEntries(
      Object.entries(tables).map(([lang, t]) => [lang, { version: t.version, constants: t.constants }]),
    ),
  };
  fs.writeFileSync(OUTPUT, `${JSON.stringify(doc, null, 2)}\n`);
  execFileSync(path.join(root, "node_modules/.bin/prettier"), ["--write", OUTPUT], { stdio: "ignore" });
  console.log(
    `wrote ${path.relative(root, OUTPUT)}: ${Object.entries(tables)
      .map(([l, t]) => `${l} ${t.version}`)
      .join(", ")}`,
  );
}
