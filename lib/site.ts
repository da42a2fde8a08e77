/**
 * The site's public origin, for canonical URLs, og:url, the sitemap and robots.txt, and as the origin
 * rendered into the HTML of copyable examples (the browser swaps in the origin it is reading from).
 *
 * Set SITE_URL (an http or https origin, no path) when building for deployment: the pages are static, so
 * it is baked in at build time. Unset, the site says what it is by default, a local server on
 * http://127.0.0.1:3000, and `next build` warns. A malformed SITE_URL fails the build with the reason.
 */
export const LOCAL_SITE_URL = "http://127.0.0.1:3000";

export function parseSiteUrl(value: string | undefined): string {
  if (value === undefined || value.trim() === "") return LOCAL_SITE_URL;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `SITE_URL must be an absolute http(s) origin such as https://example.com; got ${JSON.stringify(value)}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`SITE_URL must use http or https; got ${JSON.stringify(value)}`);
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== ""))
    throw new Error(
      `SITE_URL must be an origin only (no path, query, fragment or credentials); got ${JSON.stringify(value)}`,
    );
  return url.origin;
}

export function siteUrl(): string {
  return parseSiteUrl(process.env.SITE_URL);
}

/** The site's Open Graph image (app/opengraph-image.tsx), named by every page's own openGraph block. */
export const OG_IMAGE = {
  url: "/og-image.png",
  width: 1200,
  height: 630,
  alt: "statuscodes: every HTTP status code, explained and testable",
};
