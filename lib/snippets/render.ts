/**
 * Renders a SnippetSpec as Express, FastAPI, Spring Boot and Go (net/http) code, each in its own
 * framework's idiom: errors are thrown (Express, Spring) or raised (FastAPI) and one error handler
 * writes them as application/problem+json; Go uses a small problem writer.
 *
 * Each snippet is split into `imports`, `prelude` (shared helpers: the problem class, handler or
 * writer), `code` (the handler) and `epilogue` (error middleware), so the proofs can put every code's
 * handler into one program per language, with the shared parts once, and request it over real HTTP.
 */
import { goConstant } from "./constants";
import {
  FRAMEWORK_VERSIONS,
  snippetSpec,
  type Answer,
  type BodySpec,
  type Condition,
  type ScenarioRequest,
  type SnippetSpec,
} from "./spec";

export const SNIPPET_LANGS = ["express", "fastapi", "spring", "go"] as const;
export type SnippetLang = (typeof SNIPPET_LANGS)[number];

export const LANG_LABELS: Record<SnippetLang, string> = {
  express: "Express",
  fastapi: "FastAPI",
  spring: "Spring Boot",
  go: "Go",
};

/** The shiki language of each snippet. */
export const LANG_HIGHLIGHT: Record<SnippetLang, string> = {
  express: "javascript",
  fastapi: "python",
  spring: "java",
  go: "go",
};

export { FRAMEWORK_VERSIONS };

export interface RenderOptions {
  /** Put in front of the route's path (the proofs mount every code under its own prefix). */
  prefix: string;
  /** The handler's name (function or method), where the language has one. */
  name: string;
}

export interface Snippet {
  lang: SnippetLang;
  imports: string[];
  /** Shared helpers, identical in every snippet that needs them. */
  prelude: string;
  code: string;
  /** Shared code that goes after the routes (Express's error middleware). */
  epilogue: string;
  /** Go: the pattern to register the handler with (Go 1.22 ServeMux). */
  pattern?: string;
  /** What a reader copies. */
  text: string;
}

const DEFAULTS: RenderOptions = { prefix: "", name: "" };

/* ---------------- shared ---------------- */

function defaultName(spec: SnippetSpec): string {
  const m = spec.route.method.toLowerCase();
  const words = spec.route.path
    .split(/[/.?=-]+/)
    .filter((w) => w && !/^\d+$/.test(w))
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return m + words.join("");
}

function usesProblem(spec: SnippetSpec): boolean {
  const f = spec.flow;
  return (
    spec.answer.kind === "problem" ||
    f.kind === "range" ||
    (f.kind === "guarded" && f.otherwise.kind === "problem")
  );
}

function comment(prefix: string, notes: string[], indent = ""): string {
  return notes.map((n) => `${indent}${prefix} ${n}`).join("\n") + (notes.length ? "\n" : "");
}

function notesFor(spec: SnippetSpec, lang: SnippetLang): string[] {
  const notes = [...spec.notes];
  const flow = spec.flow;
  // A language with notes of its own says what it can send (every language does for 100 and 101,
  // which the server or a WebSocket library sends, not the handler).
  if (flow.kind === "interim" && !spec.langNotes[lang]) {
    notes.push(
      flow.supported[lang]
        ? `Send the interim ${flow.interim} first, then the real response.`
        : `${LANG_LABELS[lang]} cannot send a ${flow.interim} from a handler; this shows the final response.`,
    );
  }
  return [...notes, ...(spec.langNotes[lang] ?? [])];
}

function jsString(s: string): string {
  if (s.includes('"') && !s.includes("'") && !s.includes("\\")) return `'${s}'`;
  return JSON.stringify(s);
}

function jsValue(v: unknown, indent: string): string {
  if (typeof v === "string") return jsString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return `[${v.map((x) => jsValue(x, indent)).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  const inner = entries.map(
    ([k, x]) => `${indent}  ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsString(k)}: ${jsValue(x, `${indent}  `)},`,
  );
  return `{\n${inner.join("\n")}\n${indent}}`;
}

function jsHeaders(headers: [string, string][]): string {
  return `{ ${headers.map(([n, v]) => `${/^[A-Za-z_$][\w$]*$/.test(n) ? n : jsString(n)}: ${jsString(v)}`).join(", ")} }`;
}

function pyString(s: string): string {
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return JSON.stringify(s);
}

function pyValue(v: unknown, indent: string): string {
  if (typeof v === "string") return pyString(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null) return "None";
  if (Array.isArray(v)) return `[${v.map((x) => pyValue(x, indent)).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${pyString(k)}: ${pyValue(x, indent)}`).join(", ")}}`;
}

function pyDict(headers: [string, string][]): string {
  return `{${headers.map(([n, v]) => `${pyString(n)}: ${pyString(v)}`).join(", ")}}`;
}

const javaString = (s: string) => JSON.stringify(s);

function goString(s: string): string {
  return s.includes('"') && !s.includes("`") ? `\`${s}\`` : JSON.stringify(s);
}

function goValue(v: unknown, indent: string): string {
  if (typeof v === "string") return goString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]string{${v.map((x) => goValue(x, indent)).join(", ")}}`;
  const entries = Object.entries(v as Record<string, unknown>);
  const width = Math.max(...entries.map(([k]) => JSON.stringify(k).length));
  const lines = entries.map(([k, x]) => {
    const key = `${JSON.stringify(k)}:`;
    return `${indent}\t${key.padEnd(width + 2)}${goValue(x, `${indent}\t`)},`;
  });
  return `map[string]any{\n${lines.join("\n")}\n${indent}}`;
}

/* ---------------- Express ---------------- */

const EXPRESS_PRELUDE =
  "// An RFC 9457 problem: throw it from a handler; the error middleware after the routes writes it.\n" +
  "class Problem extends Error {\n" +
  '  constructor(status, title, { detail, type = "about:blank", headers = {} } = {}) {\n' +
  "    super(detail ?? title);\n" +
  "    Object.assign(this, { status, title, detail, type, headers });\n" +
  "  }\n" +
  "}\n";

const EXPRESS_EPILOGUE =
  "// Error middleware, after every route: errors become application/problem+json.\n" +
  "app.use((err, req, res, next) => {\n" +
  "  if (res.headersSent) return next(err);\n" +
  "  if (!(err instanceof Problem)) console.error(err); // unexpected: log it, tell the client little\n" +
  '  const p = err instanceof Problem ? err : new Problem(500, "Internal Server Error");\n' +
  "  res.set(p.headers);\n" +
  '  res.status(p.status).type("application/problem+json");\n' +
  "  res.json({ type: p.type, title: p.title, status: p.status, detail: p.detail, instance: req.originalUrl });\n" +
  "});\n";

function expressCond(c: Condition): string {
  switch (c.kind) {
    case "header-missing":
      return `!req.get(${jsString(c.name)})`;
    case "header-mismatch":
      return `req.get(${jsString(c.name)}) && !req.get(${jsString(c.name)}).split(",").some((t) => [${jsString(c.value)}, "*"].includes(t.trim()))`;
    case "header-lists":
      return `(req.get(${jsString(c.name)}) ?? "").split(",").some((t) => t.trim().toLowerCase() === ${jsString(c.token.toLowerCase())})`;
    case "no-content-length":
      return `req.get("Content-Length") === undefined`;
    case "content-length-over":
      return `Number(req.get("Content-Length") ?? 0) > ${c.limit}`;
    case "content-type-not":
      return `!req.is(${jsString(c.type)})`;
    case "accept-excludes":
      return `!req.accepts(${jsString(c.type)})`;
    case "target-over":
      return `req.originalUrl.length > ${c.limit}`;
    case "expect-unknown":
      return `(req.get("Expect") ?? "100-continue").toLowerCase() !== "100-continue"`;
  }
}

const RANGE_416: Answer = {
  kind: "problem",
  status: 416,
  title: "Range Not Satisfiable",
  detail: "The requested range starts beyond the end of the file.",
  type: "https://example.com/problems/range-not-satisfiable",
  headers: [["Content-Range", "bytes */26"]],
};

function expressAnswer(a: Answer, indent: string): string {
  if (a.kind === "problem") {
    if (a.status === 500)
      return `${indent}throw new Error("the payments client is not configured"); // a bug: the middleware answers 500`;
    const opts = [
      `detail: ${jsString(a.detail)}`,
      `type: ${jsString(a.type)}`,
      ...(a.headers.length ? [`headers: ${jsHeaders(a.headers)}`] : []),
    ];
    return `${indent}throw new Problem(${a.status}, ${jsString(a.title)}, {\n${opts.map((x) => `${indent}  ${x},`).join("\n")}\n${indent}});`;
  }
  const lines: string[] = [];
  for (const [n, v] of a.headers) lines.push(`${indent}res.set(${jsString(n)}, ${jsString(v)});`);
  const body = a.body;
  if (body.kind === "none") lines.push(`${indent}res.status(${a.status}).end();`);
  else if (body.kind === "json") {
    const type = body.contentType === "application/json" ? "" : `.type(${jsString(body.contentType)})`;
    lines.push(`${indent}res.status(${a.status})${type}.json(${jsValue(body.value, indent)});`);
  } else {
    lines.push(
      `${indent}res.status(${a.status}).type(${jsString(body.contentType)}).send(${JSON.stringify(body.value)});`,
    );
  }
  return lines.join("\n");
}

function express(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  const path = jsString(o.prefix + spec.route.path);
  const method = spec.route.method.toLowerCase();
  let code = comment("//", notesFor(spec, "express"));
  if (flow.kind === "interim" && flow.interim === 100) {
    code +=
      `app.post(${path}, express.raw({ type: "application/octet-stream", limit: "1mb" }), (req, res) => {\n` +
      `  res.location("/uploads/1").status(201).json({ received: req.body.length });\n` +
      `});\n`;
  } else if (flow.kind === "interim") {
    code += `app.get(${path}, (req, res) => {\n`;
    if (flow.supported.express) {
      if (flow.interim === 102) code += `  res.writeProcessing();\n`;
      else {
        const hints = Object.fromEntries(flow.interimHeaders.map(([n, v]) => [n.toLowerCase(), v]));
        code += `  res.writeEarlyHints(${jsValue(hints, "  ")});\n`;
      }
    }
    code += `${expressAnswer(spec.answer, "  ")}\n});\n`;
  } else if (flow.kind === "conditional") {
    code +=
      `app.get(${path}, (req, res) => {\n` +
      `  const etag = ${jsString(flow.etag)};\n` +
      `  res.set("ETag", etag);\n` +
      `  res.set("Cache-Control", ${jsString(flow.cacheControl)});\n` +
      `  const tags = (req.get("If-None-Match") ?? "").split(",").map((t) => t.trim().replace(/^W\\//, ""));\n` +
      `  if (tags.includes(etag) || tags.includes("*")) {\n` +
      `    res.status(304).end();\n` +
      `    return;\n` +
      `  }\n` +
      `${expressAnswer({ kind: "response", status: 200, headers: [], body: flow.okBody }, "  ")}\n});\n`;
  } else if (flow.kind === "range") {
    code +=
      `const file = ${JSON.stringify(flow.representation)};\n\n` +
      `app.get(${path}, (req, res) => {\n` +
      `  res.set("Accept-Ranges", "bytes");\n` +
      `  res.set("Cache-Control", "max-age=3600");\n` +
      `  const ranges = req.range(file.length, { combine: true });\n` +
      `  if (ranges === -1) {\n` +
      `${expressAnswer(RANGE_416, "    ").replace('"bytes */26"', "`bytes */${file.length}`")}\n` +
      `  }\n` +
      `  if (!Array.isArray(ranges) || ranges.type !== "bytes" || ranges.length !== 1) {\n` +
      `    res.type(${jsString(flow.contentType)}).send(file); // no usable Range: the whole file, 200\n` +
      `    return;\n` +
      `  }\n` +
      `  const { start, end } = ranges[0];\n` +
      '  res.set("Content-Range", `bytes ${start}-${end}/${file.length}`);\n' +
      `  res.status(206).type(${jsString(flow.contentType)}).send(file.slice(start, end + 1));\n` +
      `});\n`;
  } else if (flow.kind === "rate-limit") {
    const over: Answer = { ...spec.answer, headers: [["Retry-After", "RETRY"]] };
    code +=
      `const LIMIT = ${flow.limit};\n` +
      `const WINDOW_MS = ${flow.windowSeconds * 1000};\n` +
      `const windows = new Map(); // client address -> { start, count }\n\n` +
      `app.${method}(${path}, (req, res) => {\n` +
      `  const now = Date.now();\n` +
      `  let w = windows.get(req.ip);\n` +
      `  if (!w || now - w.start >= WINDOW_MS) windows.set(req.ip, (w = { start: now, count: 0 }));\n` +
      `  if (++w.count > LIMIT) {\n` +
      `    const retryAfter = Math.ceil((w.start + WINDOW_MS - now) / 1000);\n` +
      `${expressAnswer(over, "    ").replace('"Retry-After": "RETRY"', '"Retry-After": String(retryAfter)')}\n` +
      `  }\n` +
      `${expressAnswer(flow.okAnswer, "  ")}\n});\n`;
  } else if (flow.kind === "guarded") {
    code +=
      `app.${method}(${path}, (req, res) => {\n` +
      `  if (${expressCond(flow.when)}) {\n${expressAnswer(spec.answer, "    ")}\n  }\n` +
      `${expressAnswer(flow.otherwise, "  ")}\n});\n`;
  } else {
    code += `app.${method}(${path}, (req, res) => {\n${expressAnswer(spec.answer, "  ")}\n});\n`;
  }
  const problem = usesProblem(spec);
  const prelude = problem ? EXPRESS_PRELUDE : "";
  const epilogue = problem ? EXPRESS_EPILOGUE : "";
  const imports = ['import express from "express";', "", "const app = express();"];
  const text = [imports.join("\n"), prelude, code, epilogue].filter(Boolean).join("\n");
  return { lang: "express", imports, prelude, code, epilogue, text };
}

/* ---------------- FastAPI ---------------- */

const FASTAPI_PRELUDE =
  "@app.exception_handler(StarletteHTTPException)\n" +
  "async def problem_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:\n" +
  '    """Writes every HTTPException as an RFC 9457 problem (application/problem+json)."""\n' +
  '    fields = exc.detail if isinstance(exc.detail, dict) else {"title": str(exc.detail)}\n' +
  "    return JSONResponse(\n" +
  '        {"type": "about:blank", **fields, "status": exc.status_code, "instance": request.url.path},\n' +
  "        status_code=exc.status_code,\n" +
  "        headers=exc.headers,\n" +
  '        media_type="application/problem+json",\n' +
  "    )\n";

function fastapiCond(c: Condition): string {
  const h = (n: string) => pyString(n.toLowerCase());
  switch (c.kind) {
    case "header-missing":
      return `${h(c.name)} not in request.headers`;
    case "header-mismatch":
      return `${h(c.name)} in request.headers and not {t.strip() for t in request.headers[${h(c.name)}].split(",")} & {${pyString(c.value)}, "*"}`;
    case "header-lists":
      return `${pyString(c.token.toLowerCase())} in [t.strip().lower() for t in request.headers.get(${h(c.name)}, "").split(",")]`;
    case "no-content-length":
      return `"content-length" not in request.headers`;
    case "content-length-over":
      return `int(request.headers.get("content-length", "0")) > ${c.limit}`;
    case "content-type-not":
      return `request.headers.get("content-type", "").split(";")[0].strip().lower() != ${pyString(c.type)}`;
    case "accept-excludes":
      return `not any(t in request.headers.get("accept", "*/*") for t in (${pyString(c.type)}, "*/*", "application/*"))`;
    case "target-over":
      return `len(request.url.path) + len(request.url.query) > ${c.limit}`;
    case "expect-unknown":
      return `request.headers.get("expect", "100-continue").lower() != "100-continue"`;
  }
}

function fastapiAnswer(a: Answer, indent: string): string {
  if (a.kind === "problem") {
    const fields = [
      `"type": ${pyString(a.type)}`,
      `"title": ${pyString(a.title)}`,
      `"detail": ${pyString(a.detail)}`,
    ];
    const detail = `{\n${fields.map((f) => `${indent}        ${f},`).join("\n")}\n${indent}    }`;
    const args = [
      `status_code=${a.status}`,
      `detail=${detail}`,
      ...(a.headers.length ? [`headers=${pyDict(a.headers)}`] : []),
    ];
    return `${indent}raise HTTPException(\n${args.map((x) => `${indent}    ${x},`).join("\n")}\n${indent})`;
  }
  const body = a.body;
  const args: string[] = [];
  let cls = "Response";
  if (body.kind === "json") {
    cls = "JSONResponse";
    args.push(pyValue(body.value, indent));
  } else if (body.kind === "text") args.push(JSON.stringify(body.value));
  args.push(`status_code=${a.status}`);
  if (a.headers.length) args.push(`headers=${pyDict(a.headers)}`);
  if (body.kind !== "none" && body.contentType !== "application/json")
    args.push(`media_type=${pyString(body.contentType)}`);
  return `${indent}return ${cls}(\n${args.map((x) => `${indent}    ${x},`).join("\n")}\n${indent})`;
}

function fastapiName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function fastapiRoute(method: string, path: string): string {
  if (method === "GET") return `@app.api_route(${pyString(path)}, methods=["GET", "HEAD"])`;
  if (["POST", "PUT", "DELETE", "PATCH"].includes(method))
    return `@app.${method.toLowerCase()}(${pyString(path)})`;
  return `@app.api_route(${pyString(path)}, methods=[${pyString(method)}])`;
}

function fastapi(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  const fn = fastapiName(o.name);
  const path = o.prefix + spec.route.path;
  let code = comment("#", notesFor(spec, "fastapi"));
  code += `${fastapiRoute(spec.route.method, path)}\n`;
  if (flow.kind === "interim" && flow.interim === 100) {
    code +=
      `async def ${fn}(request: Request) -> JSONResponse:\n` +
      `    body = await request.body()\n` +
      `    return JSONResponse({"received": len(body)}, status_code=201, headers={"Location": "/uploads/1"})\n`;
  } else if (flow.kind === "interim" && flow.interim === 103) {
    code +=
      `async def ${fn}(request: Request) -> JSONResponse:\n` +
      `    await request.send_early_hints(${pyString(flow.interimHeaders[0]?.[1] ?? "")})\n` +
      `${fastapiAnswer(spec.answer, "    ")}\n`;
  } else if (flow.kind === "conditional") {
    code +=
      `def ${fn}(request: Request) -> Response:\n` +
      `    etag = ${pyString(flow.etag)}\n` +
      `    headers = {"ETag": etag, "Cache-Control": ${pyString(flow.cacheControl)}}\n` +
      `    tags = [t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")]\n` +
      `    if etag in tags or "*" in tags:\n` +
      `        return Response(status_code=304, headers=headers)\n` +
      `    return JSONResponse(${pyValue(flow.okBody.kind === "json" ? flow.okBody.value : {}, "    ")}, headers=headers)\n`;
  } else if (flow.kind === "range") {
    code =
      `FILE = ${JSON.stringify(flow.representation)}.encode()\n` +
      `CACHING = {"Accept-Ranges": "bytes", "Cache-Control": "max-age=3600"}\n\n\n` +
      code +
      `def ${fn}(request: Request) -> Response:\n` +
      `    size = len(FILE)\n` +
      `    match = re.fullmatch(r"bytes=(\\d*)-(\\d*)", request.headers.get("range", ""))\n` +
      `    if not match or match.groups() == ("", ""):\n` +
      `        # No usable Range: the whole file, 200.\n` +
      `        return Response(FILE, media_type=${pyString(flow.contentType)}, headers=CACHING)\n` +
      `    first, last = match.groups()\n` +
      `    if first:\n` +
      `        start, end = int(first), min(int(last) if last else size - 1, size - 1)\n` +
      `    else:  # a suffix range: the last N bytes\n` +
      `        start, end = max(size - int(last), 0), size - 1\n` +
      `    if start >= size or start > end:\n` +
      `        raise HTTPException(\n` +
      `            status_code=416,\n` +
      `            detail={\n` +
      `                "type": "https://example.com/problems/range-not-satisfiable",\n` +
      `                "title": "Range Not Satisfiable",\n` +
      `                "detail": "The requested range starts beyond the end of the file.",\n` +
      `            },\n` +
      `            headers={"Content-Range": f"bytes */{size}"},\n` +
      `        )\n` +
      `    return Response(\n` +
      `        FILE[start : end + 1],\n` +
      `        status_code=206,\n` +
      `        media_type=${pyString(flow.contentType)},\n` +
      `        headers={**CACHING, "Content-Range": f"bytes {start}-{end}/{size}"},\n` +
      `    )\n`;
  } else if (flow.kind === "rate-limit") {
    const over: Answer = { ...spec.answer, headers: [["Retry-After", "RETRY"]] };
    code =
      `LIMIT = ${flow.limit}\n` +
      `WINDOW = ${flow.windowSeconds}.0  # seconds\n` +
      `windows: dict[str, list[float]] = {}  # client address -> [window start, count]\n\n\n` +
      code +
      `async def ${fn}(request: Request) -> Response:\n` +
      `    # async: runs on the event loop, so the counters need no lock\n` +
      `    now = time.monotonic()\n` +
      `    address = request.client.host if request.client else "unknown"\n` +
      `    window = windows.get(address)\n` +
      `    if window is None or now - window[0] >= WINDOW:\n` +
      `        window = windows[address] = [now, 0]\n` +
      `    window[1] += 1\n` +
      `    if window[1] > LIMIT:\n` +
      `${fastapiAnswer(over, "        ").replace('{"Retry-After": "RETRY"}', '{"Retry-After": str(math.ceil(window[0] + WINDOW - now))}')}\n` +
      `${fastapiAnswer(flow.okAnswer, "    ")}\n`;
  } else if (flow.kind === "guarded") {
    code +=
      `def ${fn}(request: Request) -> Response:\n` +
      `    if ${fastapiCond(flow.when)}:\n${fastapiAnswer(spec.answer, "        ")}\n` +
      `${fastapiAnswer(flow.otherwise, "    ")}\n`;
  } else {
    code += `def ${fn}() -> Response:\n${fastapiAnswer(spec.answer, "    ")}\n`;
  }
  const problem = usesProblem(spec);
  const names = new Set(["FastAPI"]);
  if (problem || code.includes("HTTPException(")) names.add("HTTPException");
  if (problem || code.includes("request: Request")) names.add("Request");
  const responses = ["JSONResponse", "Response"].filter(
    (n) => code.includes(`${n}(`) || code.includes(`-> ${n}`) || (problem && n === "JSONResponse"),
  );
  const imports = [
    ...(code.includes("math.ceil") ? ["import math", "import time", ""] : []),
    ...(code.includes("re.fullmatch") ? ["import re", ""] : []),
    `from fastapi import ${[...names].join(", ")}`,
    ...(responses.length ? [`from fastapi.responses import ${responses.join(", ")}`] : []),
    ...(problem ? ["from starlette.exceptions import HTTPException as StarletteHTTPException"] : []),
    "",
    "app = FastAPI()",
  ];
  const prelude = problem ? FASTAPI_PRELUDE : "";
  const text = `${[imports.join("\n"), prelude, code]
    .filter(Boolean)
    .map((p) => p.trimEnd())
    .join("\n\n\n")}\n`;
  return { lang: "fastapi", imports, prelude, code, epilogue: "", text };
}

/* ---------------- Spring Boot ---------------- */

function javaCond(c: Condition): string {
  const h = (n: string) => `headers.getFirst(${javaString(n)})`;
  switch (c.kind) {
    case "header-missing":
      return `${h(c.name)} == null`;
    case "header-mismatch":
      // getIfMatch() keeps each entity-tag as sent (quotes, W/); getValuesAsList would unquote them.
      return `!headers.getIfMatch().isEmpty()\n${"                "}&& headers.getIfMatch().stream().noneMatch(t -> t.equals(${javaString(c.value)}) || t.equals("*"))`;
    case "header-lists":
      return `headers.getValuesAsList(${javaString(c.name)}).stream().anyMatch(t -> t.equalsIgnoreCase(${javaString(c.token)}))`;
    case "no-content-length":
      return `headers.getContentLength() < 0`;
    case "content-length-over":
      return `headers.getContentLength() > ${c.limit}`;
    case "content-type-not":
      return `!MediaType.APPLICATION_JSON.isCompatibleWith(headers.getContentType())`;
    case "accept-excludes":
      return `!headers.getAccept().isEmpty() && headers.getAccept().stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)`;
    case "target-over":
      return `request.getRequestURI().length() + Objects.toString(request.getQueryString(), "").length() > ${c.limit}`;
    case "expect-unknown":
      return `${h("Expect")} != null && !${h("Expect")}.equalsIgnoreCase("100-continue")`;
  }
}

function javaMap(v: Record<string, unknown>): string {
  const entries = Object.entries(v).map(([k, x]) => {
    const val =
      typeof x === "string"
        ? javaString(x)
        : Array.isArray(x)
          ? `List.of(${x.map((s) => javaString(String(s))).join(", ")})`
          : String(x);
    return `${javaString(k)}, ${val}`;
  });
  return `Map.of(${entries.join(", ")})`;
}

function javaContentType(body: BodySpec): string {
  if (body.kind === "none") return "";
  if (body.contentType === "application/json") return ".contentType(MediaType.APPLICATION_JSON)";
  if (body.contentType === "text/plain") return ".contentType(MediaType.TEXT_PLAIN)";
  return `.contentType(MediaType.parseMediaType(${javaString(body.contentType)}))`;
}

function springAnswer(a: Answer, indent: string): string {
  if (a.kind === "problem") {
    const lines = [
      `${indent}ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(${a.status}), ${javaString(a.detail)});`,
      `${indent}problem.setType(URI.create(${javaString(a.type)}));`,
      `${indent}problem.setTitle(${javaString(a.title)});`,
      `${indent}ErrorResponseException error = new ErrorResponseException(HttpStatusCode.valueOf(${a.status}), problem, null);`,
      ...a.headers.map(([n, v]) => `${indent}error.getHeaders().set(${javaString(n)}, ${javaString(v)});`),
      `${indent}throw error;`,
    ];
    return lines.join("\n");
  }
  const chain = [`ResponseEntity.status(${a.status})`];
  for (const [n, v] of a.headers) chain.push(`.header(${javaString(n)}, ${javaString(v)})`);
  const ct = javaContentType(a.body);
  if (ct) chain.push(ct);
  const b = a.body;
  chain.push(
    b.kind === "none"
      ? ".build()"
      : b.kind === "json"
        ? `.body(${javaMap(b.value)})`
        : `.body(${javaString(b.value)})`,
  );
  return `${indent}return ${chain.join(`\n${indent}        `)};`;
}

function javaBodyType(a: Answer | undefined): string | undefined {
  if (!a || a.kind === "problem") return undefined;
  if (a.body.kind === "none") return "Void";
  return a.body.kind === "json" ? "Map<String, Object>" : "String";
}

function springMapping(method: string, path: string): string {
  const known: Record<string, string> = {
    GET: "GetMapping",
    POST: "PostMapping",
    PUT: "PutMapping",
    DELETE: "DeleteMapping",
    PATCH: "PatchMapping",
  };
  const ann = known[method];
  return ann
    ? `@${ann}(${javaString(path)})`
    : `@RequestMapping(${javaString(path)}) // every method: Spring has no ${method} mapping`;
}

function withoutHeaders(a: Answer, drop: [string, string][]): Answer {
  const names = new Set(drop.map(([n]) => n.toLowerCase()));
  return { ...a, headers: a.headers.filter(([n]) => !names.has(n.toLowerCase())) };
}

function spring(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  const ind = "        ";
  const path = o.prefix + spec.route.path;
  const mapping = springMapping(spec.route.method, path);
  let method: string;
  if (flow.kind === "interim" && flow.interim === 100) {
    method =
      `    ${mapping}\n` +
      `    public ResponseEntity<Map<String, Object>> ${o.name}(@RequestBody byte[] body) {\n` +
      `${ind}return ResponseEntity.status(201).header("Location", "/uploads/1").body(Map.of("received", body.length));\n` +
      `    }\n`;
  } else if (flow.kind === "interim" && flow.supported.spring) {
    method =
      `    ${mapping}\n` +
      `    public ResponseEntity<Map<String, Object>> ${o.name}(HttpServletResponse response) throws IOException {\n` +
      flow.interimHeaders
        .map(([n, v]) => `${ind}response.addHeader(${javaString(n)}, ${javaString(v)});\n`)
        .join("") +
      `${ind}response.sendError(${flow.interim}); // Tomcat 10.1: sends the 103 with the headers so far, and goes on\n` +
      `${ind}// The Link set above stays on the final response too.\n` +
      `${springAnswer(withoutHeaders(spec.answer, flow.interimHeaders), ind)}\n` +
      `    }\n`;
  } else if (flow.kind === "conditional") {
    method =
      `    ${mapping}\n` +
      `    public ResponseEntity<Map<String, Object>> ${o.name}(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {\n` +
      `${ind}String etag = ${javaString(flow.etag)};\n` +
      `${ind}CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(60));\n` +
      `${ind}if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {\n` +
      `${ind}    return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();\n` +
      `${ind}}\n` +
      `${ind}return ResponseEntity.ok()\n${ind}        .eTag(etag)\n${ind}        .cacheControl(cache)\n${ind}        .contentType(MediaType.APPLICATION_JSON)\n` +
      `${ind}        .body(${javaMap(flow.okBody.kind === "json" ? flow.okBody.value : {})});\n` +
      `    }\n`;
  } else if (flow.kind === "range") {
    method =
      `    private static final byte[] FILE = ${javaString(flow.representation)}.getBytes(StandardCharsets.US_ASCII);\n\n` +
      `    // Spring MVC answers Range itself for a Resource body: 206 with Content-Range, 416 when no range fits, 200 without Range.\n` +
      `    ${mapping}\n` +
      `    public ResponseEntity<Resource> ${o.name}() {\n` +
      `${ind}return ResponseEntity.ok()\n${ind}        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))\n${ind}        .contentType(MediaType.parseMediaType(${javaString(flow.contentType)}))\n${ind}        .body(new ByteArrayResource(FILE));\n` +
      `    }\n`;
  } else if (flow.kind === "rate-limit") {
    const over: Answer = { ...spec.answer, headers: [["Retry-After", "RETRY"]] };
    method =
      `    private static final int LIMIT = ${flow.limit};\n` +
      `    private static final long WINDOW_MS = ${flow.windowSeconds * 1000};\n` +
      `    private final Map<String, long[]> windows = new ConcurrentHashMap<>(); // address -> {start, count}\n\n` +
      `    ${mapping}\n` +
      `    public ResponseEntity<Map<String, Object>> ${o.name}(HttpServletRequest request) {\n` +
      `${ind}long now = System.currentTimeMillis();\n` +
      `${ind}long[] w = windows.compute(request.getRemoteAddr(), (address, old) ->\n` +
      `${ind}        old == null || now - old[0] >= WINDOW_MS ? new long[] {now, 1} : new long[] {old[0], old[1] + 1});\n` +
      `${ind}if (w[1] > LIMIT) {\n` +
      `${springAnswer(over, `${ind}    `).replace('"RETRY"', "String.valueOf((w[0] + WINDOW_MS - now + 999) / 1000)")}\n` +
      `${ind}}\n` +
      `${springAnswer(flow.okAnswer, ind)}\n` +
      `    }\n`;
  } else if (flow.kind === "guarded") {
    const needsRequest = flow.when.kind === "target-over";
    const param = needsRequest ? "HttpServletRequest request" : "@RequestHeader HttpHeaders headers";
    const type = javaBodyType(flow.otherwise) ?? "Void";
    method =
      `    ${mapping}\n` +
      `    public ResponseEntity<${type}> ${o.name}(${param}) {\n` +
      `${ind}if (${javaCond(flow.when)}) {\n${springAnswer(spec.answer, `${ind}    `)}\n${ind}}\n` +
      `${springAnswer(flow.otherwise, ind)}\n` +
      `    }\n`;
  } else {
    const type = javaBodyType(spec.answer) ?? "Void";
    method = `    ${mapping}\n    public ResponseEntity<${type}> ${o.name}() {\n${springAnswer(spec.answer, ind)}\n    }\n`;
  }
  const cls = o.name[0]!.toUpperCase() + o.name.slice(1);
  const notes = notesFor(spec, "spring");
  if (usesProblem(spec))
    notes.push(
      "With spring.mvc.problemdetails.enabled=true, Spring writes ErrorResponseException as application/problem+json.",
    );
  const code = `${comment("//", notes)}@RestController\nclass ${cls}Controller {\n\n${method}}\n`;
  const uses = (re: RegExp) => re.test(code);
  const imports = [
    ...(uses(/\bHttpServletRequest\b/) ? ["import jakarta.servlet.http.HttpServletRequest;"] : []),
    ...(uses(/\bHttpServletResponse\b/) ? ["import jakarta.servlet.http.HttpServletResponse;"] : []),
    ...(uses(/\bIOException\b/) ? ["import java.io.IOException;"] : []),
    ...(uses(/\bURI\./) ? ["import java.net.URI;"] : []),
    ...(uses(/\bStandardCharsets\./) ? ["import java.nio.charset.StandardCharsets;"] : []),
    ...(uses(/\bDuration\./) ? ["import java.time.Duration;"] : []),
    ...(uses(/\bList\.of/) ? ["import java.util.List;"] : []),
    ...(uses(/\bMap\b/) ? ["import java.util.Map;"] : []),
    ...(uses(/\bObjects\./) ? ["import java.util.Objects;"] : []),
    ...(uses(/\bConcurrentHashMap\b/) ? ["import java.util.concurrent.ConcurrentHashMap;"] : []),
    ...(uses(/\bByteArrayResource\b/) ? ["import org.springframework.core.io.ByteArrayResource;"] : []),
    ...(uses(/\bResource\b/) ? ["import org.springframework.core.io.Resource;"] : []),
    ...(uses(/\bCacheControl\b/) ? ["import org.springframework.http.CacheControl;"] : []),
    ...(uses(/\bHttpHeaders\b/) ? ["import org.springframework.http.HttpHeaders;"] : []),
    ...(uses(/\bHttpStatusCode\b/) ? ["import org.springframework.http.HttpStatusCode;"] : []),
    ...(uses(/\bMediaType\./) ? ["import org.springframework.http.MediaType;"] : []),
    ...(uses(/\bProblemDetail\b/) ? ["import org.springframework.http.ProblemDetail;"] : []),
    "import org.springframework.http.ResponseEntity;",
    ...(uses(/\bErrorResponseException\b/) ? ["import org.springframework.web.ErrorResponseException;"] : []),
    ...[
      "DeleteMapping",
      "GetMapping",
      "PatchMapping",
      "PostMapping",
      "PutMapping",
      "RequestBody",
      "RequestHeader",
      "RequestMapping",
    ]
      .filter((a) => uses(new RegExp(`@${a}\\b`)))
      .map((a) => `import org.springframework.web.bind.annotation.${a};`),
    "import org.springframework.web.bind.annotation.RestController;",
  ];
  return {
    lang: "spring",
    imports,
    prelude: "",
    code,
    epilogue: "",
    text: `${imports.join("\n")}\n\n${code}`,
  };
}

/* ---------------- Go ---------------- */

const GO_PRELUDE =
  "// writeProblem writes an RFC 9457 problem as application/problem+json.\n" +
  "func writeProblem(w http.ResponseWriter, r *http.Request, status int, typ, title, detail string) {\n" +
  '\tw.Header().Set("Content-Type", "application/problem+json")\n' +
  "\tw.WriteHeader(status)\n" +
  "\tjson.NewEncoder(w).Encode(map[string]any{\n" +
  '\t\t"type":     typ,\n' +
  '\t\t"title":    title,\n' +
  '\t\t"status":   status,\n' +
  '\t\t"detail":   detail,\n' +
  '\t\t"instance": r.URL.Path,\n' +
  "\t})\n" +
  "}\n";

function goCond(c: Condition): string {
  const h = (n: string) => `r.Header.Get(${goString(n)})`;
  switch (c.kind) {
    case "header-missing":
      return `${h(c.name)} == ""`;
    case "header-mismatch":
      return `v := ${h(c.name)}; v != "" && !slices.ContainsFunc(strings.Split(v, ","), func(t string) bool {\n\t\tt = strings.TrimSpace(t)\n\t\treturn t == ${goString(c.value)} || t == "*"\n\t})`;
    case "header-lists":
      return `slices.ContainsFunc(strings.Split(${h(c.name)}, ","), func(t string) bool {\n\t\treturn strings.EqualFold(strings.TrimSpace(t), ${goString(c.token)})\n\t})`;
    case "no-content-length":
      return `r.ContentLength < 0`;
    case "content-length-over":
      return `r.ContentLength > ${c.limit}`;
    case "content-type-not":
      return `mt, _, _ := mime.ParseMediaType(${h("Content-Type")}); mt != ${goString(c.type)}`;
    case "accept-excludes":
      return `a := ${h("Accept")}; a != "" && !strings.Contains(a, ${goString(c.type)}) && !strings.Contains(a, "*/*")`;
    case "target-over":
      return `len(r.RequestURI) > ${c.limit}`;
    case "expect-unknown":
      return `e := ${h("Expect")}; e != "" && !strings.EqualFold(e, "100-continue")`;
  }
}

function goStatus(code: number): string {
  const name = goConstant(code);
  return name ? `http.${name}` : String(code);
}

function goAnswer(a: Answer, indent: string): string {
  const lines: string[] = [];
  for (const [n, v] of a.headers) lines.push(`${indent}w.Header().Set(${goString(n)}, ${goString(v)})`);
  if (a.kind === "problem") {
    lines.push(
      `${indent}writeProblem(w, r, ${goStatus(a.status)}, ${goString(a.type)}, ${goString(a.title)},\n${indent}\t${goString(a.detail)})`,
    );
    return lines.join("\n");
  }
  const body = a.body;
  if (body.kind !== "none")
    lines.push(`${indent}w.Header().Set("Content-Type", ${goString(body.contentType)})`);
  lines.push(`${indent}w.WriteHeader(${goStatus(a.status)})`);
  if (body.kind === "json") lines.push(`${indent}json.NewEncoder(w).Encode(${goValue(body.value, indent)})`);
  else if (body.kind === "text") lines.push(`${indent}io.WriteString(w, ${JSON.stringify(body.value)})`);
  return lines.join("\n");
}

function go(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  let inner: string;
  let before = "";
  if (flow.kind === "conditional") {
    inner =
      `\tetag := ${goString(flow.etag)}\n` +
      `\tw.Header().Set("ETag", etag)\n` +
      `\tw.Header().Set("Cache-Control", ${goString(flow.cacheControl)})\n` +
      `\tfor _, tag := range strings.Split(r.Header.Get("If-None-Match"), ",") {\n` +
      `\t\ttag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")\n` +
      `\t\tif tag == etag || tag == "*" {\n` +
      `\t\t\tw.WriteHeader(http.StatusNotModified)\n` +
      `\t\t\treturn\n` +
      `\t\t}\n` +
      `\t}\n` +
      `${goAnswer({ kind: "response", status: 200, headers: [], body: flow.okBody }, "\t")}\n`;
  } else if (flow.kind === "range") {
    inner =
      `\tconst file = ${JSON.stringify(flow.representation)}\n` +
      `\t// ServeContent answers Range itself: 206 with Content-Range, 416 when no range fits, 200 without Range.\n` +
      `\tw.Header().Set("Cache-Control", "max-age=3600")\n` +
      `\thttp.ServeContent(w, r, "alphabet.txt", time.Time{}, strings.NewReader(file))\n`;
  } else if (flow.kind === "interim" && flow.interim === 100) {
    inner =
      `\tn, err := io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, 1<<20)) // reading sends the 100\n` +
      `\tif err != nil {\n` +
      `\t\twriteProblem(w, r, http.StatusRequestEntityTooLarge, "about:blank", "Content Too Large", err.Error())\n` +
      `\t\treturn\n` +
      `\t}\n` +
      `\tw.Header().Set("Location", "/uploads/1")\n` +
      `\tw.Header().Set("Content-Type", "application/json")\n` +
      `\tw.WriteHeader(http.StatusCreated)\n` +
      `\tjson.NewEncoder(w).Encode(map[string]any{"received": n})\n`;
  } else if (flow.kind === "interim") {
    inner = "";
    if (flow.supported.go) {
      for (const [n, v] of flow.interimHeaders) inner += `\tw.Header().Add(${goString(n)}, ${goString(v)})\n`;
      inner += `\tw.WriteHeader(${goStatus(flow.interim)}) // interim: sent now, the handler goes on\n`;
    }
    inner += `${goAnswer(spec.answer, "\t")}\n`;
  } else if (flow.kind === "rate-limit") {
    const over: Answer = { ...spec.answer, headers: [] };
    before =
      `const rateLimit = ${flow.limit}\n\n` +
      `const rateWindow = ${flow.windowSeconds} * time.Second\n\n` +
      `type rateCount struct {\n\tstart time.Time\n\tcount int\n}\n\n` +
      `var rateMu sync.Mutex\n\n` +
      `var rateCounts = map[string]*rateCount{}\n\n`;
    inner =
      `\thost, _, _ := net.SplitHostPort(r.RemoteAddr)\n` +
      `\tnow := time.Now()\n` +
      `\trateMu.Lock()\n` +
      `\tc := rateCounts[host]\n` +
      `\tif c == nil || now.Sub(c.start) >= rateWindow {\n` +
      `\t\tc = &rateCount{start: now}\n` +
      `\t\trateCounts[host] = c\n` +
      `\t}\n` +
      `\tc.count++\n` +
      `\tover, reset := c.count > rateLimit, c.start.Add(rateWindow).Sub(now)\n` +
      `\trateMu.Unlock()\n` +
      `\tif over {\n` +
      `\t\tw.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(reset.Seconds()))))\n` +
      `${goAnswer(over, "\t\t")}\n` +
      `\t\treturn\n` +
      `\t}\n` +
      `${goAnswer(flow.okAnswer, "\t")}\n`;
  } else if (flow.kind === "guarded") {
    inner = `\tif ${goCond(flow.when)} {\n${goAnswer(spec.answer, "\t\t")}\n\t\treturn\n\t}\n${goAnswer(flow.otherwise, "\t")}\n`;
  } else {
    inner = `${goAnswer(spec.answer, "\t")}\n`;
  }
  const pattern = `${spec.route.method} ${o.prefix}${spec.route.path.split("?")[0]}`;
  const notes = [
    ...notesFor(spec, "go"),
    `Register with mux.HandleFunc(${JSON.stringify(pattern)}, ${o.name}) (Go 1.22+ patterns).`,
  ];
  const problem = usesProblem(spec) || inner.includes("writeProblem(");
  const prelude = problem ? GO_PRELUDE : "";
  const code = `${before}${comment("//", notes)}func ${o.name}(w http.ResponseWriter, r *http.Request) {\n${inner}}\n`;
  const all = prelude + code;
  const pkgs = [
    ...(all.includes("json.") ? ["encoding/json"] : []),
    ...(all.includes("io.") ? ["io"] : []),
    ...(all.includes("math.") ? ["math"] : []),
    ...(all.includes("mime.") ? ["mime"] : []),
    ...(all.includes("net.") ? ["net"] : []),
    "net/http",
    ...(all.includes("slices.") ? ["slices"] : []),
    ...(all.includes("strconv.") ? ["strconv"] : []),
    ...(all.includes("strings.") ? ["strings"] : []),
    ...(all.includes("sync.") ? ["sync"] : []),
    ...(all.includes("time.") ? ["time"] : []),
  ];
  const imports = [`import (\n${pkgs.map((p) => `\t"${p}"`).join("\n")}\n)`];
  const text = `${[imports.join("\n"), prelude, code]
    .filter(Boolean)
    .map((p) => p.trimEnd())
    .join("\n\n")}\n`;
  return { lang: "go", imports, prelude, code, epilogue: "", pattern, text };
}

/* ---------------- entry points ---------------- */

const RENDERERS: Record<SnippetLang, (spec: SnippetSpec, o: RenderOptions) => Snippet> = {
  express,
  fastapi,
  spring,
  go,
};

export function renderSnippet(
  spec: SnippetSpec,
  lang: SnippetLang,
  options: Partial<RenderOptions> = {},
): Snippet {
  const o = { ...DEFAULTS, ...options };
  return RENDERERS[lang](spec, { ...o, name: o.name || defaultName(spec) });
}

/** The four snippets for a code, as shown on its page. */
export function buildSnippets(code: number): Record<SnippetLang, Snippet> {
  const spec = snippetSpec(code);
  return {
    express: renderSnippet(spec, "express"),
    fastapi: renderSnippet(spec, "fastapi"),
    spring: renderSnippet(spec, "spring"),
    go: renderSnippet(spec, "go"),
  };
}

/** The scenario request of a code, for display ("what this answers"). */
export function scenarioLine(r: ScenarioRequest): string {
  const target = r.path.length > 60 ? `${r.path.slice(0, 40)}…` : r.path;
  const hs = r.headers.map(([n, v]) => `${n}: ${v}`);
  if (r.chunked) hs.push("Transfer-Encoding: chunked");
  return [`${r.method} ${target}`, ...hs].join("\n");
}
