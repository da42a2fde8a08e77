/**
 * Proof for Spring Boot: no Maven repository is reachable here, so each snippet is parsed with a real
 * Java parser (java-parser) and its token stream is checked for the status, header and body calls the
 * spec requires, and for imports that match the names it uses.
 */
import { parse, type CstElement, type CstNode, type IToken } from "java-parser";
import { describe, expect, it } from "vitest";

import { renderSnippet } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

import { SNIPPET_CODES } from "./harness";

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function tokens(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode) => {
    for (const children of Object.values(n.children)) {
      for (const child of children ?? []) {
        if (isToken(child)) out.push(child);
        else walk(child);
      }
    }
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The source re-joined from its tokens, one space apart: a normal form to search for call shapes. */
function normal(text: string): { joined: string; toks: IToken[] } {
  const toks = tokens(parse(text));
  return { joined: toks.map((t) => t.image).join(" "), toks };
}

const call = (...parts: string[]) => parts.join(" ");

/** Simple names a snippet may use, and the import that brings each in. */
const IMPORTABLE: Record<string, string> = {
  URI: "java.net.URI",
  Duration: "java.time.Duration",
  List: "java.util.List",
  Map: "java.util.Map",
  CacheControl: "org.springframework.http.CacheControl",
  HttpStatusCode: "org.springframework.http.HttpStatusCode",
  MediaType: "org.springframework.http.MediaType",
  ProblemDetail: "org.springframework.http.ProblemDetail",
  ResponseEntity: "org.springframework.http.ResponseEntity",
  GetMapping: "org.springframework.web.bind.annotation.GetMapping",
  RequestHeader: "org.springframework.web.bind.annotation.RequestHeader",
  RestController: "org.springframework.web.bind.annotation.RestController",
};

describe("Spring Boot snippets", () => {
  it.each(SNIPPET_CODES)("%i parses and makes the right calls", (code) => {
    const spec = snippetSpec(code);
    const snippet = renderSnippet(spec, "spring");
    const { joined, toks } = normal(snippet.text);

    expect(joined).toContain(call("@", "RestController"));
    expect(joined).toContain(call("@", "GetMapping", "(", JSON.stringify("/orders/8412"), ")"));

    // Imports: every simple name used is imported, and nothing unused is.
    const imported = new Set([...snippet.text.matchAll(/^import ([\w.]+);$/gm)].map((m) => m[1]));
    for (const [name, fqcn] of Object.entries(IMPORTABLE)) {
      const used = [...snippet.code.matchAll(new RegExp(`\\b${name}\\b`, "g"))].length > 0;
      expect(imported.has(fqcn), `${name} ${used ? "used but not imported" : "imported but unused"}`).toBe(
        used,
      );
    }
    expect(toks.length).toBeGreaterThan(20);

    if (spec.flow.kind === "conditional") {
      expect(joined).toContain(call("HttpStatusCode", ".", "valueOf", "(", "304", ")"));
      expect(joined).toContain(call("HttpStatusCode", ".", "valueOf", "(", "200", ")"));
      expect(joined.match(/\. eTag \( etag \)/g)).toHaveLength(2);
      expect(joined.match(/\. cacheControl \( cache \)/g)).toHaveLength(2);
      expect(joined).toContain(call("@", "RequestHeader", "(", "value", "=", '"If-None-Match"'));
      return;
    }

    expect(joined).toContain(call("HttpStatusCode", ".", "valueOf", "(", String(spec.sentStatus), ")"));
    for (const [name, value] of spec.headers) {
      expect(joined, `${name} header`).toContain(
        call(".", "header", "(", JSON.stringify(name), ",", JSON.stringify(value), ")"),
      );
    }
    if (spec.body.kind === "none") {
      expect(joined).toContain(call(".", "build", "(", ")"));
      expect(joined).not.toContain(call(".", "body", "("));
      expect(joined).not.toContain("contentType");
    } else {
      expect(joined).toContain(call(".", "body", "("));
      if (spec.body.contentType === "application/problem+json") {
        expect(joined).toContain(call("ProblemDetail", ".", "forStatus", "(", String(code), ")"));
        expect(joined).toContain(call("MediaType", ".", "APPLICATION_PROBLEM_JSON"));
      } else if (spec.body.contentType === "application/json") {
        expect(joined).toContain(call("MediaType", ".", "APPLICATION_JSON"));
      } else {
        expect(joined).toContain(
          call("MediaType", ".", "parseMediaType", "(", JSON.stringify(spec.body.contentType), ")"),
        );
      }
    }
  });

  it("the parser rejects broken Java, so the checks above mean something", () => {
    expect(() => parse("class A { void f() { return ResponseEntity.status(401) } }")).toThrow();
  });
});
