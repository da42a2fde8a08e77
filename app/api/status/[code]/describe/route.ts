/** POST /api/status/{code}/describe: what the simulator sends for a request, as JSON (see lib/simulator/describe). */
import { describeSimulation } from "@/lib/simulator/describe";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: RouteContext<"/api/status/[code]/describe">,
): Promise<Response> {
  const { code } = await context.params;
  let payload: unknown = {};
  const text = await request.text();
  if (text.length > 64 * 1024) payload = null;
  else if (text.trim() !== "") {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  const r = describeSimulation(code, payload);
  return new Response(r.body, { status: r.status, headers: r.headers });
}
