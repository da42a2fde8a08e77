import type { MetadataRoute } from "next";

import { listCompareSlugs, listContentCodes } from "@/lib/content";
import { siteUrl } from "@/lib/site";
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
  return [
    { url: `${base}${HOME_PATH}` },
    { url: `${base}${COMPARE_INDEX_PATH}` },
    { url: `${base}${INSPECT_PATH}` },
    { url: `${base}${SIMULATOR_DOCS_PATH}` },
    ...listContentCodes().map((c) => ({ url: `${base}${codePath(c)}` })),
    ...listCompareSlugs().map((s) => ({ url: `${base}${comparePath(s)}` })),
  ];
}
