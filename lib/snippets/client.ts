/**
 * Client snippets: what a client does when it receives a code it must handle. Redirects are followed
 * (or not, on purpose); 401 refreshes the token and retries once; 429 and 503 honour Retry-After once,
 * up to a cap; 502 and 504 retry an idempotent request once after a pause; 403, 404, 409 and 412 are
 * surfaced as errors with the server's problem details, never retried blindly.
 *
 * Each snippet is a function the proofs (tests/snippets/client.test.ts) call against the real
 * simulator, so what the comments say is what the code does.
 */
import {
  allStatuses,
  codesWithRow,
  followedRedirect,
  followMethod,
  getStatus,
  sentByIntermediary,
} from "../registry";

export const CLIENT_LANGS = ["fetch", "requests", "httpx"] as const;
export type ClientLang = (typeof CLIENT_LANGS)[number];

export const CLIENT_LABELS: Record<ClientLang, string> = {
  fetch: "fetch",
  requests: "Python requests",
  httpx: "Python httpx",
};

export const CLIENT_HIGHLIGHT: Record<ClientLang, string> = {
  fetch: "javascript",
  requests: "python",
  httpx: "python",
};

export const CLIENT_VERSIONS: Record<ClientLang, string> = {
  fetch: "the Fetch API (browsers, Node 20+)",
  requests: "requests 2.34",
  httpx: "httpx 0.28",
};

export type ClientKind = "redirect" | "refresh" | "retry-after" | "retry-gateway" | "problem";

/** How long a client waits for a Retry-After at most; a longer one is left to the caller. */
export const MAX_RETRY_WAIT_SECONDS = 10;

const PROBLEM_ADVICE: Record<number, string> = {
  403: "403: the credentials are fine but not enough; retrying will not help, tell the user.",
  404: "404: nothing there (now); show it, do not retry.",
  409: "409: the request conflicts with the resource's state; re-read it and let the user decide.",
  412: "412: the resource changed since it was read (If-Match failed); re-read it, re-apply, send again.",
};

/** The codes whose answer says when to come back (RFC 9110 §10.2.3; RFC 6585 §4): 429 and 503. */
const RETRY_AFTER_CODES = codesWithRow("Retry-After");

/** What a client does with `code`, from the registry's facts; the problem codes are those with advice. */
function kindOf(code: number): ClientKind | undefined {
  if (followedRedirect(code)) return "redirect";
  if (codesWithRow("WWW-Authenticate").includes(code)) return "refresh";
  if (RETRY_AFTER_CODES.includes(code)) return "retry-after";
  if (getStatus(code)?.official && sentByIntermediary(code)) return "retry-gateway";
  if (Object.hasOwn(PROBLEM_ADVICE, code)) return "problem";
  return undefined;
}

const KINDS = new Map(
  allStatuses().flatMap((s): [number, ClientKind][] => {
    const kind = kindOf(s.code);
    return kind ? [[s.code, kind]] : [];
  }),
);

export function clientKind(code: number): ClientKind | undefined {
  return KINDS.get(code);
}

/** The codes with client snippets. */
export const CLIENT_CODES = [...KINDS.keys()];

/** The codes of one kind, as the generated code names them: 502 and 504 for "retry-gateway". */
const codesOf = (kind: ClientKind) => CLIENT_CODES.filter((c) => KINDS.get(c) === kind);
const RETRY_AFTER = codesOf("retry-after");
const GATEWAY = codesOf("retry-gateway");

/** "429 or 503"; "a, b or c". */
const orList = (codes: number[]) =>
  codes.length < 2 ? codes.join("") : `${codes.slice(0, -1).join(", ")} or ${codes[codes.length - 1]}`;
/** `res.status !== 429 && res.status !== 503`: none of `codes`. */
const jsNoneOf = (codes: number[]) => codes.map((c) => `res.status !== ${c}`).join(" && ");
/** `(429, 503)`: a Python tuple, with its comma when it has one element. */
const pyTuple = (codes: number[]) => (codes.length === 1 ? `(${codes[0]},)` : `(${codes.join(", ")})`);

export interface ClientSnippet {
  lang: ClientLang;
  /** The function the snippet defines (the proofs call it). */
  fn: string;
  text: string;
}

function redirectNote(code: number, lang: ClientLang): string {
  const method = followMethod(code);
  if (method === "get") return `${code}: the client follows with a GET (a body is dropped); HEAD stays HEAD.`;
  if (method === "kept") return `${code}: the client repeats the same method and body at the new URI.`;
  if (code === 302 && lang !== "fetch")
    return `302: ${CLIENT_LABELS[lang]} follows every method but HEAD with a GET, as browsers once did.`;
  return `${code}: a POST is followed with a GET (what browsers do); other methods are kept.`;
}

/* ---------------- fetch ---------------- */

function fetchSnippet(code: number, kind: ClientKind): ClientSnippet {
  switch (kind) {
    case "redirect":
      return {
        lang: "fetch",
        fn: "send",
        text:
          `// fetch follows ${code} by itself (redirect: "follow", at most 20 hops).\n` +
          `// ${redirectNote(code, "fetch")}\n` +
          `async function send(url, init = {}) {\n` +
          `  const res = await fetch(url, init);\n` +
          `  // res.redirected tells that it was followed; res.url is where it ended.\n` +
          `  return { status: res.status, redirected: res.redirected, url: res.url, body: await res.json() };\n` +
          `}\n\n` +
          `// Not following, to look at the redirect itself (Node; in a browser the answer is opaque):\n` +
          `async function peek(url, init = {}) {\n` +
          `  const res = await fetch(url, { ...init, redirect: "manual" });\n` +
          `  return { status: res.status, location: res.headers.get("Location") };\n` +
          `}\n`,
      };
    case "refresh":
      return {
        lang: "fetch",
        fn: "fetchWithAuth",
        text:
          `// On 401, refresh the access token once and retry once; a second 401 is final.\n` +
          `async function fetchWithAuth(url, tokens, init = {}) {\n` +
          `  const send = () =>\n` +
          `    fetch(url, { ...init, headers: { ...init.headers, Authorization: \`Bearer \${tokens.access}\` } });\n` +
          `  let res = await send();\n` +
          `  if (res.status === 401) {\n` +
          `    tokens.access = await tokens.refresh();\n` +
          `    res = await send();\n` +
          `  }\n` +
          `  return res;\n` +
          `}\n`,
      };
    case "retry-after":
      return {
        lang: "fetch",
        fn: "fetchWithRetry",
        text:
          `// On ${orList(RETRY_AFTER)}, wait as long as Retry-After says (seconds or an HTTP date) and retry once.\n` +
          `// A Retry-After longer than ${MAX_RETRY_WAIT_SECONDS} s, or none, is left to the caller: the answer is returned.\n` +
          `const MAX_WAIT_MS = ${MAX_RETRY_WAIT_SECONDS * 1000};\n\n` +
          `function retryAfterMs(value) {\n` +
          `  if (value === null) return null;\n` +
          `  if (/^\\d+$/.test(value.trim())) return Number(value) * 1000;\n` +
          `  const at = Date.parse(value);\n` +
          `  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());\n` +
          `}\n\n` +
          `async function fetchWithRetry(url, init = {}) {\n` +
          `  const res = await fetch(url, init);\n` +
          `  if (${jsNoneOf(RETRY_AFTER)}) return res;\n` +
          `  const wait = retryAfterMs(res.headers.get("Retry-After"));\n` +
          `  if (wait === null || wait > MAX_WAIT_MS) return res;\n` +
          `  await res.body?.cancel();\n` +
          `  await new Promise((resolve) => setTimeout(resolve, wait));\n` +
          `  return fetch(url, init);\n` +
          `}\n`,
      };
    case "retry-gateway":
      return {
        lang: "fetch",
        fn: "getWithRetry",
        text:
          `// ${code} comes from a gateway about the server behind it: for a GET (safe to repeat),\n` +
          `// retry once after a pause; never repeat a POST that may have been applied.\n` +
          `async function getWithRetry(url, pauseMs = 1000) {\n` +
          `  const res = await fetch(url);\n` +
          `  if (${jsNoneOf(GATEWAY)}) return res;\n` +
          `  await res.body?.cancel();\n` +
          `  await new Promise((resolve) => setTimeout(resolve, pauseMs));\n` +
          `  return fetch(url);\n` +
          `}\n`,
      };
    case "problem":
      return {
        lang: "fetch",
        fn: "getJson",
        text:
          `// ${PROBLEM_ADVICE[code]}\n` +
          `class HttpProblem extends Error {\n` +
          `  constructor(status, problem) {\n` +
          `    super(problem.detail ?? problem.title ?? \`HTTP \${status}\`);\n` +
          `    this.status = status;\n` +
          `    this.problem = problem; // RFC 9457: type, title, status, detail, instance\n` +
          `  }\n` +
          `}\n\n` +
          `async function getJson(url, init = {}) {\n` +
          `  const res = await fetch(url, {\n` +
          `    ...init,\n` +
          `    headers: { Accept: "application/json, application/problem+json", ...init.headers },\n` +
          `  });\n` +
          `  if (res.ok) return res.json();\n` +
          `  const json = (res.headers.get("Content-Type") ?? "").includes("json");\n` +
          `  throw new HttpProblem(res.status, json ? await res.json() : { title: res.statusText });\n` +
          `}\n`,
      };
  }
}

/* ---------------- Python ---------------- */

function pySnippet(code: number, kind: ClientKind, lib: "requests" | "httpx"): ClientSnippet {
  const r = lib === "requests";
  const T = r ? "requests.Session" : "httpx.Client";
  const Resp = r ? "requests.Response" : "httpx.Response";
  const head = `import ${lib}\n`;
  switch (kind) {
    case "redirect":
      return {
        lang: lib,
        fn: "send",
        text:
          head +
          "\n\n" +
          (r
            ? `# requests follows ${code} by itself (allow_redirects=True, at most 30 hops);\n# response.history lists the redirects it followed.\n`
            : `# httpx does NOT follow redirects unless asked: follow_redirects=True (at most 20 hops);\n# response.history lists the redirects it followed.\n`) +
          `# ${redirectNote(code, lib)}\n` +
          `def send(http: ${T}, method: str, url: str, **kwargs) -> ${Resp}:\n` +
          `    return http.request(method, url, ${r ? "allow_redirects=True" : "follow_redirects=True"}, **kwargs)\n\n\n` +
          `# Not following, to look at the redirect itself:\n` +
          `def peek(http: ${T}, method: str, url: str) -> ${Resp}:\n` +
          `    return http.request(method, url, ${r ? "allow_redirects=False" : "follow_redirects=False"})\n`,
      };
    case "refresh":
      return {
        lang: lib,
        fn: "get_with_auth",
        text:
          `from collections.abc import Callable\n\n${head}\n\n` +
          `# On 401, refresh the access token once and retry once; a second 401 is final.\n` +
          `def get_with_auth(http: ${T}, url: str, token: str, refresh: Callable[[], str]) -> tuple[${Resp}, str]:\n` +
          `    response = http.get(url, headers={"Authorization": f"Bearer {token}"})\n` +
          `    if response.status_code == 401:\n` +
          `        token = refresh()\n` +
          `        response = http.get(url, headers={"Authorization": f"Bearer {token}"})\n` +
          `    return response, token\n`,
      };
    case "retry-after":
      return {
        lang: lib,
        fn: "get_with_retry",
        text:
          `import time\nfrom datetime import datetime, timezone\nfrom email.utils import parsedate_to_datetime\n\n${head}\n` +
          `MAX_WAIT = ${MAX_RETRY_WAIT_SECONDS}  # seconds; a longer Retry-After, or none, is left to the caller\n\n\n` +
          `def retry_after_seconds(value: str | None) -> float | None:\n` +
          `    if value is None:\n` +
          `        return None\n` +
          `    if value.strip().isdigit():\n` +
          `        return float(value)\n` +
          `    try:\n` +
          `        when = parsedate_to_datetime(value)\n` +
          `    except (TypeError, ValueError):\n` +
          `        return None\n` +
          `    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())\n\n\n` +
          `# On ${orList(RETRY_AFTER)}, wait as long as Retry-After says and retry once.\n` +
          `def get_with_retry(http: ${T}, url: str) -> ${Resp}:\n` +
          `    response = http.get(url)\n` +
          `    if response.status_code in ${pyTuple(RETRY_AFTER)}:\n` +
          `        wait = retry_after_seconds(response.headers.get("Retry-After"))\n` +
          `        if wait is not None and wait <= MAX_WAIT:\n` +
          `            time.sleep(wait)\n` +
          `            response = http.get(url)\n` +
          `    return response\n`,
      };
    case "retry-gateway":
      return {
        lang: lib,
        fn: "get_with_retry",
        text:
          `import time\n\n${head}\n\n` +
          `# ${code} comes from a gateway about the server behind it: for a GET (safe to repeat),\n` +
          `# retry once after a pause; never repeat a POST that may have been applied.\n` +
          `def get_with_retry(http: ${T}, url: str, pause: float = 1.0) -> ${Resp}:\n` +
          `    response = http.get(url)\n` +
          `    if response.status_code in ${pyTuple(GATEWAY)}:\n` +
          `        time.sleep(pause)\n` +
          `        response = http.get(url)\n` +
          `    return response\n`,
      };
    case "problem":
      return {
        lang: lib,
        fn: "get_json",
        text:
          `from typing import Any\n\n${head}\n\n` +
          `# ${PROBLEM_ADVICE[code]}\n` +
          `class HttpProblem(Exception):\n` +
          `    def __init__(self, status: int, problem: dict[str, Any]) -> None:\n` +
          `        super().__init__(problem.get("detail") or problem.get("title") or f"HTTP {status}")\n` +
          `        self.status = status\n` +
          `        self.problem = problem  # RFC 9457: type, title, status, detail, instance\n\n\n` +
          `def get_json(http: ${T}, url: str) -> Any:\n` +
          `    response = http.get(url, headers={"Accept": "application/json, application/problem+json"})\n` +
          (r ? `    if response.ok:\n` : `    if response.is_success:\n`) +
          `        return response.json()\n` +
          `    is_json = "json" in response.headers.get("Content-Type", "")\n` +
          `    raise HttpProblem(response.status_code, response.json() if is_json else {"title": response.reason${r ? "" : "_phrase"}})\n`,
      };
  }
}

/** The client snippets for `code`, or undefined when a client has nothing specific to do. */
export function clientSnippets(code: number): Record<ClientLang, ClientSnippet> | undefined {
  const kind = clientKind(code);
  if (!kind) return undefined;
  return {
    fetch: fetchSnippet(code, kind),
    requests: pySnippet(code, kind, "requests"),
    httpx: pySnippet(code, kind, "httpx"),
  };
}
