import { listCodesResponse } from "@/lib/api/codes";

export function GET(): Response {
  const r = listCodesResponse();
  return new Response(r.body, { status: r.status, headers: r.headers });
}
