import { oneCodeResponse } from "@/lib/api/codes";

export async function GET(_request: Request, context: RouteContext<"/api/codes/[code]">): Promise<Response> {
  const r = oneCodeResponse((await context.params).code);
  return new Response(r.body, { status: r.status, headers: r.headers });
}
