import type { MetadataRoute } from "next";

import { listCompareSlugs, listContentCodes } from "@/lib/content";
import { LOCAL_SITE_URL, siteUrl } from "@/lib/site";
import {
  COMPARE_INDEX_PATH,
  HOME_PATH,
  INSPECT_PATH,
  SIMULATOR_DOCS_PATH,
  codePath,
  comparePath,
} from "@/lib/routes";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  if (base === LOCAL_SITE_URL)
    console.warn(
      "SITE_URL is not set: canonical URLs, og:url, sitemap.xml and robots.txt name " +
        `${LOCAL_SITE_URL}. Set SITE_URL to the public origin when building for deployment.`,
    );
  return [
    { url: `${base}${HOME_PATH}` },
    { url: `${base}${COMPARE_INDEX_PATH}` },
    { url: `${base}${INSPECT_PATH}` },
    { url: `${base}${SIMULATOR_DOCS_PATH}` },
    ...listContentCodes().map((c) => ({ url: `${base}${codePath(c)}` })),
    ...listCompareSlugs().map((s) => ({ url: `${base}${comparePath(s)}` })),
  ];
}
