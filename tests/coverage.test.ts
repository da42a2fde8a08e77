/**
 * Coverage of the rule book, as httplint's test/coverage.py does for its notes: every inspector
 * check is exercised by a test, every registry header rule the inspector can judge is judged, and
 * every header row the registry gives a code is sent by the simulator and by the snippets.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { CHECKS, inspect, type HeaderList } from "@/lib/inspector";
import { allStatuses, headerRows, type HeaderRule } from "@/lib/registry";
import { simulate } from "@/lib/simulator";
import { exampleRequest } from "@/lib/simulator/examples";
import { snippetSpec } from "@/lib/snippets/spec";

const ROOT = process.cwd();

function filesUnder(dir: string, test: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p, test);
    return test(p) ? [p] : [];
  });
}

describe("every inspector check is exercised by a test", () => {
  const inspectorDir = path.join(ROOT, "lib/inspector");
  const testText = filesUnder(inspectorDir, (f) => f.endsWith(".test.ts"))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");
  const sourceText = filesUnder(path.join(inspectorDir, "checks"), (f) => /(?<!\.test)\.ts$/.test(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");
  // Check ids, and the ids of the families some checks report under (`id: "..."` in a finding draft).
  const ids = new Set([
    ...CHECKS.map((c) => c.id),
    ...[...sourceText.matchAll(/\bid: "([a-z]+\.[a-z0-9.-]+)"/g)].map((m) => m[1] ?? ""),
  ]);

  it("knows the checks (the scan finds them)", () => {
    expect(ids.size).toBeGreaterThanOrEqual(CHECKS.length);
    expect(ids).toContain("cache.cc-invalid");
  });

  it.each([...ids])("%s is named by an inspector test", (id) => {
    expect(testText).toContain(`"${id}"`);
  });
});

const NOW = new Date(Date.UTC(2026, 0, 1));
const DATE: [string, string] = ["Date", NOW.toUTCString()];

/** A value for a header that a rule forbids, so its presence is what the inspector sees. */
const FORBIDDEN_VALUE: Record<string, string> = {
  "Content-Length": "2",
  "Transfer-Encoding": "chunked",
  "Content-Range": "bytes 0-1/10",
};

/** What else a response needs for the rule to apply (the rule's `when`). */
const SETUP: Record<string, { headers?: HeaderList; drop?: string[] }> = {
  // "whenever Upgrade is sent": Connection is then required.
  "101 MUST Connection": { headers: [["Upgrade", "websocket"]] },
  "426 MUST Connection": { headers: [["Upgrade", "TLS/1.3"]] },
  // The multipart form of a 206.
  "206 MUST NOT Content-Range": {
    headers: [["Content-Type", "multipart/byteranges; boundary=x"]],
    drop: ["Content-Type"],
  },
};

/** Rules whose condition a response does not show, so no inspector can judge them; each says why. */
const NOT_JUDGED: Record<string, string> = {
  "300 SHOULD Location": "only when the server has a preferred choice, which a response does not say",
  "413 SHOULD Retry-After": "only when the condition is temporary, which a response does not say",
  "415 MUST NOT Accept-Encoding":
    "only when the 415 is not about content codings, which a response does not say",
};

const key = (code: number, r: HeaderRule) => `${code} ${r.level} ${r.header}`;

/** The rules the inspector can be held to: one field, stated as a requirement (not advice or practice). */
const JUDGEABLE = allStatuses().flatMap((s) =>
  s.headerRules
    .filter(
      (r) =>
        /^[A-Za-z-]+$/.test(r.header) &&
        r.level !== "MAY" &&
        (r.basis === "keyword" || r.basis === "definition") &&
        r.header !== "Date" && // class-wide, judged by hdr.date
        r.header !== "Content-Type", // "when there is content": judged by body.content-type
    )
    .map((r) => ({ code: s.code, rule: r, contentAllowed: s.contentAllowed })),
);

function breaking(code: number, rule: HeaderRule, contentAllowed: boolean) {
  const setup = SETUP[key(code, rule)] ?? {};
  const drop = new Set([rule.header, ...(setup.drop ?? [])].map((h) => h.toLowerCase()));
  const base: HeaderList = [DATE, ["Content-Type", "application/json"]];
  const headers: HeaderList = [...base.filter(([n]) => !drop.has(n.toLowerCase())), ...(setup.headers ?? [])];
  if (rule.level.endsWith("NOT")) headers.push([rule.header, FORBIDDEN_VALUE[rule.header] ?? "x"]);
  return inspect({
    response: { status: code, headers, body: contentAllowed ? "{}" : "" },
    request: { method: code === 201 ? "POST" : "GET", headers: [] },
    now: NOW,
  });
}

describe("every registry rule the inspector can judge is judged", () => {
  it("has rules to judge", () => expect(JUDGEABLE.length).toBeGreaterThan(30));

  it.each(JUDGEABLE.map((j) => [key(j.code, j.rule), j] as const))(
    "%s",
    (name, { code, rule, contentAllowed }) => {
      const about = breaking(code, rule, contentAllowed).findings.filter(
        (f) =>
          f.id !== "status.explain" && // its title is the code's name ("226 IM Used")
          (f.subject === rule.header || new RegExp(`\\b${rule.header}\\b`).test(f.title)),
      );
      if (NOT_JUDGED[name]) {
        // Listed as not judgeable: if the inspector starts judging it, the list must lose it.
        expect(about, `${name} is judged now: remove it from NOT_JUDGED`).toEqual([]);
        return;
      }
      expect(
        about.length,
        `a ${code} that breaks "${name}" gets no finding about ${rule.header}`,
      ).toBeGreaterThan(0);
    },
  );

  it("lists no rule as not judged that the registry does not have", () => {
    const names = new Set(JUDGEABLE.map((j) => key(j.code, j.rule)));
    for (const name of [...Object.keys(NOT_JUDGED), ...Object.keys(SETUP)])
      expect(names, name).toContain(name);
  });
});

describe("every header row the registry gives a code reaches the simulator and the snippets", () => {
  const rows = allStatuses().flatMap((s) =>
    headerRows(s.code).map((r) => ({ code: s.code, header: r.header })),
  );

  it("has rows", () => expect(rows.length).toBeGreaterThan(15));

  it.each(rows.map((r) => [`${r.code} ${r.header}`, r] as const))("%s", (_, { code, header }) => {
    // The request a client would send to get this code (a Range for 206, ...).
    const sim = simulate({ ...exampleRequest(code, NOW), canSendInterim: true });
    // A 1xx row goes on the interim response the simulator sends before its final 200.
    const sent = code < 200 ? sim.interim.flatMap((i) => i.headers) : sim.headers;
    expect(
      sent.map(([n]) => n),
      "simulator",
    ).toContain(header);
    const spec = snippetSpec(code);
    // Codes only proxies send (407) get an application-side snippet, which answers something else.
    if (spec.flow.kind === "app-side") return;
    const declared = spec.flow.kind === "interim" ? spec.flow.interimHeaders : spec.answer.headers;
    expect(
      declared.map(([n]) => n),
      "snippet",
    ).toContain(header);
  });
});
