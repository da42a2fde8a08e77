import { describe, expect, it } from "vitest";

import { findings, type CheckCase, runCheckCases } from "../test-util";

const APP = "https://app.example";
const FROM_APP = (headers: [string, string][] = []) => ({
  method: "GET",
  url: "https://api.example/items",
  headers: [["Origin", APP], ...headers] as [string, string][],
});
const PREFLIGHT = {
  method: "OPTIONS",
  url: "https://api.example/items",
  headers: [
    ["Origin", APP],
    ["Access-Control-Request-Method", "PUT"],
  ] as [string, string][],
};
const ACAO = (v: string): [string, string] => ["Access-Control-Allow-Origin", v];
const CREDS: [string, string] = ["Access-Control-Allow-Credentials", "true"];

const CASES: CheckCase[] = [
  {
    id: "cors.acao-syntax",
    severity: "error",
    bad: { status: 200, headers: [ACAO("https://a.example, https://b.example")] },
    good: { status: 200, headers: [ACAO(APP)] },
  },
  {
    id: "cors.acao-syntax",
    severity: "error",
    bad: { status: 200, headers: [ACAO("*"), ACAO(APP)] },
    good: { status: 200, headers: [ACAO("*")] },
  },
  {
    id: "cors.acao-syntax",
    severity: "error",
    bad: { status: 200, headers: [ACAO("https://app.example/")] },
    good: { status: 200, headers: [ACAO("http://localhost:3000")] },
  },
  {
    id: "cors.acao-syntax",
    severity: "error",
    bad: { status: 200, headers: [ACAO("app.example")] },
    good: { status: 200, headers: [ACAO("null")] },
  },
  {
    id: "cors.acao-syntax",
    severity: "error",
    bad: { status: 200, headers: [ACAO("https://App.example")] },
    good: { status: 200, headers: [] },
  },
  {
    id: "cors.wildcard-with-credentials",
    severity: "error",
    bad: { status: 200, headers: [ACAO("*"), CREDS] },
    good: { status: 200, headers: [ACAO(APP), CREDS] },
  },
  {
    id: "cors.wildcard-with-credentials",
    severity: "warning",
    bad: { status: 200, headers: [ACAO("null"), CREDS] },
    good: { status: 200, headers: [ACAO("null")] },
  },
  {
    id: "cors.wildcard-with-credentials",
    severity: "warning",
    bad: { status: 204, headers: [ACAO(APP), CREDS, ["Access-Control-Allow-Headers", "*"]] },
    good: { status: 204, headers: [ACAO("*"), ["Access-Control-Allow-Headers", "*"]] },
  },
  {
    id: "cors.acac-value",
    severity: "error",
    bad: { status: 200, headers: [ACAO(APP), ["Access-Control-Allow-Credentials", "True"]] },
    good: { status: 200, headers: [ACAO(APP), CREDS] },
  },
  {
    id: "cors.acac-value",
    severity: "error",
    bad: { status: 200, headers: [ACAO(APP), ["Access-Control-Allow-Credentials", "false"]] },
    good: { status: 200, headers: [ACAO(APP)] },
  },
  {
    id: "cors.reflected-with-credentials",
    severity: "warning",
    bad: { status: 200, headers: [ACAO(APP), CREDS, ["Vary", "Origin"]], request: FROM_APP() },
    good: { status: 200, headers: [ACAO(APP), ["Vary", "Origin"]], request: FROM_APP() },
  },
  {
    id: "cors.vary-origin",
    severity: "warning",
    bad: { status: 200, headers: [ACAO(APP)], request: FROM_APP() },
    good: { status: 200, headers: [ACAO(APP), ["Vary", "Accept-Encoding, Origin"]], request: FROM_APP() },
  },
  {
    id: "cors.vary-origin",
    severity: "warning",
    bad: { status: 200, headers: [ACAO(APP), ["Cache-Control", "max-age=60"]], request: FROM_APP() },
    good: { status: 200, headers: [ACAO(APP), ["Cache-Control", "no-store"]], request: FROM_APP() },
  },
  {
    id: "cors.origin-mismatch",
    severity: "info",
    bad: { status: 200, headers: [ACAO("https://other.example")], request: FROM_APP() },
    good: { status: 200, headers: [ACAO(APP)], request: FROM_APP() },
  },
  {
    id: "cors.origin-mismatch",
    severity: "info",
    bad: { status: 200, headers: [ACAO("*")], request: FROM_APP([["Cookie", "sid=1"]]) },
    good: { status: 200, headers: [ACAO("*")], request: FROM_APP() },
  },
  {
    id: "cors.origin-mismatch",
    severity: "info",
    bad: {
      status: 200,
      headers: [ACAO("https://other.example")],
      request: { method: "POST", url: "https://api.example/items", headers: [["Origin", APP]] },
    },
    // Same-origin: the browser sends Origin on a POST but applies no CORS check.
    good: {
      status: 200,
      headers: [ACAO("https://other.example")],
      request: { method: "POST", url: `${APP}/items`, headers: [["Origin", APP]] },
    },
  },
  {
    id: "cors.preflight-headers-misplaced",
    severity: "info",
    bad: {
      status: 200,
      headers: [ACAO("*"), ["Access-Control-Allow-Methods", "GET, PUT"], ["Access-Control-Max-Age", "600"]],
      request: FROM_APP(),
    },
    good: {
      status: 204,
      headers: [ACAO("*"), ["Access-Control-Allow-Methods", "GET, PUT"], ["Access-Control-Max-Age", "600"]],
      request: PREFLIGHT,
    },
  },
  {
    id: "cors.max-age",
    severity: "error",
    bad: { status: 204, headers: [["Access-Control-Max-Age", "-1"]] },
    good: { status: 204, headers: [["Access-Control-Max-Age", "600"]] },
  },
  {
    id: "cors.max-age",
    severity: "error",
    bad: { status: 204, headers: [["Access-Control-Max-Age", "10 minutes"]] },
    good: { status: 204, headers: [["Access-Control-Max-Age", "0"]] },
  },
  {
    id: "cors.max-age",
    severity: "info",
    bad: { status: 204, headers: [["Access-Control-Max-Age", "86400"]] },
    good: { status: 204, headers: [["Access-Control-Max-Age", "7200"]] },
  },
];

runCheckCases(CASES);

describe("CORS findings", () => {
  it("name the header they are about", () => {
    expect(
      findings({ status: 200, headers: [ACAO("*"), CREDS] }, "cors.wildcard-with-credentials")[0]?.subject,
    ).toBe("Access-Control-Allow-Origin");
    expect(
      findings({ status: 200, headers: [ACAO(APP)], request: FROM_APP() }, "cors.vary-origin")[0]?.subject,
    ).toBe("Vary");
    expect(
      findings(
        { status: 204, headers: [ACAO(APP), CREDS, ["Access-Control-Allow-Methods", "*"]] },
        "cors.wildcard-with-credentials",
      )[0]?.subject,
    ).toBe("Access-Control-Allow-Methods");
  });

  it("list every preflight-only header found outside a preflight", () => {
    const [f] = findings(
      {
        status: 200,
        headers: [
          ["Access-Control-Allow-Headers", "x-a"],
          ["Access-Control-Max-Age", "5"],
        ],
        request: FROM_APP(),
      },
      "cors.preflight-headers-misplaced",
    );
    expect(f?.title).toContain("Access-Control-Allow-Headers");
    expect(f?.title).toContain("Access-Control-Max-Age");
  });
});

describe("checks that need the request", () => {
  it("say nothing when only the response is known", () => {
    const headers: [string, string][] = [
      ACAO("https://other.example"),
      CREDS,
      ["Access-Control-Allow-Methods", "GET"],
    ];
    for (const id of [
      "cors.reflected-with-credentials",
      "cors.vary-origin",
      "cors.origin-mismatch",
      "cors.preflight-headers-misplaced",
    ]) {
      expect(findings({ status: 200, headers }, id)).toEqual([]);
    }
  });
});

describe("our simulator's responses", () => {
  const simulated: [string, string][] = [
    ["Content-Type", "application/json"],
    ["Cache-Control", "no-store"],
    ["X-Content-Type-Options", "nosniff"],
    ACAO("*"),
    ["Access-Control-Expose-Headers", "Date, Vary, X-Simulated-Status"],
  ];

  it("raise no CORS error or warning, with or without the request", () => {
    for (const c of [
      { status: 200, headers: simulated, body: "{}" },
      { status: 200, headers: simulated, body: "{}", request: FROM_APP() },
      {
        status: 204,
        headers: [
          ACAO("*"),
          ["Access-Control-Allow-Methods", "GET, PUT"],
          ["Access-Control-Allow-Headers", "authorization"],
          ["Access-Control-Max-Age", "600"],
          ["Cache-Control", "no-store"],
        ] as [string, string][],
        request: PREFLIGHT,
      },
    ]) {
      expect(findings(c, "cors.*").filter((f) => f.severity !== "info")).toEqual([]);
    }
  });
});
