/**
 * Every path the site links to or serves, built in one place, so a route is renamed with one edit.
 * Pages, components, the simulator, the API handlers and the tests build URLs with these.
 *
 * Reference pages are served at `/{code}` (a rewrite to `/code/{code}`, see next.config.ts), so
 * `codePath` is the public address and `/code/[code]` only the route's file name.
 */

/** The index of every code. */
export const HOME_PATH = "/";
export const COMPARE_INDEX_PATH = "/compare";
export const INSPECT_PATH = "/inspect";
export const SIMULATOR_DOCS_PATH = "/docs/simulator";
/** What the quick-jump searches (codes and comparisons), fetched when it is first opened. */
export const SEARCH_INDEX_PATH = "/search-index.json";

/** The index filtered by a query, e.g. `/?q=rate%20limit`. */
export function homeQueryPath(query: string): string {
  return query === "" ? HOME_PATH : `${HOME_PATH}?q=${encodeURIComponent(query)}`;
}

/** The simulator's route pattern as OpenAPI spells it. */
export const SIMULATOR_ROUTE = "/api/status/{code}";
export const SIMULATOR_PREFIX = "/api/status/";
export const INSPECT_API_PATH = "/api/inspect";
export const CODES_API_PATH = "/api/codes";
export const OPENAPI_PATH = "/api/openapi.json";

/** A code's reference page, e.g. `/404`. */
export function codePath(code: number): string {
  return `/${code}`;
}

/** The index, scrolled to one class, e.g. `/#class-4xx`. */
export function classAnchorPath(cls: string): string {
  return `/#class-${cls}`;
}

/** A comparison page, e.g. `/compare/401-vs-403`. */
export function comparePath(slug: string): string {
  return `${COMPARE_INDEX_PATH}/${slug}`;
}

/**
 * The simulator for a code (or a weighted list such as `200:3,503:1`), with an optional query.
 * The code is percent-encoded unless it is plain digits, commas and colons.
 */
export function simulatorPath(code: number | string, query = ""): string {
  const text = String(code);
  const segment = /^[\d,:]*$/.test(text) ? text : encodeURIComponent(text);
  return `${SIMULATOR_PREFIX}${segment}${query}`;
}

/** The simulator's own account of what it would send (POST). */
export function describePath(code: number | string): string {
  return `${SIMULATOR_PREFIX}${encodeURIComponent(String(code))}/describe`;
}

/** One code in the registry's JSON API. */
export function codeApiPath(code: number | string): string {
  return `${CODES_API_PATH}/${encodeURIComponent(String(code))}`;
}
