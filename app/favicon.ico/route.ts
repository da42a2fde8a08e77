import { readFileSync } from "node:fs";
import path from "node:path";

export const dynamic = "force-static";

/** Clients that ask for /favicon.ico without reading the page get the same icon as <link rel="icon">. */
export function GET(): Response {
  const svg = readFileSync(path.join(process.cwd(), "app", "icon.svg"));
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" },
  });
}
