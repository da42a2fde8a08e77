import type { Metadata } from "next";

import { OG_IMAGE } from "@/lib/site";

import { InspectorTool } from "@/components/inspector/inspector-tool.client";
import { INSPECT_PATH } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Inspect an HTTP response",
  description:
    "Paste a raw HTTP response and get every header, caching and correctness problem that breaks clients, each tied to its RFC section.",
  alternates: { canonical: INSPECT_PATH },
  openGraph: { images: [OG_IMAGE], url: INSPECT_PATH, title: "Inspect an HTTP response", type: "website" },
};

export default function InspectPage() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Inspect a response</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
        Paste an HTTP response, or build one with the form, to see what breaks clients and caches. It runs in
        your browser: nothing you paste is sent anywhere, and the link to your findings carries the response
        in its # fragment. For CI, POST the same text (or JSON) to <code>/api/inspect</code>.
      </p>
      <div className="mt-6">
        <InspectorTool />
      </div>
    </div>
  );
}
