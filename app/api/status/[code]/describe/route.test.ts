import { describe, expect, it } from "vitest";

import { DESCRIBE_MAX_BYTES } from "@/lib/limits";

import { POST } from "./route";

/** A request body that never ends on its own, counting how many bytes the handler pulled from it. */
function endlessBody(chunkBytes = 16 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (cancelled) return;
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled };
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request("http://127.0.0.1/api/status/200/describe", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ code: "200" }) });
}

describe("POST /api/status/{code}/describe body limit", () => {
  it("stops reading an endless body at the limit and answers 413 problem+json", async () => {
    const body = endlessBody();
    const res = await post(body.stream);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("connection")).toBe("close");
    const problem = (await res.json()) as { status: number; "invalid-params": { name: string }[] };
    expect(problem.status).toBe(413);
    expect(problem["invalid-params"][0]?.name).toBe("body");
    // The stream is pulled ahead by at most a few chunks of queue: never far past the limit.
    expect(body.pulled()).toBeLessThanOrEqual(DESCRIBE_MAX_BYTES + 4 * 16 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const body = endlessBody();
    const res = await post(body.stream, { "content-length": String(200 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(4 * 16 * 1024);
  });

  it("still describes a request within the limit", async () => {
    const res = await post(JSON.stringify({ method: "GET", headers: [["Accept", "text/plain"]] }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: number }).status).toBe(200);
  });

  it("answers a body of exactly the limit, and 413 one byte over", async () => {
    const json = JSON.stringify({ method: "GET", query: "" });
    const exact = json + " ".repeat(DESCRIBE_MAX_BYTES - json.length);
    expect((await post(exact)).status).toBe(200);
    expect((await post(exact + " ")).status).toBe(413);
  });
});
