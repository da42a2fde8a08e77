/** The site's public origin, for canonical URLs and the sitemap. Set SITE_URL when deploying. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
}
