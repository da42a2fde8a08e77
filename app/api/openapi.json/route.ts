import { openApiDocument } from "@/lib/simulator/openapi";

export function GET(): Response {
  return Response.json(openApiDocument(), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" },
  });
}
