import { describe, expect, it } from "vitest";

import { listCodesResponse, oneCodeResponse } from "./codes";

const ct = (r: { headers: [string, string][] }) => r.headers.find(([n]) => n === "Content-Type")?.[1];

describe("/api/codes", () => {
  it("lists every code with its facts", () => {
    const res = listCodesResponse();
    expect(res.status).toBe(200);
    expect(ct(res)).toBe("application/json");
    const body = JSON.parse(res.body) as {
      count: number;
      codes: { code: number; reason: string; page: string }[];
    };
    expect(body.count).toBe(89);
    expect(body.codes.find((c) => c.code === 404)).toMatchObject({
      reason: "Not Found",
      page: "/404",
      heuristicallyCacheable: true,
    });
  });
  it("returns one code", () => {
    const res = oneCodeResponse("401");
    expect(JSON.parse(res.body)).toMatchObject({
      code: 401,
      requiredHeaders: ["WWW-Authenticate"],
      simulator: "/api/status/401",
    });
  });
  it("answers 404 problem+json for a valid but undocumented code, 400 for a bad one", () => {
    const missing = oneCodeResponse("299");
    expect(missing.status).toBe(404);
    expect(ct(missing)).toBe("application/problem+json");
    expect(JSON.parse(missing.body)).toMatchObject({ status: 404, title: "Not Found" });
    const bad = oneCodeResponse("abc");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400, "invalid-params": [{ name: "code" }] });
  });
});
