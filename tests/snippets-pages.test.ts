/**
 * No snippet contradicts its page: each content/{code}.mdx is read next to the code's snippet spec
 * and rendered snippets, and what the page says about the code (reserved, deprecated, obsoleted,
 * "don't send it", sent by a proxy/CDN/nginx and not the origin, the methods it says are a bug, the
 * framework APIs it names for sending the code) must hold for the snippets.
 */
import fs from "node:fs";
import path from "node:path";

import matter from "gray-matter";
import { describe, expect, it } from "vitest";

import { allStatuses } from "@/lib/registry";
import { buildSnippets, SNIPPET_LANGS, type SnippetLang } from "@/lib/snippets/render";
import { snippetSpec } from "@/lib/snippets/spec";

const CODES = allStatuses().map((s) => s.code);

function page(code: number): { description: string; body: string } {
  const { data, content } = matter(fs.readFileSync(path.join("content", `${code}.mdx`), "utf8"));
  return { description: String(data.description ?? ""), body: content };
}

/** Framework calls a page may name for sending its code, and the snippet that must then use them. */
const SENDING_APIS: { pattern: RegExp; lang: SnippetLang; call: string }[] = [
  { pattern: /`res\.writeProcessing\(\)`/, lang: "express", call: "res.writeProcessing()" },
  { pattern: /`res\.writeEarlyHints\(\)`/, lang: "express", call: "res.writeEarlyHints(" },
  { pattern: /`res\.writeContinue\(\)`/, lang: "express", call: "writeContinue" },
];

/** How a page says that the code is not the application's to send. */
const NOT_FROM_ORIGIN =
  /comes from a proxy or gateway|transforming proxy|origin servers should never|nginx-only|nginx-internal|nginx log code|captive portal, not the website|Cloudflare's|convention for a proxy|behind a proxy/;

describe("no snippet contradicts its page", () => {
  it.each(CODES)("%i", (code) => {
    const { description, body } = page(code);
    const spec = snippetSpec(code);
    const snippets = buildSnippets(code);
    const notes = spec.notes.join(" ");
    const problems: string[] = [];

    for (const word of ["reserved", "deprecated", "obsoleted"])
      if (new RegExp(`\\b${word}\\b`, "i").test(description) && !new RegExp(word, "i").test(notes))
        problems.push(`the page calls ${code} ${word}; the snippets do not say so`);

    if (
      /\b(Don't|Never) send it\b|do not use it/.test(description) &&
      !/\bdo not (send|use)\b|not use it/i.test(notes)
    )
      problems.push("the page says not to send it; the snippets do not say so");

    if (NOT_FROM_ORIGIN.test(description)) {
      const appSide = spec.flow.kind === "app-side";
      const warned = /should not send it|not by the application|not by the origin|never by an origin/.test(
        notes,
      );
      if (!appSide && !warned) problems.push("the page says the origin does not send it; the snippet does");
      if (appSide && spec.sentStatus === code) problems.push("an app-side snippet sends the code itself");
    }

    // "A 201 in answer to `GET` or `HEAD` is almost certainly a bug."
    for (const m of body.matchAll(
      /in answer to `([A-Z]+)`(?: or `([A-Z]+)`)? is (?:almost certainly )?a bug/g,
    ))
      for (const method of [m[1], m[2]].filter(Boolean))
        if (spec.scenario.method === method)
          problems.push(`the page calls ${code} to ${method} a bug; the snippet answers ${method}`);

    for (const api of SENDING_APIS)
      if (api.pattern.test(body) && !snippets[api.lang].text.includes(api.call))
        problems.push(`the page names ${api.call} for ${code}; the ${api.lang} snippet does not use it`);

    for (const lang of SNIPPET_LANGS) {
      const claim = new RegExp(`cannot send a ${code}`).test(snippets[lang].text);
      const named = SENDING_APIS.some((a) => a.lang === lang && a.pattern.test(body));
      if (claim && named)
        problems.push(`the ${lang} snippet says it cannot send ${code}; the page names how`);
    }

    expect(problems).toEqual([]);
  });

  it("reads the pages it checks (the rules fire where the pages say so)", () => {
    expect(NOT_FROM_ORIGIN.test(page(502).description)).toBe(true);
    expect(page(102).body).toMatch(SENDING_APIS[0]!.pattern);
    expect(/in\s+answer\s+to\s+`GET`/.test(page(201).body)).toBe(true);
    expect(/\breserved\b/.test(page(418).description)).toBe(true);
  });
});
