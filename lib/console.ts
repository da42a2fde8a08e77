/**
 * Pure helpers for the in-page console: parsing what the user typed, building the copyable
 * curl and fetch commands, and explaining what the browser hides. No React, no DOM.
 */
import { TOKEN, type HeaderList } from "./http";
import type { FollowMethod } from "./registry";

export const CONSOLE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type ConsoleMethod = (typeof CONSOLE_METHODS)[number];

/** Headers a page's script may not set (the browser controls them); we say so instead of failing silently. */
const FORBIDDEN_REQUEST_HEADERS = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);

export type HeaderParse = { ok: true; headers: HeaderList; ignored: string[] } | { ok: false; error: string };

/** Parses "Name: value" lines; blank lines are skipped. */
export function parseHeaderLines(text: string): HeaderParse {
  const headers: HeaderList = [];
  const ignored: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) return { ok: false, error: `Line ${i + 1} is not "Name: value".` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name))
      return { ok: false, error: `Line ${i + 1}: "${name}" is not a valid header name.` };

    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value))
      return { ok: false, error: `Line ${i + 1}: the value of ${name} contains control characters.` };
    const lower = name.toLowerCase();
    if (FORBIDDEN_REQUEST_HEADERS.has(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) {
      ignored.push(name);
      continue;
    }
    headers.push([name, value]);
  }
  return { ok: true, headers, ignored };
}

export function canHaveBody(method: string): boolean {
  return method !== "GET" && method !== "HEAD";
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(url: string, method: string, headers: HeaderList, body: string): string {
  const parts = ["curl", "-i"];
  if (method === "HEAD") parts.push("--head");
  else if (method !== "GET") parts.push("-X", method);
  for (const [n, v] of headers) parts.push("-H", shellQuote(`${n}: ${v}`));
  if (body !== "" && canHaveBody(method)) parts.push("--data-raw", shellQuote(body));
  parts.push(shellQuote(url));
  return parts.join(" ");
}

export function fetchCommand(url: string, method: string, headers: HeaderList, body: string): string {
  const init: string[] = [`  method: ${JSON.stringify(method)},`];
  if (headers.length) init.push(`  headers: ${JSON.stringify(Object.fromEntries(headers))},`);
  if (body !== "" && canHaveBody(method)) init.push(`  body: ${JSON.stringify(body)},`);
  init.push(`  credentials: "omit",`);
  return `const res = await fetch(${JSON.stringify(url)}, {\n${init.join("\n")}\n});\nconsole.log(res.status, [...res.headers], await res.text());`;
}

/** Pretty-prints JSON bodies; leaves anything else as it is. */
export function prettyBody(body: string, contentType: string | null): string {
  if (!contentType || !/json/i.test(contentType) || body.trim() === "") return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export interface HiddenNote {
  kind: "redirect" | "interim" | "not-modified" | "proxy-auth" | "cors" | "head";
  text: string;
}

/**
 * The registry facts the console needs, computed on the server and passed down, so the browser never
 * loads the registry (its prose and zod) just to know these.
 */
export interface ConsoleFacts {
  /** Browsers follow this code by themselves (lib/registry followedRedirect). */
  followsRedirect: boolean;
  /** How browsers treat the method on each code they follow (lib/registry followMethod), by code. */
  followRules: Record<string, FollowMethod>;
  /** The only request this code answers, if any (lib/registry answersOnly): 206, 416, 304. */
  answersOnly?: "range" | "conditional";
}

/**
 * The request headers the console starts with: a Range where the code answers only a range request,
 * a condition where it answers only a conditional one (a validator the simulator will not match, so
 * the first answer is the 200 that says which to send), else Accept.
 */
export function defaultRequestHeaders(facts: ConsoleFacts): string {
  if (facts.answersOnly === "range") return "Range: bytes=0-99";
  if (facts.answersOnly === "conditional") return 'If-None-Match: "abc"';
  return "Accept: application/json";
}

/** What the browser hid or changed about this exchange, in plain words. */
export function hiddenNotes(
  code: number,
  method: string,
  sentStatus: number | null,
  facts: ConsoleFacts,
): HiddenNote[] {
  const notes: HiddenNote[] = [];
  if (code >= 100 && code < 200) {
    notes.push({
      kind: "interim",
      text: `fetch() never shows interim 1xx responses: a page only sees the final response. The simulator cannot end with a ${code}, so it answers 200 and says so in its body.`,
    });
  }
  if (facts.followsRedirect) {
    notes.push({
      kind: "redirect",
      text: `A browser follows a ${code} by itself, so a script normally sees only the final response. The console asks for redirect: "manual", which hides the ${code} from the page (an opaque response: status 0, no headers), so what the server sent is shown from its own account, and each hop the browser would follow.`,
    });
  }
  if (code === 304) {
    notes.push({
      kind: "not-modified",
      text: 'A 304 only answers a conditional request: without one the simulator sends the 200 it stands for, with its ETag. Add If-None-Match with that ETag to see the real 304 (the console bypasses the browser cache, cache: "no-store", which would otherwise revalidate by itself and show the script the stored 200).',
    });
  }
  if (code === 407) {
    notes.push({
      kind: "proxy-auth",
      text: "Browsers treat a 407 from a server that is not their proxy as an error and give the page no response at all. The server's own account of the 407 is shown below.",
    });
  }
  if (method === "HEAD")
    notes.push({ kind: "head", text: "A HEAD response has the headers a GET would get, and never a body." });
  if (sentStatus === 0 && notes.every((n) => n.kind !== "redirect")) {
    notes.push({
      kind: "cors",
      text: "The browser returned an opaque response: the status and headers are hidden from scripts.",
    });
  }
  return notes;
}
