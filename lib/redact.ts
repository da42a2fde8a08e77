/**
 * Credential redaction for the Inspector's share link (issue 10, item 9). The link carries the pasted
 * messages in its # fragment; people paste real traffic, so before the link is built the values that
 * grant access are replaced: Authorization, Proxy-Authorization, Cookie and Set-Cookie values,
 * token-like headers, credential query parameters, passwords in URLs, and token members of JSON
 * bodies (and HAR entries). What a check needs to see stays: the auth scheme, cookie names and
 * Set-Cookie attributes, parameter names. Pure, no browser APIs.
 */
import { TOKEN_SOURCE } from "./http";

export const REDACTED = "[redacted]";

export interface Redaction {
  text: string;
  /** What was redacted, each named once, in order of appearance (header or parameter names). */
  redacted: string[];
}

/** Headers whose value is a credential (lower case). */
const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "set-cookie2",
  "x-api-key",
  "api-key",
  "x-auth-token",
  "x-access-token",
  "x-csrf-token",
  "x-xsrf-token",
  "x-amz-security-token",
  "x-goog-api-key",
  "x-session-id",
  "private-token",
  "x-vault-token",
]);

/** Any other header whose name says it holds a secret. */
const SECRET_NAME = /(?:token|secret|password|passwd|api-?key|session|credential|signature)/i;

/** Query or form parameters that carry credentials. */
const SECRET_PARAMS =
  "access_token|refresh_token|id_token|token|auth|authorization|code|api_key|apikey|key|secret|client_secret|password|passwd|pwd|sig|signature|session|sessionid|sid|jwt|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential";
const PARAM = new RegExp(`([?&;])(${SECRET_PARAMS})=([^&#\\s"'<>;]*)`, "gi");

/** user:password@ in a URL. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):([^\s/@]+)@/gi;

/** JSON members holding tokens: "access_token": "…" (and HAR's {"name": "Cookie", "value": "…"}). */
const JSON_SECRET =
  /("(?:access_token|refresh_token|id_token|token|password|passwd|secret|client_secret|api_key|apiKey|apikey|session|sessionId|jwt)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const HAR_HEADER = /("name"\s*:\s*"([A-Za-z0-9-]+)"\s*,\s*"value"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/** One header line, optionally behind curl -v's `> ` / `< ` markers. */
const HEADER_LINE = new RegExp(`^([<>] )?(${TOKEN_SOURCE})([ \\t]*:[ \\t]*)(.*)$`);
/** An auth scheme followed by its credentials. */
const SCHEME_THEN_CREDENTIALS = new RegExp(`^(${TOKEN_SOURCE})(\\s+)\\S`);

function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (CREDENTIAL_HEADERS.has(n)) return true;
  if (n === "www-authenticate" || n === "proxy-authenticate" || n === "authentication-info") return false;
  return SECRET_NAME.test(n);
}

/** Redacts one header value, keeping what the Inspector's checks read. */
export function redactHeaderValue(name: string, value: string): string {
  const n = name.toLowerCase();
  if (value.trim() === "") return value;
  if (n === "authorization" || n === "proxy-authorization") {
    // Keep the scheme (Basic, Bearer, Digest, …): checks and readers care which one it is.
    const m = SCHEME_THEN_CREDENTIALS.exec(value);
    return m ? `${m[1]}${m[2]}${REDACTED}` : REDACTED;
  }
  if (n === "cookie")
    return value
      .split(";")
      .map((pair) => {
        const i = pair.indexOf("=");
        return i === -1 ? pair : `${pair.slice(0, i)}=${REDACTED}`;
      })
      .join(";");
  if (n === "set-cookie" || n === "set-cookie2") {
    // Only the first pair is the cookie; Path, Domain, Secure, HttpOnly, SameSite, Max-Age stay.
    const semi = value.indexOf(";");
    const first = semi === -1 ? value : value.slice(0, semi);
    const eq = first.indexOf("=");
    const named = eq === -1 ? REDACTED : `${first.slice(0, eq)}=${REDACTED}`;
    return semi === -1 ? named : named + value.slice(semi);
  }
  return REDACTED;
}

/** Redacts credentials in a pasted message (or several) before it goes into a share link. */
export function redactForShare(raw: string): Redaction {
  const seen = new Set<string>();
  const note = (what: string) => seen.add(what);
  const lines = raw.split(/(\r?\n)/);
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    const h = HEADER_LINE.exec(line);
    if (h && isCredentialHeader(h[2] as string)) {
      const value = h[4] as string;
      const redacted = redactHeaderValue(h[2] as string, value);
      if (redacted !== value) {
        note(canonical(h[2] as string));
        lines[i] = `${h[1] ?? ""}${h[2]}${h[3]}${redacted}`;
      }
    }
  }
  let text = lines.join("");
  text = text.replace(PARAM, (_m, sep: string, name: string, value: string) => {
    if (value === "" || value === REDACTED) return `${sep}${name}=${value}`;
    note(`${name} (query)`);
    return `${sep}${name}=${REDACTED}`;
  });
  text = text.replace(USERINFO, (_m, start: string) => {
    note("URL password");
    return `${start}:${REDACTED}@`;
  });
  text = text.replace(HAR_HEADER, (m, start: string, name: string, value: string) => {
    if (!isCredentialHeader(name)) return m;
    const redacted = redactHeaderValue(name, value);
    if (redacted === value) return m;
    note(canonical(name));
    return `${start}${JSON.stringify(redacted)}`;
  });
  text = text.replace(JSON_SECRET, (m, start: string) => {
    const key = /"([^"]+)"/.exec(start)?.[1] ?? "token";
    if (m.endsWith(`"${REDACTED}"`)) return m;
    note(`${key} (JSON)`);
    return `${start}"${REDACTED}"`;
  });
  return { text, redacted: [...seen] };
}

/** Header names as usually written: Set-Cookie, Authorization, X-Api-Key. */
function canonical(name: string): string {
  return name
    .toLowerCase()
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("-");
}
