"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { COMPARE_INDEX_PATH, INSPECT_PATH, SIMULATOR_DOCS_PATH } from "@/lib/routes";

const LINKS = [
  { href: COMPARE_INDEX_PATH, text: "Comparisons" },
  { href: INSPECT_PATH, text: "Inspector" },
  { href: SIMULATOR_DOCS_PATH, text: "Simulator API" },
] as const;

/** The site's section links; the current section is marked (aria-current and an underline). */
export function SiteNavLinks() {
  const path = usePathname() ?? "";
  return (
    <>
      {LINKS.map(({ href, text }) => {
        const current = path === href ? "page" : path.startsWith(`${href}/`) ? "true" : undefined;
        return (
          <Link
            key={href}
            href={href}
            aria-current={current}
            className={`px-1 text-sm hover:underline ${current ? "font-semibold underline decoration-2 underline-offset-4" : ""}`}
          >
            {text}
          </Link>
        );
      })}
    </>
  );
}
