/** Any /api path no route serves: a 404 problem+json rather than the site's HTML 404 page. */
import { PROBLEM_JSON, problem } from "@/lib/problem";

export const dynamic = "force-dynamic";

function notFound(): Response {
  const body = problem(404, "No API endpoint at this path. See /api/openapi.json for the ones there are.");
  return new Response(JSON.stringify(body, null, 2), {
    status: 404,
    headers: { "Content-Type": PROBLEM_JSON, "Cache-Control": "no-store" },
  });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
