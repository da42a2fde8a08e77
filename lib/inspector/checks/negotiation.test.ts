import { describe, expect, it } from "vitest";

import { findings, NOW_HTTP, type Case, type CheckCase, runCheckCases } from "../test-util";

const DATE: [string, string] = ["Date", NOW_HTTP];
/** A 200 without Cache-Control: heuristically cacheable, so caches may store it. */
const ok = (...headers: [string, string][]): Case => ({ status: 200, headers: [DATE, ...headers] });
const withAE = (c: Case, acceptEncoding: string | null): Case => ({
  ...c,
  request: { method: "GET", headers: acceptEncoding === null ? [] : [["Accept-Encoding", acceptEncoding]] },
});

const CASES: CheckCase[] = [
  { id: "neg.vary-star", severity: "warning", bad: ok(["Vary", "*"]), good: ok(["Vary", "Accept-Encoding"]) },
  {
    id: "neg.vary-star",
    severity: "warning",
    bad: ok(["Cache-Control", "max-age=600"], ["Vary", "Accept, *"]),
    good: ok(["Cache-Control", "no-store"], ["Vary", "*"]),
  },
  {
    id: "neg.vary-quality",
    severity: "warning",
    bad: ok(["Vary", "User-Agent"]),
    good: ok(["Vary", "Accept"]),
  },
  {
    id: "neg.vary-quality",
    severity: "warning",
    bad: ok(["Vary", "Accept Encoding"]),
    good: ok(["Vary", "Accept-Encoding"]),
  },
  { id: "neg.vary-quality", severity: "info", bad: ok(["Vary", "Host"]), good: ok(["Vary", "Origin"]) },
  {
    id: "neg.vary-quality",
    severity: "info",
    bad: ok(["Vary", "Accept"], ["Vary", "accept"]),
    good: ok(["Vary", "Accept"], ["Vary", "Origin"]),
  },
  {
    id: "neg.vary-quality",
    severity: "info",
    bad: ok(["Vary", "Accept, Accept-Language, Origin, Cookie"]),
    good: ok(["Vary", "Accept, Accept-Language, Origin"]),
  },
  {
    id: "neg.encoding-no-vary",
    severity: "warning",
    bad: ok(["Content-Encoding", "gzip"]),
    good: ok(["Content-Encoding", "gzip"], ["Vary", "Accept-Encoding"]),
  },
  {
    id: "neg.encoding-no-vary",
    severity: "warning",
    bad: ok(["Content-Encoding", "br"], ["Vary", "Origin"]),
    good: ok(["Content-Encoding", "br"], ["Cache-Control", "no-store"]),
  },
  {
    id: "neg.encoding-no-vary",
    severity: "warning",
    bad: ok(["Cache-Control", "private, max-age=60"], ["Content-Encoding", "zstd"]),
    good: ok(["Content-Encoding", "identity"]),
  },
  {
    id: "neg.encoding-unrequested",
    severity: "warning",
    bad: withAE(ok(["Content-Encoding", "br"]), "gzip, deflate"),
    good: withAE(ok(["Content-Encoding", "gzip"]), "gzip, deflate"),
  },
  {
    id: "neg.encoding-unrequested",
    severity: "warning",
    bad: withAE(ok(["Content-Encoding", "gzip"]), "gzip;q=0, *"),
    good: withAE(ok(["Content-Encoding", "gzip"]), "br;q=0, *"),
  },
  {
    id: "neg.encoding-unrequested",
    severity: "warning",
    bad: withAE(ok(["Content-Encoding", "gzip"]), ""),
    good: withAE(ok(["Content-Encoding", "gzip"]), null),
  },
  {
    id: "neg.encoding-unrequested",
    severity: "warning",
    bad: withAE(ok(["Content-Encoding", "gzip, br"]), "gzip"),
    good: withAE(ok(["Content-Encoding", "x-gzip"]), "GZIP;q=0.5"),
  },
];

runCheckCases(CASES, { requireSubject: true });

describe("Vary advice that only matters to caches", () => {
  it("is skipped when nothing may be stored", () => {
    expect(
      findings(ok(["Cache-Control", "no-store"], ["Vary", "User-Agent, Host"]), "neg.vary-quality"),
    ).toEqual([]);
    expect(findings({ status: 500, headers: [DATE, ["Vary", "User-Agent"]] }, "neg.vary-quality")).toEqual(
      [],
    );
  });
  it("still reports malformed Vary lists", () => {
    expect(
      findings(ok(["Cache-Control", "no-store"], ["Vary", "Accept Encoding"]), "neg.vary-quality")[0]
        ?.severity,
    ).toBe("warning");
  });
  it("says why Vary: * contradicts explicit freshness", () => {
    expect(
      findings(ok(["Cache-Control", "public, max-age=600"], ["Vary", "*"]), "neg.vary-star")[0]?.title,
    ).toBe("Vary: * contradicts max-age, public");
  });
});

describe("checks that need the request", () => {
  it("say nothing when only the response is known", () => {
    expect(findings(ok(["Content-Encoding", "br"]), "neg.encoding-unrequested")).toEqual([]);
  });
});
