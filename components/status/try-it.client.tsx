"use client";

import { useSyncExternalStore } from "react";

import { CopyButton } from "@/components/copy-button.client";

const subscribe = () => () => {};

/** The simulator URL for a code, absolute to the running site, with copy buttons and a curl example. */
export function TryItUrls({ path }: { path: string }) {
  // The origin is only known in the browser; the server renders the path alone.
  const origin = useSyncExternalStore(subscribe, () => window.location.origin, () => "");
  const url = `${origin}${path}`;
  const curl = `curl -i ${url}`;
  return (
    <div className="space-y-3">
      <div>
        <p id="sim-url-label" className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Simulator URL
        </p>
        <div className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-950">
          <code data-testid="simulator-url" aria-labelledby="sim-url-label" className="min-w-0 flex-1 overflow-x-auto font-mono text-sm whitespace-nowrap">
            {url}
          </code>
          <CopyButton value={url} label="Copy simulator URL" />
        </div>
      </div>
      <div>
        <p id="curl-label" className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          With curl
        </p>
        <div className="flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-900 p-2 text-slate-100 dark:border-slate-700">
          <code data-testid="curl-example" aria-labelledby="curl-label" className="min-w-0 flex-1 overflow-x-auto font-mono text-sm whitespace-nowrap">
            {curl}
          </code>
          <CopyButton value={curl} label="Copy curl command" />
        </div>
      </div>
    </div>
  );
}
