import { evaluate } from "@mdx-js/mdx";
import type { MDXComponents } from "mdx/types";
import Link from "next/link";
import { isValidElement, type ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";

import { CodeBlock } from "@/components/code-block";

import remarkCiteLinks from "@/lib/content/cite-links";
import { slugify } from "@/lib/slug";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

const baseComponents: MDXComponents = {
  h2: ({ children }) => {
    const text = textOf(children);
    const id = slugify(text);
    return (
      <h2
        id={id}
        className="group mt-10 mb-3 scroll-mt-4 border-b border-slate-200 pb-1 text-2xl font-semibold dark:border-slate-700"
      >
        {children}
        <a
          href={`#${id}`}
          aria-label={`Link to section: ${text}`}
          className="ml-2 text-slate-400 no-underline opacity-0 group-hover:opacity-100 focus:opacity-100 dark:text-slate-500"
        >
          #
        </a>
      </h2>
    );
  },
  h3: ({ children }) => (
    <h3 id={slugify(textOf(children))} className="mt-6 mb-2 scroll-mt-4 text-lg font-semibold">
      {children}
    </h3>
  ),
  p: ({ children }) => <p className="my-3 leading-7">{children}</p>,
  ul: ({ children }) => <ul className="my-3 list-disc space-y-1.5 pl-6 leading-7">{children}</ul>,
  ol: ({ children }) => <ol className="my-3 list-decimal space-y-1.5 pl-6 leading-7">{children}</ol>,
  a: ({ href, children }) =>
    href?.startsWith("/") ? (
      <Link
        href={href}
        className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700 dark:text-indigo-300"
      >
        {children}
      </Link>
    ) : (
      <a
        href={href}
        className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700 dark:text-indigo-300"
      >
        {children}
      </a>
    ),
  code: ({ children }) => (
    <code className="rounded bg-slate-100 px-1 py-0.5 text-[0.9em] dark:bg-slate-800">{children}</code>
  ),
  pre: ({ children }) => {
    if (isValidElement<{ className?: string; children?: ReactNode }>(children)) {
      const lang = /language-(\S+)/.exec(children.props.className ?? "")?.[1];
      return <CodeBlock code={textOf(children.props.children)} lang={lang} />;
    }
    return <pre>{children}</pre>;
  },
  table: ({ children }) => (
    <div className="my-4 overflow-x-auto">
      <table className="w-full text-left text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => (
    <th className="border-b border-slate-300 px-3 py-2 dark:border-slate-600">{children}</th>
  ),
  td: ({ children }) => (
    <td className="border-b border-slate-200 px-3 py-2 dark:border-slate-700">{children}</td>
  ),
};

/** Compiles MDX (at build time: the pages are static) and renders it with the site's element styles plus `extra`. */
export async function MdxContent({ source, extra }: { source: string; extra: MDXComponents }) {
  const { default: Content } = await evaluate(source, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkCiteLinks],
    baseUrl: import.meta.url,
  });
  return <Content components={{ ...baseComponents, ...extra }} />;
}
