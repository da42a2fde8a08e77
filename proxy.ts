/**
 * Next's proxy (formerly middleware), for the one thing a route handler cannot do: Next answers a
 * method outside its seven (PROPFIND, QUERY, SEARCH, ...) with a bare 400 before any route handler
 * runs, so without the site's own server the simulator's real 405 with Allow is given here.
 * With `npm start`, /api/status/* never reaches Next (the fast path answers it) and this never runs.
 */
import type { NextRequest } from "next/server";

import { methodNotAllowed, SIMULATED_METHODS } from "@/lib/simulator";
import { toWebResponse } from "@/lib/simulator/web";

const SIMULATED: ReadonlySet<string> = new Set(SIMULATED_METHODS);

export function proxy(request: NextRequest): Response | undefined {
  if (SIMULATED.has(request.method.toUpperCase())) return undefined;
  const url = new URL(request.url);
  return toWebResponse(
    methodNotAllowed({
      method: request.method,
      url: url.pathname + url.search,
      code: "",
      headers: [...request.headers.entries()],
    }),
  );
}

// The simulator's own path only: /api/status/{code}, not /api/status/{code}/describe.
export const config = { matcher: "/api/status/:code" };
