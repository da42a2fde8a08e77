import Link from "next/link";

import { NotFoundSuggestions } from "@/components/not-found-suggestions.client";
import { indexEntries, listCompareSlugs, readComparePage } from "@/lib/content";
import { HOME_PATH } from "@/lib/routes";

export default function NotFound() {
  return (
    <div>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3">
        There is no page here.{" "}
        <Link href={HOME_PATH} className="text-indigo-700 underline dark:text-indigo-300">
          The index
        </Link>{" "}
        lists every code we document, and “Jump to code” at the top finds one by number, name or keyword.
      </p>
      <NotFoundSuggestions
        codes={indexEntries().map(({ code, reason }) => ({ code, reason }))}
        comparisons={listCompareSlugs().flatMap((slug) => {
          const fm = readComparePage(slug)?.frontmatter;
          return fm ? [{ slug, title: fm.title }] : [];
        })}
      />
    </div>
  );
}
