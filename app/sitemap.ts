import type { MetadataRoute } from "next";

import { listCompareSlugs, listContentCodes } from "@/lib/content";
import { siteUrl } from "@/lib/site";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  return [
    { url: `${base}/` },
    { url: `${base}/compare` },
    { url: `${base}/inspect` },
    { url: `${base}/docs/simulator` },
    ...listContentCodes().map((c) => ({ url: `${base}/${c}` })),
    ...listCompareSlugs().map((s) => ({ url: `${base}/compare/${s}` })),
  ];
}
