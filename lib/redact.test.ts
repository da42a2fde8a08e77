import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { REDACTED, redactForShare, redactHeaderValue } from "./redact";

const PASTE = [
  "GET /callback?code=AUTHCODE1&state=ok&access_token=TOKEN2 HTTP/1.1",
  "Host: api.example",
  "Authorization: Bearer eyJSECRET3",
  "Cookie: sid=SECRET4; theme=dark",
  "X-Api-Key: SECRET5",
  "",
  "HTTP/1.1 302 Found",
  "Location: https://app.example/next?token=SECRET6&page=2",
  "Set-Cookie: session=SECRET7; Path=/; Secure; HttpOnly; SameSite=Lax",
  "Cache-Control: no-store",
  "Content-Type: application/json",
  "",
  '{"access_token": "SECRET8", "expires_in": 3600, "login": "https://bob:SECRET9@example.org/"}',
].join("\r\n");

describe("redactForShare", () => {
  it("removes every credential value and keeps what the checks read", () => {
    const { text, redacted } = redactForShare(PASTE);
    for (const secret of [
      "AUTHCODE1",
      "TOKEN2",
      "SECRET3",
      "SECRET4",
      "SECRET5",
      "SECRET6",
      "SECRET7",
      "SECRET8",
      "SECRET9",
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain(`Authorization: Bearer ${REDACTED}`);
    expect(text).toContain(`Cookie: sid=${REDACTED}; theme=${REDACTED}`);
    expect(text).toContain(`Set-Cookie: session=${REDACTED}; Path=/; Secure; HttpOnly; SameSite=Lax`);
    expect(text).toContain(`?token=${REDACTED}&page=2`);
    expect(text).toContain("state=ok");
    expect(text).toContain("Cache-Control: no-store");
    expect(text).toContain('"expires_in": 3600');
    expect(text.split("\r\n")).toHaveLength(PASTE.split("\r\n").length);
    expect(redacted).toEqual(
      expect.arrayContaining([
        "Authorization",
        "Cookie",
        "Set-Cookie",
        "X-Api-Key",
        "token (query)",
        "access_token (JSON)",
      ]),
    );
  });

  it("leaves a message without credentials as it is", () => {
    const clean = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="x"\nContent-Length: 0\n\n';
    expect(redactForShare(clean)).toEqual({ text: clean, redacted: [] });
  });

  it("handles curl -v markers and HAR entries", () => {
    const curl =
      "> GET / HTTP/1.1\n> Authorization: Basic dXNlcjpwYXNz\n< HTTP/1.1 200 OK\n< Set-Cookie: a=b\n";
    const out = redactForShare(curl).text;
    expect(out).toContain(`> Authorization: Basic ${REDACTED}`);
    expect(out).toContain(`< Set-Cookie: a=${REDACTED}`);
    const har = '{"headers": [{"name": "Cookie", "value": "sid=abc"}, {"name": "Accept", "value": "*/*"}]}';
    const h = redactForShare(har).text;
    expect(h).not.toContain("abc");
    expect(h).toContain('"value": "*/*"');
  });

  it("keeps the auth scheme only when there is one", () => {
    expect(redactHeaderValue("Authorization", "Bearer abc")).toBe(`Bearer ${REDACTED}`);
    expect(redactHeaderValue("Authorization", "abc")).toBe(REDACTED);
    expect(redactHeaderValue("Proxy-Authorization", "Basic Zm9v")).toBe(`Basic ${REDACTED}`);
  });

  it("never leaves a credential value in the link (property)", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,40}$/).filter((s) => !REDACTED.includes(s));
    const where = fc.constantFrom(
      (s: string) => `Authorization: Bearer ${s}`,
      (s: string) => `authorization: ${s}`,
      (s: string) => `Cookie: a=1; b=${s}`,
      (s: string) => `Set-Cookie: id=${s}; Secure`,
      (s: string) => `X-Auth-Token: ${s}`,
      (s: string) => `Location: /x?access_token=${s}`,
      (s: string) => `GET /x?a=1&api_key=${s} HTTP/1.1`,
    );
    fc.assert(
      fc.property(secret, where, (s, make) => {
        const out = redactForShare(`HTTP/1.1 200 OK\n${make(s)}\nContent-Type: text/plain\n\nbody`).text;
        expect(out).not.toContain(s);
        expect(out).toContain("Content-Type: text/plain");
      }),
    );
  });
});
