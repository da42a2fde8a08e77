/**
 * The snippets' "wrong today" list (issue 12), as assertions on the scenario model and the rendered
 * snippets. The proofs in tests/snippets then send each scenario to the real frameworks.
 */
import { describe, expect, it } from "vitest";

import { buildSnippets, renderSnippet, SNIPPET_LANGS } from "./render";
import { snippetSpec } from "./spec";

const header = (hs: [string, string][], name: string) =>
  hs.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe("each snippet answers the situation its code is for", () => {
  it("201 answers a POST that creates, with Location, never a GET", () => {
    const spec = snippetSpec(201);
    expect(spec.scenario.method).toBe("POST");
    expect(spec.scenario.body).toBeDefined();
    expect(spec.answer.kind === "response" && header(spec.answer.headers, "Location")).toBeTruthy();
    const s = buildSnippets(201);
    expect(s.express.text).toMatch(/app\.post\(/);
    expect(s.fastapi.text).toMatch(/@app\.post\(/);
    expect(s.spring.text).toMatch(/@PostMapping\(/);
    expect(s.go.pattern).toMatch(/^POST /);
    for (const lang of SNIPPET_LANGS) expect(s[lang].text).not.toMatch(/app\.get\(|@GetMapping|GET \//);
  });

  it("405 is registered on the refused method, and Allow lists only the others", () => {
    const spec = snippetSpec(405);
    const allow = (header(spec.answer.headers, "Allow") ?? "").split(/,\s*/);
    expect(spec.scenario.method).not.toBe("GET");
    expect(spec.route.method).toBe(spec.scenario.method);
    expect(allow).not.toContain(spec.scenario.method);
    expect(allow.length).toBeGreaterThan(0);
  });

  it("206 only answers a GET with a satisfiable Range; without Range it is a 200, past the end a 416", () => {
    for (const code of [206, 416]) {
      const spec = snippetSpec(code);
      expect(spec.flow.kind).toBe("range");
      expect(header(spec.scenario.headers, "Range")).toMatch(/^bytes=/);
      expect(spec.control).toEqual({
        request: expect.objectContaining({ method: "GET", headers: [] }),
        status: 200,
      });
    }
    // No renderer sets Content-Range unconditionally: it comes from the range logic or the framework.
    const s = buildSnippets(206);
    expect(s.express.text).toMatch(/req\.range\(/);
    expect(s.go.text).toMatch(/http\.ServeContent\(/);
    expect(s.spring.text).toMatch(/ByteArrayResource/);
    expect(s.fastapi.text).toMatch(/request\.headers\.get\("range"/);
  });

  it("226 needs A-IM in the request and sends IM in the response", () => {
    const spec = snippetSpec(226);
    expect(header(spec.scenario.headers, "A-IM")).toBe("feed");
    expect(spec.answer.kind === "response" && header(spec.answer.headers, "IM")).toBe("feed");
    expect(spec.control?.status).toBe(200);
    expect(header(spec.control?.request.headers ?? [], "A-IM")).toBeUndefined();
  });

  it.each([100, 411, 413, 415, 417])("%i is modelled on a request with content", (code) => {
    const spec = snippetSpec(code);
    expect(["POST", "PUT"]).toContain(spec.scenario.method);
    expect(spec.scenario.body?.length).toBeGreaterThan(0);
    if (code === 100) expect(header(spec.scenario.headers, "Expect")).toBe("100-continue");
    if (code === 411) expect(spec.scenario.chunked).toBe(true);
  });

  it("412 and 428 hinge on If-Match; 401 carries a challenge; 429 and 503 say when to retry", () => {
    expect(header(snippetSpec(412).scenario.headers, "If-Match")).toBeDefined();
    expect(header(snippetSpec(428).scenario.headers, "If-Match")).toBeUndefined();
    expect(header(snippetSpec(428).control!.request.headers, "If-Match")).toBeDefined();
    expect(header(snippetSpec(401).answer.headers, "WWW-Authenticate")).toMatch(/^Bearer /);
    expect(header(snippetSpec(429).answer.headers, "Retry-After")).toMatch(/^\d+$/);
    expect(header(snippetSpec(503).answer.headers, "Retry-After")).toMatch(/^\d+$/);
  });

  it("429 comes from a limiter that counts requests per client and says when the window ends", () => {
    expect(snippetSpec(429).flow).toMatchObject({ kind: "rate-limit", limit: 100, windowSeconds: 60 });
    const s = buildSnippets(429);
    expect(s.express.text).toMatch(/String\(retryAfter\)/);
    expect(s.go.text).toMatch(/strconv\.Itoa\(int\(math\.Ceil\(reset\.Seconds\(\)\)\)\)/);
  });

  it("204 answers a DELETE, 304 a conditional GET", () => {
    expect(snippetSpec(204).scenario.method).toBe("DELETE");
    expect(header(snippetSpec(304).scenario.headers, "If-None-Match")).toBeDefined();
  });
});

describe("1xx notes are true", () => {
  const all = (code: number) => SNIPPET_LANGS.map((l) => buildSnippets(code)[l].text).join("\n");

  it("Go sends 102, 103 and 104 from a handler (WriteHeader, Go 1.19+), and upgrades by hijacking", () => {
    for (const code of [102, 103, 104]) {
      expect(snippetSpec(code).flow).toMatchObject({ supported: { go: true } });
      expect(buildSnippets(code).go.text).toMatch(/w\.WriteHeader\(http\.Status\w+\)|w\.WriteHeader\(104\)/);
      expect(buildSnippets(code).go.text).not.toMatch(/Go cannot send/);
    }
    expect(buildSnippets(101).go.text).toMatch(/Hijack/);
  });

  it("Express sends 102 with res.writeProcessing() and 103 with res.writeEarlyHints()", () => {
    expect(buildSnippets(102).express.text).toMatch(/res\.writeProcessing\(\);/);
    expect(buildSnippets(103).express.text).toMatch(/res\.writeEarlyHints\(/);
    expect(all(102)).not.toMatch(/Express cannot send a 102/);
  });

  it("Spring Boot 3 (Tomcat 10.1) sends 103", () => {
    expect(snippetSpec(103).flow).toMatchObject({ supported: { spring: true } });
    expect(buildSnippets(103).spring.text).toMatch(/sendError\(103\)/);
  });

  it("100: the server sends it when the body is read; the handler reads the body", () => {
    const text = all(100);
    expect(text).not.toMatch(/Frameworks cannot send 100/);
    expect(buildSnippets(100).express.text).toMatch(/checkContinue/);
    expect(buildSnippets(100).go.text).toMatch(/r\.Body/);
  });
});

describe("error texts", () => {
  it("510 is about the resource's policy not met (RFC 2774 §7), not a missing extension (that is 501)", () => {
    const a = snippetSpec(510).answer;
    expect(a.kind === "problem" && a.detail).toMatch(/policy/i);
    expect(a.kind === "problem" && a.detail).not.toMatch(/does not have|lacks/);
  });

  it("511 is not an application route: the notes say so and the body links to the network login", () => {
    const spec = snippetSpec(511);
    expect(spec.notes.join(" ")).toMatch(/origin servers should not send it/);
    expect(
      spec.answer.kind === "response" && spec.answer.body.kind === "text" && spec.answer.body.value,
    ).toMatch(/<a href="https:\/\//);
    expect(header(spec.answer.headers, "Cache-Control")).toBe("no-store");
  });

  it("418's title is not 'I'm a teapot', which was never a registered HTTP reason phrase", () => {
    const a = snippetSpec(418).answer;
    expect(a.kind === "problem" && a.title).not.toMatch(/teapot/i);
    for (const lang of SNIPPET_LANGS)
      expect(renderSnippet(snippetSpec(418), lang).text).not.toMatch(/I'm a teapot/);
  });

  it("proxy and CDN codes show the application's part, not an origin pretending to be a proxy", () => {
    for (const code of [502, 504, 444, 499, 520, 521, 522, 523, 524, 525, 526]) {
      const spec = snippetSpec(code);
      expect(spec.flow.kind, String(code)).toBe("app-side");
      expect(spec.sentStatus).toBe(200);
      for (const lang of SNIPPET_LANGS)
        expect(renderSnippet(spec, lang).code).not.toContain(String(code) + ",");
    }
  });
});
