import { describe, expect, it } from "vitest";

import { describeSimulation } from "./describe";

describe("describeSimulation", () => {
  it("says what the simulator sends, including what a browser would hide", () => {
    const r = describeSimulation("301", { method: "POST", headers: [["X-Trace", "1"]] });
    expect(r.status).toBe(200);
    const d = JSON.parse(r.body) as { status: number; headers: [string, string][]; body: string };
    expect(d.status).toBe(301);
    expect(d.headers).toContainEqual(["Location", "/api/status/200"]);
    expect(JSON.parse(d.body)).toMatchObject({ request: { method: "POST", headers: { "x-trace": "1" } } });
  });
  it("describes a 407 with its Proxy-Authenticate", () => {
    const d = JSON.parse(describeSimulation("407", {}).body) as {
      status: number;
      headers: [string, string][];
    };
    expect(d.status).toBe(407);
    expect(d.headers.map(([n]) => n)).toContain("Proxy-Authenticate");
  });
  it("rejects bad input with a 400 problem", () => {
    expect(describeSimulation("200", { method: "TRACE" }).status).toBe(400);
    expect(describeSimulation("200", null).status).toBe(400);
    expect(describeSimulation("200", { headers: [["bad name", "x"]] }).status).toBe(400);
  });
});
