import { searchIndex } from "@/lib/content";

export const dynamic = "force-static";

/**
 * What the quick-jump searches, as JSON: fetched the first time the palette opens, so pages do not
 * each carry every code's keywords in their HTML.
 */
export function GET(): Response {
  return Response.json(searchIndex(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
