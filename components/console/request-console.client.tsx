"use client";

import { useId, useState, useSyncExternalStore, type FormEvent } from "react";

import { CopyButton } from "@/components/copy-button.client";
import { FindingsList } from "@/components/inspector/findings-list";
import {
  CONSOLE_METHODS,
  canHaveBody,
  curlCommand,
  fetchCommand,
  hiddenNotes,
  parseHeaderLines,
  prettyBody,
  type ConsoleFacts,
  defaultRequestHeaders,
  type HiddenNote,
} from "@/lib/console";
import type { Finding, HeaderList } from "@/lib/inspector/types";
import { describePath, simulatorPath } from "@/lib/routes";

interface Seen {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string;
  ms: number;
  opaque: boolean;
}

interface ServerView {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string | null;
}

interface Outcome {
  seen: Seen | null;
  networkError: string | null;
  server: ServerView | null;
  findings: Finding[];
  findingsOf: "browser" | "server";
  notes: HiddenNote[];
  ignored: string[];
}

const subscribe = () => () => {};

/** Milliseconds since page load; only ever called from event handlers. */
function clock(): number {
  return performance.now();
}

function HeadersTable({ headers, caption }: { headers: HeaderList; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left font-mono text-xs">
        <caption className="sr-only">{caption}</caption>
        <tbody>
          {headers.map(([n, v], i) => (
            <tr key={`${n}-${i}`} className="align-top">
              <th scope="row" className="py-0.5 pr-3 font-semibold whitespace-nowrap">
                {n}
              </th>
              <td className="py-0.5 break-all">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Sends real requests to the simulator for one code and shows, then inspects, what came back. */
export function RequestConsole({ code, facts }: { code: number; facts: ConsoleFacts }) {
  const id = useId();
  const [method, setMethod] = useState<string>("GET");
  const [headersText, setHeadersText] = useState(() => defaultRequestHeaders(facts));
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const path = simulatorPath(code);
  const parsed = parseHeaderLines(headersText);
  const reqHeaders = parsed.ok ? parsed.headers : [];
  const sendsBody = canHaveBody(method) && body !== "";

  async function describeOnServer(): Promise<ServerView | null> {
    try {
      const r = await fetch(describePath(code), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ method, headers: reqHeaders }),
        credentials: "omit",
        cache: "no-store",
      });
      return r.ok ? ((await r.json()) as ServerView) : null;
    } catch {
      return null;
    }
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!parsed.ok) {
      setInputError(parsed.error);
      return;
    }
    setInputError(null);
    setBusy(true);
    let seen: Seen | null = null;
    let networkError: string | null = null;
    const started = clock();
    try {
      const res = await fetch(path, {
        method,
        headers: reqHeaders,
        body: sendsBody ? body : undefined,
        credentials: "omit",
        cache: "no-store",
        redirect: "manual",
      });
      const text = method === "HEAD" ? "" : await res.text();
      seen = {
        status: res.status,
        statusText: res.statusText,
        headers: [...res.headers.entries()],
        body: text,
        ms: Math.round(clock() - started),
        opaque: res.type === "opaqueredirect",
      };
    } catch (err) {
      networkError = err instanceof Error ? err.message : String(err);
    }
    const needServer = networkError !== null || seen?.opaque === true || code < 200;
    const server = needServer ? await describeOnServer() : null;
    const request = { method, headers: reqHeaders };
    // The Inspector (checks, registry, zod) loads on the first Send, not with the page.
    const { inspect } = await import("@/lib/inspector");
    let findings: Finding[] = [];
    let findingsOf: Outcome["findingsOf"] = "browser";
    if (server && (networkError !== null || seen?.opaque)) {
      findings = inspect({
        response: { status: server.status, headers: server.headers, body: server.body },
        request,
      }).findings;
      findingsOf = "server";
    } else if (seen) {
      findings = inspect({
        response: { status: seen.status, headers: seen.headers, body: seen.body },
        request,
      }).findings;
    }
    setOutcome({
      seen,
      networkError,
      server,
      findings,
      findingsOf,
      notes: hiddenNotes(code, method, seen?.status ?? null, facts),
      ignored: parsed.ignored,
    });
    setBusy(false);
  }

  const url = `${origin}${path}`;
  return (
    <div className="my-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700" data-testid="console">
      <form
        onSubmit={send}
        className="grid gap-3 sm:grid-cols-[8rem_1fr]"
        aria-label={`Request console for ${code}`}
      >
        <div>
          <label htmlFor={`${id}-method`} className="block text-sm font-medium">
            Method
          </label>
          <select
            id={`${id}-method`}
            value={method}
            onChange={(e) => setMethod(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
          >
            {CONSOLE_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div>
          <p className="text-sm font-medium">URL</p>
          <code className="mt-1 block overflow-x-auto rounded-md bg-slate-100 px-2 py-1.5 text-sm whitespace-nowrap dark:bg-slate-800">
            {url}
          </code>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-headers`} className="block text-sm font-medium">
            Request headers{" "}
            <span className="font-normal text-slate-600 dark:text-slate-400">
              (one “Name: value” per line)
            </span>
          </label>
          <textarea
            id={`${id}-headers`}
            value={headersText}
            onChange={(e) => setHeadersText(e.target.value)}
            rows={3}
            spellCheck={false}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-body`} className="block text-sm font-medium">
            Request body{" "}
            {canHaveBody(method) ? null : (
              <span className="font-normal text-slate-600 dark:text-slate-400">(not sent with {method})</span>
            )}
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
            spellCheck={false}
            disabled={!canHaveBody(method)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-indigo-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
          >
            {busy ? "Sending…" : "Send request"}
          </button>
          <CopyButton
            value={curlCommand(url, method, reqHeaders, body)}
            label="Copy as curl"
            text="Copy as curl"
          />
          <CopyButton
            value={fetchCommand(url, method, reqHeaders, body)}
            label="Copy as fetch"
            text="Copy as fetch"
          />
        </div>
        {inputError ? (
          <p role="alert" className="text-sm text-rose-800 sm:col-span-2 dark:text-rose-300">
            {inputError}
          </p>
        ) : null}
      </form>

      {outcome ? (
        <div className="mt-4 space-y-4" aria-live="polite" data-testid="console-result">
          {outcome.ignored.length > 0 ? (
            <p className="text-sm">
              Not sent (the browser controls these headers): {outcome.ignored.join(", ")}.
            </p>
          ) : null}
          {outcome.seen ? (
            <section aria-label="What the page received">
              <h3 className="text-base font-semibold">What the page received</h3>
              <p className="mt-1 font-mono text-sm" data-testid="console-status">
                {outcome.seen.opaque
                  ? "opaque redirect (status 0)"
                  : `${outcome.seen.status} ${outcome.seen.statusText}`.trim()}
                <span
                  className="ml-3 font-sans text-slate-600 dark:text-slate-400"
                  data-testid="console-time"
                >
                  {outcome.seen.ms} ms
                </span>
              </p>
              <HeadersTable headers={outcome.seen.headers} caption="Response headers" />
              {outcome.seen.body !== "" ? (
                <pre
                  className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800"
                  data-testid="console-body"
                >
                  {prettyBody(
                    outcome.seen.body,
                    outcome.seen.headers.find(([n]) => n === "content-type")?.[1] ?? null,
                  )}
                </pre>
              ) : (
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No body.</p>
              )}
            </section>
          ) : null}
          {outcome.networkError !== null ? (
            <p role="alert" className="text-sm text-rose-800 dark:text-rose-300">
              The browser gave the page no response (fetch failed: {outcome.networkError}).
            </p>
          ) : null}
          {outcome.notes.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="What the browser hid">
              {outcome.notes.map((n) => (
                <li key={n.kind}>{n.text}</li>
              ))}
            </ul>
          ) : null}
          {outcome.server ? (
            <section aria-label="What the server sent">
              <h3 className="text-base font-semibold">What the server sent</h3>
              <p className="mt-1 font-mono text-sm" data-testid="server-status">
                {outcome.server.status} {outcome.server.statusText}
              </p>
              <HeadersTable headers={outcome.server.headers} caption="Headers the server sent" />
            </section>
          ) : null}
          <section aria-label="Inspector findings">
            <h3 className="text-base font-semibold">
              Inspector{outcome.findingsOf === "server" ? " (on what the server sent)" : ""}
            </h3>
            <FindingsList findings={outcome.findings} label="Findings" />
          </section>
        </div>
      ) : null}
    </div>
  );
}
