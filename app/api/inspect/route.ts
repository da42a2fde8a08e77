/** POST /api/inspect: a thin adapter over lib/inspector/api. */
import { inspectRequest, methodNotAllowed, tooLarge, type ApiResult } from "@/lib/inspector/api";
import { MAX_INPUT_BYTES } from "@/lib/inspector/parse";

export const dynamic = "force-dynamic";

function send(r: ApiResult): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}

/** Reads at most the limit plus one byte, so a huge upload is refused without being buffered. */
async function readLimited(request: Request): Promise<{ text: string } | { over: number }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_INPUT_BYTES) return { over: declared };
  const reader = request.body?.getReader();
  if (!reader) return { text: "" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_INPUT_BYTES) {
      await reader.cancel();
      return { over: size };
    }
    chunks.push(value);
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

export async function POST(request: Request): Promise<Response> {
  const read = await readLimited(request);
  if ("over" in read) return send(tooLarge(read.over));
  return send(inspectRequest(request.headers.get("content-type"), read.text));
}

export function OPTIONS(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "POST, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "600",
    },
  });
}

export const GET = () => send(methodNotAllowed());
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
