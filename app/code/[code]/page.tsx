import type { Metadata } from "next";

import { OG_IMAGE } from "@/lib/site";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Breadcrumb } from "@/components/breadcrumb";

import { CodeChip, LifecycleBadge } from "@/components/status-badge";
import { StatusMdx } from "@/components/status-mdx";
import { ReviewFacts } from "@/components/status/review-facts";
import { TryAside } from "@/components/status/try-aside";
import { UnassignedCodePage } from "@/components/status/unassigned-code";
import { comparisonsFor, listContentCodes, readStatusPage, sectionHeadings } from "@/lib/content";
import { isUnassigned } from "@/lib/content/unassigned";
import { getStatus } from "@/lib/registry";
import { lifecycleBadge } from "@/lib/registry/sentences";
import { codePath, comparePath } from "@/lib/routes";

// Documented codes are prerendered; any other code in 100-599 (e.g. /432) renders its
// unassigned-code page on first request; everything else is the site's 404.
export const dynamicParams = true;

type Props = PageProps<"/code/[code]">;

export function generateStaticParams(): { code: string }[] {
  return listContentCodes()
    .filter((c) => getStatus(c) !== undefined)
    .map((c) => ({ code: String(c) }));
}

function load(code: string) {
  if (!/^\d{3}$/.test(code)) return undefined;
  const status = getStatus(Number(code));
  const page = status ? readStatusPage(status.code) : undefined;
  return status && page ? { status, page } : undefined;
}

/** A three-digit code nothing assigns, which gets the unassigned-code page. */
function unassigned(code: string): number | undefined {
  return /^\d{3}$/.test(code) && isUnassigned(Number(code)) ? Number(code) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const free = unassigned(code);
  if (free !== undefined)
    return {
      title: `${free}, an unassigned status code`,
      description: `${free} is not assigned by IANA; clients treat it as ${Math.floor(free / 100) * 100}. What that means, and how to test it.`,
      robots: { index: false },
    };
  const found = load(code);
  if (!found) return {};
  const { status, page } = found;
  const title = `${status.code} ${status.reason}`;
  return {
    title,
    description: page.frontmatter.description,
    keywords: page.frontmatter.keywords,
    alternates: { canonical: codePath(status.code) },
    openGraph: {
      images: [OG_IMAGE],
      url: codePath(status.code),
      title,
      description: page.frontmatter.description,
      type: "article",
    },
  };
}

export default async function StatusPage({ params }: Props) {
  const { code } = await params;
  const free = unassigned(code);
  if (free !== undefined) return <UnassignedCodePage code={free} />;
  const found = load(code);
  if (!found) notFound();
  const { status, page } = found;
  const comparisons = comparisonsFor(status.code);
  return (
    <article className="lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-x-10">
      <div className="lg:col-start-1">
        <Breadcrumb>
          <span>
            {status.class} {status.className}
          </span>
        </Breadcrumb>
        <header>
          <div className="flex flex-wrap items-center gap-3">
            <CodeChip code={status.code} cls={status.class} />
            <LifecycleBadge lifecycle={status.lifecycle} title={lifecycleBadge(status).title} />
            {status.origin ? (
              <span className="text-sm text-slate-600 dark:text-slate-400">Origin: {status.origin}</span>
            ) : null}
          </div>
          <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">
            {status.code} {status.reason}
          </h1>
          {status.formerReasons.length > 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Formerly: {status.formerReasons.join("; ")}
            </p>
          ) : null}
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300" data-testid="lead">
            {page.frontmatter.description}
          </p>
          {comparisons.length > 0 ? (
            <p className="mt-3 text-sm" data-testid="comparison-links">
              Side by side:{" "}
              {comparisons.map((c, i) => (
                <span key={c.slug}>
                  {i > 0 ? ", " : null}
                  <Link href={comparePath(c.slug)} className="text-indigo-700 underline dark:text-indigo-300">
                    {c.title}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </header>
      </div>
      <TryAside code={status.code} headings={sectionHeadings(page.body)} />
      <div className="min-w-0 lg:col-start-1">
        <StatusMdx page={page} status={status} />
        <ReviewFacts page={page} status={status} />
      </div>
    </article>
  );
}
