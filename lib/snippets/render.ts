/**
 * Renders a SnippetSpec as Express, FastAPI, Spring Boot and Go (net/http) code.
 *
 * Each snippet is split into `imports` and `code`, so the test harness can put every code's handler
 * into one program per language (renaming the handler and its path) and prove it over real HTTP.
 */
import { EXAMPLE_PATH, snippetSpec, type BodySpec, type SnippetSpec } from "./spec";

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

export interface RenderOptions {
  /** The route the handler answers on. */
  path: string;
  /** The handler's name (function or method), where the language has one. */
  name: string;
}

export interface Snippet {
  lang: SnippetLang;
  imports: string[];
  code: string;
  /** What a reader copies: imports, a blank line, the code. */
  text: string;
}

const DEFAULTS: RenderOptions = { path: EXAMPLE_PATH, name: "getOrder" };

/* ---------------- value literals ---------------- */

function jsString(s: string): string {
  // Single quotes only where they save escaping a double quote.
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
  return `{\n${entries.map(([k, x]) => `${indent}    ${pyString(k)}: ${pyValue(x, `${indent}    `)},`).join("\n")}\n${indent}}`;
}

function javaString(s: string): string {
  return JSON.stringify(s);
}

function goString(s: string): string {
  return s.includes('"') && !s.includes("`") ? `\`${s}\`` : JSON.stringify(s);
}

function goValue(v: unknown, indent: string): string {
  if (typeof v === "string") return goString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]string{${v.map((x) => goValue(x, indent)).join(", ")}}`;
  const entries = Object.entries(v as Record<string, unknown>);
  // gofmt aligns the values of consecutive key: value lines.
  const width = Math.max(...entries.map(([k]) => JSON.stringify(k).length));
  const lines = entries.map(([k, x]) => {
    const key = `${JSON.stringify(k)}:`;
    return `${indent}\t${key.padEnd(width + 2)}${goValue(x, `${indent}\t`)},`;
  });
  return `map[string]any{\n${lines.join("\n")}\n${indent}}`;
}

function comment(prefix: string, notes: string[], indent = ""): string {
  return notes.map((n) => `${indent}${prefix} ${n}`).join("\n") + (notes.length ? "\n" : "");
}

/* ---------------- Express ---------------- */

function expressSend(body: BodySpec, status: number, headers: [string, string][], indent: string): string {
  const lines: string[] = [];
  for (const [n, v] of headers) lines.push(`${indent}res.set(${jsString(n)}, ${jsString(v)});`);
  if (body.kind === "none") lines.push(`${indent}res.status(${status}).end();`);
  else if (body.kind === "json") {
    const type = body.contentType === "application/json" ? "" : `.type(${jsString(body.contentType)})`;
    lines.push(`${indent}res.status(${status})${type}.json(${jsValue(body.value, indent)});`);
  } else {
    lines.push(
      `${indent}res.status(${status}).type(${jsString(body.contentType)}).send(${JSON.stringify(body.value)});`,
    );
  }
  return lines.join("\n");
}

/** The spec's notes, plus what this language can do about an interim status. */
function notesFor(spec: SnippetSpec, lang: SnippetLang): string[] {
  const flow = spec.flow;
  if (flow.kind !== "interim" || flow.interim === 100) return spec.notes;
  if (flow.supported[lang])
    return [...spec.notes, `Send the interim ${flow.interim} first, then the real response.`];
  return [
    ...spec.notes,
    `${LANG_LABELS[lang]} cannot send a ${flow.interim} from a handler; this shows the final response.`,
  ];
}

function express(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  let code = comment("//", notesFor(spec, "express"));
  if (flow.kind === "interim") {
    const hints = Object.fromEntries(flow.interimHeaders.map(([n, v]) => [n.toLowerCase(), v]));
    code += `app.get(${jsString(o.path)}, (req, res) => {\n`;
    if (flow.supported.express) code += `  res.writeEarlyHints(${jsValue(hints, "  ")});\n`;
    code += `${expressSend(spec.body, spec.sentStatus, spec.headers, "  ")}\n});\n`;
  } else if (flow.kind === "conditional") {
    code +=
      `app.get(${jsString(o.path)}, (req, res) => {\n` +
      `  const etag = ${jsString(flow.etag)};\n` +
      `  res.set("ETag", etag);\n` +
      `  res.set("Cache-Control", ${jsString(flow.cacheControl)});\n` +
      `  const tags = (req.get("If-None-Match") ?? "").split(",").map((t) => t.trim().replace(/^W\\//, ""));\n` +
      `  if (tags.includes(etag) || tags.includes("*")) {\n` +
      `    res.status(304).end();\n` +
      `    return;\n` +
      `  }\n` +
      `${expressSend(flow.okBody, 200, [], "  ")}\n});\n`;
  } else {
    code += `app.get(${jsString(o.path)}, (req, res) => {\n${expressSend(spec.body, spec.sentStatus, spec.headers, "  ")}\n});\n`;
  }
  const imports = ['import express from "express";', "", "const app = express();"];
  return { lang: "express", imports, code, text: `${imports.join("\n")}\n\n${code}` };
}

/* ---------------- FastAPI ---------------- */

function fastapiReturn(body: BodySpec, status: number, headers: [string, string][], indent: string): string {
  const h = headers.length
    ? `headers={${headers.map(([n, v]) => `${pyString(n)}: ${pyString(v)}`).join(", ")}}`
    : "";
  const args: string[] = [`status_code=${status}`];
  if (body.kind === "json") {
    args.push(`content=${pyValue(body.value, `${indent}    `)}`);
    if (body.contentType !== "application/json") args.push(`media_type=${pyString(body.contentType)}`);
  } else if (body.kind === "text") {
    args.push(`content=${JSON.stringify(body.value)}`, `media_type=${pyString(body.contentType)}`);
  }
  if (h) args.push(h);
  const cls = body.kind === "json" ? "JSONResponse" : "Response";
  return `${indent}return ${cls}(\n${args.map((a) => `${indent}    ${a},`).join("\n")}\n${indent})`;
}

function fastapiName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function fastapi(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  const fn = fastapiName(o.name);
  let code = comment("#", notesFor(spec, "fastapi"));
  // FastAPI answers HEAD only when the route lists it; Starlette then drops the body.
  code += `@app.api_route(${pyString(o.path)}, methods=["GET", "HEAD"])\n`;
  if (flow.kind === "conditional") {
    code +=
      `def ${fn}(request: Request) -> Response:\n` +
      `    etag = ${pyString(flow.etag)}\n` +
      `    headers = {"ETag": etag, "Cache-Control": ${pyString(flow.cacheControl)}}\n` +
      `    tags = [t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")]\n` +
      `    if etag in tags or "*" in tags:\n` +
      `        return Response(status_code=304, headers=headers)\n` +
      `${fastapiReturn(flow.okBody, 200, [], "    ").replace(/\n    \)$/, "\n        headers=headers,\n    )")}\n`;
  } else {
    code += `def ${fn}() -> Response:\n${fastapiReturn(spec.body, spec.sentStatus, spec.headers, "    ")}\n`;
  }
  const needsJson = spec.body.kind === "json" || (flow.kind === "conditional" && flow.okBody.kind === "json");
  const names = ["FastAPI", ...(flow.kind === "conditional" ? ["Request"] : []), "Response"];
  const imports = [`from fastapi import ${names.join(", ")}`];
  if (needsJson) imports.push("from fastapi.responses import JSONResponse");
  imports.push("", "app = FastAPI()");
  return { lang: "fastapi", imports, code, text: `${imports.join("\n")}\n\n${code}` };
}

/* ---------------- Spring Boot ---------------- */

function javaBody(body: BodySpec, indent: string): { type: string; expr: string; setup: string } {
  if (body.kind === "none") return { type: "Void", expr: "", setup: "" };
  if (body.kind === "text") return { type: "String", expr: javaString(body.value), setup: "" };
  const v = body.value;
  if (body.contentType === "application/problem+json") {
    const lines = [
      `${indent}ProblemDetail problem = ProblemDetail.forStatus(${v.status as number});`,
      `${indent}problem.setType(URI.create(${javaString(String(v.type))}));`,
      `${indent}problem.setTitle(${javaString(String(v.title))});`,
      `${indent}problem.setDetail(${javaString(String(v.detail))});`,
      `${indent}problem.setInstance(URI.create(${javaString(String(v.instance))}));`,
    ];
    return { type: "ProblemDetail", expr: "problem", setup: `${lines.join("\n")}\n` };
  }
  const entries = Object.entries(v).map(([k, x]) => {
    const val =
      typeof x === "string"
        ? javaString(x)
        : Array.isArray(x)
          ? `List.of(${x.map((s) => javaString(String(s))).join(", ")})`
          : String(x);
    return `${javaString(k)}, ${val}`;
  });
  return { type: "Map<String, Object>", expr: `Map.of(${entries.join(", ")})`, setup: "" };
}

function javaContentType(body: BodySpec): string {
  if (body.kind === "none") return "";
  if (body.contentType === "application/json") return ".contentType(MediaType.APPLICATION_JSON)";
  if (body.contentType === "application/problem+json")
    return ".contentType(MediaType.APPLICATION_PROBLEM_JSON)";
  return `.contentType(MediaType.parseMediaType(${javaString(body.contentType)}))`;
}

function springResponse(body: BodySpec, status: number, headers: [string, string][], indent: string): string {
  const b = javaBody(body, indent);
  const chain = [`ResponseEntity.status(HttpStatusCode.valueOf(${status}))`];
  for (const [n, v] of headers) chain.push(`.header(${javaString(n)}, ${javaString(v)})`);
  const ct = javaContentType(body);
  if (ct) chain.push(ct);
  chain.push(body.kind === "none" ? ".build()" : `.body(${b.expr})`);
  return `${b.setup}${indent}return ${chain.join(`\n${indent}        `)};`;
}

function spring(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  const ind = "        ";
  let method: string;
  let bodyType: string;
  if (flow.kind === "conditional") {
    bodyType = javaBody(flow.okBody, ind).type;
    method =
      `    @GetMapping(${javaString(o.path)})\n` +
      `    public ResponseEntity<${bodyType}> ${o.name}(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {\n` +
      `${ind}String etag = ${javaString(flow.etag)};\n` +
      `${ind}CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(60));\n` +
      `${ind}if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {\n` +
      `${ind}    return ResponseEntity.status(HttpStatusCode.valueOf(304)).eTag(etag).cacheControl(cache).build();\n` +
      `${ind}}\n` +
      `${springResponse(flow.okBody, 200, [], ind).replace("ResponseEntity.status(HttpStatusCode.valueOf(200))", "ResponseEntity.status(HttpStatusCode.valueOf(200))\n                .eTag(etag)\n                .cacheControl(cache)")}\n` +
      `    }\n`;
  } else {
    bodyType = javaBody(spec.body, ind).type;
    method =
      `    @GetMapping(${javaString(o.path)})\n` +
      `    public ResponseEntity<${bodyType}> ${o.name}() {\n` +
      `${springResponse(spec.body, spec.sentStatus, spec.headers, ind)}\n` +
      `    }\n`;
  }
  const usesMap = bodyType.startsWith("Map");
  const usesList = method.includes("List.of(");
  const imports = [
    ...(method.includes("URI.create") ? ["import java.net.URI;"] : []),
    ...(method.includes("Duration.") ? ["import java.time.Duration;"] : []),
    ...(usesList ? ["import java.util.List;"] : []),
    ...(usesMap ? ["import java.util.Map;"] : []),
    ...(method.includes("CacheControl") ? ["import org.springframework.http.CacheControl;"] : []),
    "import org.springframework.http.HttpStatusCode;",
    ...(method.includes("MediaType.") ? ["import org.springframework.http.MediaType;"] : []),
    ...(method.includes("ProblemDetail") ? ["import org.springframework.http.ProblemDetail;"] : []),
    "import org.springframework.http.ResponseEntity;",
    "import org.springframework.web.bind.annotation.GetMapping;",
    ...(method.includes("@RequestHeader")
      ? ["import org.springframework.web.bind.annotation.RequestHeader;"]
      : []),
    "import org.springframework.web.bind.annotation.RestController;",
  ];
  const code = `${comment("//", notesFor(spec, "spring"))}@RestController\nclass OrderController {\n\n${method}}\n`;
  return { lang: "spring", imports, code, text: `${imports.join("\n")}\n\n${code}` };
}

/* ---------------- Go ---------------- */

/** net/http's constant for each code it names (Go 1.19). Others are written as numbers. */
const GO_STATUS: Record<number, string> = {
  100: "StatusContinue",
  101: "StatusSwitchingProtocols",
  102: "StatusProcessing",
  103: "StatusEarlyHints",
  200: "StatusOK",
  201: "StatusCreated",
  202: "StatusAccepted",
  203: "StatusNonAuthoritativeInfo",
  204: "StatusNoContent",
  205: "StatusResetContent",
  206: "StatusPartialContent",
  207: "StatusMultiStatus",
  208: "StatusAlreadyReported",
  226: "StatusIMUsed",
  300: "StatusMultipleChoices",
  301: "StatusMovedPermanently",
  302: "StatusFound",
  303: "StatusSeeOther",
  304: "StatusNotModified",
  305: "StatusUseProxy",
  307: "StatusTemporaryRedirect",
  308: "StatusPermanentRedirect",
  400: "StatusBadRequest",
  401: "StatusUnauthorized",
  402: "StatusPaymentRequired",
  403: "StatusForbidden",
  404: "StatusNotFound",
  405: "StatusMethodNotAllowed",
  406: "StatusNotAcceptable",
  407: "StatusProxyAuthRequired",
  408: "StatusRequestTimeout",
  409: "StatusConflict",
  410: "StatusGone",
  411: "StatusLengthRequired",
  412: "StatusPreconditionFailed",
  413: "StatusRequestEntityTooLarge",
  414: "StatusRequestURITooLong",
  415: "StatusUnsupportedMediaType",
  416: "StatusRequestedRangeNotSatisfiable",
  417: "StatusExpectationFailed",
  418: "StatusTeapot",
  421: "StatusMisdirectedRequest",
  422: "StatusUnprocessableEntity",
  423: "StatusLocked",
  424: "StatusFailedDependency",
  425: "StatusTooEarly",
  426: "StatusUpgradeRequired",
  428: "StatusPreconditionRequired",
  429: "StatusTooManyRequests",
  431: "StatusRequestHeaderFieldsTooLarge",
  451: "StatusUnavailableForLegalReasons",
  500: "StatusInternalServerError",
  501: "StatusNotImplemented",
  502: "StatusBadGateway",
  503: "StatusServiceUnavailable",
  504: "StatusGatewayTimeout",
  505: "StatusHTTPVersionNotSupported",
  506: "StatusVariantAlsoNegotiates",
  507: "StatusInsufficientStorage",
  508: "StatusLoopDetected",
  510: "StatusNotExtended",
  511: "StatusNetworkAuthenticationRequired",
};

function goStatus(code: number): string {
  const name = GO_STATUS[code];
  return name ? `http.${name}` : `${code}`;
}

function goWrite(body: BodySpec, status: number, headers: [string, string][], indent: string): string {
  const lines: string[] = [];
  for (const [n, v] of headers) lines.push(`${indent}w.Header().Set(${goString(n)}, ${goString(v)})`);
  if (body.kind !== "none")
    lines.push(`${indent}w.Header().Set("Content-Type", ${goString(body.contentType)})`);
  lines.push(`${indent}w.WriteHeader(${goStatus(status)})`);
  if (body.kind === "json") lines.push(`${indent}json.NewEncoder(w).Encode(${goValue(body.value, indent)})`);
  else if (body.kind === "text") lines.push(`${indent}io.WriteString(w, ${JSON.stringify(body.value)})`);
  return lines.join("\n");
}

function go(spec: SnippetSpec, o: RenderOptions): Snippet {
  const flow = spec.flow;
  let inner: string;
  let body = spec.body;
  if (flow.kind === "conditional") {
    body = flow.okBody;
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
      `${goWrite(flow.okBody, 200, [], "\t")}\n`;
  } else if (flow.kind === "interim") {
    inner = "";
    if (flow.supported.go) {
      for (const [n, v] of flow.interimHeaders) inner += `\tw.Header().Add(${goString(n)}, ${goString(v)})\n`;
      inner += `\tw.WriteHeader(${goStatus(flow.interim)}) // interim: sent now, the handler goes on\n`;
    }
    inner += `${goWrite(spec.body, spec.sentStatus, spec.headers, "\t")}\n`;
  } else {
    inner = `${goWrite(spec.body, spec.sentStatus, spec.headers, "\t")}\n`;
  }
  const code = `${comment("//", notesFor(spec, "go"))}func ${o.name}(w http.ResponseWriter, r *http.Request) {\n${inner}}\n`;
  const pkgs = [
    ...(body.kind === "json" ? ["encoding/json"] : []),
    ...(body.kind === "text" ? ["io"] : []),
    "net/http",
    ...(flow.kind === "conditional" ? ["strings"] : []),
  ];
  const imports = [`import (\n${pkgs.map((p) => `\t"${p}"`).join("\n")}\n)`];
  return { lang: "go", imports, code, text: `${imports.join("\n")}\n\n${code}` };
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
  return RENDERERS[lang](spec, { ...DEFAULTS, ...options });
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
