/**
 * `/api/status/{code}`: a thin adapter from Next's Request/Response to the pure simulator in lib/.
 * Every method the simulator answers is exported, so Next never substitutes its own 405 or OPTIONS.
 */
import { simulate } from "@/lib/simulator";
import { toSimRequest, toWebResponse } from "@/lib/simulator/web";

export const dynamic = "force-dynamic";

// `next start` adds these to every request it hands a route handler; the client did not send them.
const NEXT_ADDED_HEADERS = new Set(["x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto"]);

type Context = { params: Promise<{ code: string }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const { code } = await context.params;
  return toWebResponse(simulate(toSimRequest(request, code, { dropHeaders: NEXT_ADDED_HEADERS })));
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
