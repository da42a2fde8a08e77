import { oneCodeResponse } from "@/lib/api/codes";

export async function GET(
  _request: Request,
  context: { params: Promise<{ code: string }> },
): Promise<Response> {
  const r = oneCodeResponse((await context.params).code);
  return new Response(r.body, { status: r.status, headers: r.headers });
}
