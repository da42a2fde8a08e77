import type { Metadata } from "next";

import { CodeIndex } from "@/components/code-index.client";
import { indexEntries } from "@/lib/content";
import { OG_IMAGE } from "@/lib/site";

export const metadata: Metadata = {
  alternates: { canonical: "/" },
  openGraph: {
    images: [OG_IMAGE],
    url: "/",
    title: "statuscodes: every HTTP status code, explained and testable",
    type: "website",
  },
};

export default function HomePage() {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">HTTP status codes</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        What each code really means, which headers it needs, how caches and clients treat it, and a live
        simulator URL you can put in your tests. Registered codes from the IANA registry, and the unofficial
        ones you meet in the wild.
      </p>
      <CodeIndex entries={indexEntries()} />
    </div>
  );
}
