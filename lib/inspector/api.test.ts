import { describe, expect, it } from "vitest";

import { inspectRequest, methodNotAllowed } from "./api";

const body = (r: { body: string }) => JSON.parse(r.body) as Record<string, unknown>;
const type = (r: { headers: [string, string][] }) => r.headers.find(([n]) => n === "Content-Type")?.[1];

describe("POST /api/inspect", () => {
  it("inspects a raw response", () => {
    const r = inspectRequest(
      "text/plain",
      "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n{}",
    );
    expect(r.status).toBe(200);
    expect(type(r)).toBe("application/json");
    const ids = (body(r).findings as { id: string; severity: string }[]).map((f) => f.id);
    expect(ids).toContain("hdr.auth-challenge");
    expect(ids).toContain("hdr.date");
  });

  it("inspects the JSON form, with the request", () => {
    const r = inspectRequest(
      "application/json",
      JSON.stringify({
        response: { status: 405, headers: [["Allow", "GET, POST"]] },
        request: { method: "post", headers: {} },
      }),
    );
    expect(r.status).toBe(200);
    const found = body(r).findings as { id: string }[];
    expect(found.map((f) => f.id)).toContain("status.405-method-allowed");
  });

  it("answers 400 problem+json for malformed input, saying what was wrong", () => {
    const raw = inspectRequest("text/plain", "hello there");
    expect(raw.status).toBe(400);
    expect(type(raw)).toBe("application/problem+json");
    expect(body(raw)).toMatchObject({ status: 400, title: "Bad Request" });
    expect(String(body(raw).detail)).toMatch(/status line/);

    const json = inspectRequest("application/json", "{not json");
    expect(json.status).toBe(400);
    const schema = inspectRequest("application/json", JSON.stringify({ response: { status: "200" } }));
    expect(schema.status).toBe(400);
    expect(body(schema)["invalid-params"]).toEqual([expect.objectContaining({ name: "response.status" })]);
    const badHeader = inspectRequest("text/plain", "HTTP/1.1 200 OK\nBad Header: x\n\n");
    expect(badHeader.status).toBe(400);
    expect(String(body(badHeader).detail)).toMatch(/not a valid field name/);
  });

  it("answers 413 for oversized input and 415 for other media types", () => {
    const big = inspectRequest("text/plain", `HTTP/1.1 200 OK\n\n${"a".repeat(70_000)}`);
    expect(big.status).toBe(413);
    expect(type(big)).toBe("application/problem+json");
    const other = inspectRequest("application/xml", "<x/>");
    expect(other.status).toBe(415);
  });

  it("answers 405 with Allow for other methods", () => {
    const r = methodNotAllowed();
    expect(r.status).toBe(405);
    expect(r.headers).toContainEqual(["Allow", "POST, OPTIONS"]);
  });
});
