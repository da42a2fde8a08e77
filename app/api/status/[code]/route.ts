/**
 * `/api/status/{code}`: a thin adapter from Next's Request/Response to the pure simulator in lib/.
 * Every method the simulator answers is exported, so Next never substitutes its own 405 or OPTIONS.
 */
import { processRuntime } from "@/lib/simulator/runtime";
import { toSimRequest, toWebResponse } from "@/lib/simulator/web";

export const dynamic = "force-dynamic";

// `next start` adds these to every request it hands a route handler; the client did not send them.
const NEXT_ADDED_HEADERS = new Set([
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
]);

// One per process, shared with the fast path: seed sequences, scenarios and the cap on delays.
const runtime = processRuntime();

type Context = RouteContext<"/api/status/[code]">;

async function handle(request: Request, context: Context): Promise<Response> {
  const { code } = await context.params;
  return toWebResponse(
    await runtime.answer(await toSimRequest(request, code, { dropHeaders: NEXT_ADDED_HEADERS }), {
      signal: request.signal,
    }),
  );
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
