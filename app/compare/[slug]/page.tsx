import type { Metadata } from "next";

import { OG_IMAGE } from "@/lib/site";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";

import { Breadcrumb } from "@/components/breadcrumb";

import { MdxContent } from "@/components/mdx-content";
import { ComparisonTable } from "@/components/status/comparison-table";
import { listCompareSlugs, readComparePage } from "@/lib/content";
import { getStatus, type StatusInfo } from "@/lib/registry";
import { COMPARE_INDEX_PATH, comparePath } from "@/lib/routes";
import { resolveCompareSlug } from "@/lib/search";

// Other orders of a pair (403-vs-401) are rendered on demand, as a permanent redirect to our slug.
export const dynamicParams = true;

type Props = PageProps<"/compare/[slug]">;

export function generateStaticParams(): { slug: string }[] {
  return listCompareSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = readComparePage((await params).slug);
  if (!page) return {};
  const { title, description, slug } = page.frontmatter;
  return {
    title,
    description,
    alternates: { canonical: comparePath(slug) },
    openGraph: { images: [OG_IMAGE], url: comparePath(slug), title, description, type: "article" },
  };
}

export default async function ComparePage({ params }: Props) {
  const slug = (await params).slug;
  const page = readComparePage(slug);
  if (!page) {
    const meant = resolveCompareSlug(slug, listCompareSlugs());
    if (meant) permanentRedirect(comparePath(meant));
    notFound();
  }
  const statuses = page.frontmatter.codes
    .map((c) => getStatus(c))
    .filter((s): s is StatusInfo => s !== undefined);
  return (
    <article>
      <Breadcrumb>
        <Link href={COMPARE_INDEX_PATH} className="hover:underline">
          Comparisons
        </Link>
      </Breadcrumb>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{page.frontmatter.title}</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{page.frontmatter.description}</p>
      <div className="max-w-3xl">
        <MdxContent
          source={page.body}
          extra={{ ComparisonTable: () => <ComparisonTable statuses={statuses} /> }}
        />
      </div>
    </article>
  );
}
