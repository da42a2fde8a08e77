/** POST /api/inspect: a thin adapter over lib/inspector/api. */
import { inspectRequest, methodNotAllowed, tooLarge, type ApiResult } from "@/lib/inspector/api";
import { MAX_INPUT_BYTES } from "@/lib/inspector/parse";
import { readLimited } from "@/lib/http";

export const dynamic = "force-dynamic";

function send(r: ApiResult): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}

export async function POST(request: Request): Promise<Response> {
  let read: Awaited<ReturnType<typeof readLimited>>;
  try {
    read = await readLimited(request, MAX_INPUT_BYTES);
  } catch {
    // The client went away mid-upload: nobody is left to read an answer, and no stack is worth logging.
    return new Response(null, { status: 400, headers: { Connection: "close" } });
  }
  if (read.over) return send(tooLarge(read.bytes));
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
