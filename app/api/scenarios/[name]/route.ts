/**
 * `/api/scenarios/{name}` under Next (npm run dev): the same answers as the site's own server gives,
 * for the in-memory scenarios of this process.
 */
import { defaultScenarioEngine } from "@/lib/scenarios";
import { scenarioApi } from "@/lib/scenarios/api";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const { name } = await context.params;
  const r = await scenarioApi(request.method, name, defaultScenarioEngine());
  const headers = new Headers();
  for (const [n, v] of r.headers) headers.append(n, v);
  const empty = r.status === 204 || request.method === "HEAD";
  return new Response(empty ? null : r.body, { status: r.status, headers });
}

export const GET = handle;
export const HEAD = handle;
export const DELETE = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
