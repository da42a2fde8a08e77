/**
 * The committed constants table (lib/snippets/constants.json) is what the real libraries say: the
 * extraction script is re-run for every library present here (Node, Python, Go and Java at least;
 * Spring when the Spring proof's Maven cache is there, Rust when cargo has fetched the http crate)
 * and each table, with its version, must equal the committed one.
 */
import { execFileSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import committed from "@/lib/snippets/constants.json";
import { constantsFor } from "@/lib/snippets/constants";

type Table = { version: string; constants: Record<string, string[]> };

describe("language constants", () => {
  const fresh = JSON.parse(
    execFileSync("node", ["scripts/constants/extract.mjs", "--print"], {
      encoding: "utf8",
      timeout: 120_000,
    }),
  ) as Record<string, Table>;

  it("are extracted here for at least Node, Python, Go and Java", () => {
    expect(Object.keys(fresh)).toEqual(expect.arrayContaining(["node", "python", "go", "java"]));
  });

  it.each(Object.keys(fresh))("the committed %s table is the library's own", (lang) => {
    const mine = (committed as unknown as Record<string, Table>)[lang];
    expect({ lang, version: mine?.version }).toEqual({ lang, version: fresh[lang]?.version });
    expect(mine?.constants).toEqual(fresh[lang]?.constants);
  });

  it("a code a library has no constant for says so", () => {
    const rows = constantsFor(499);
    expect(rows.find((r) => r.lang === "go")?.expression).toBeNull();
    expect(constantsFor(404).find((r) => r.lang === "go")?.expression).toBe("http.StatusNotFound");
    expect(constantsFor(418).find((r) => r.lang === "java")?.expression).toBeNull();
  });
}, 180_000);
