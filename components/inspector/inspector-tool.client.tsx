"use client";

import { useEffect, useId, useState, type FormEvent } from "react";

import { CopyButton } from "@/components/copy-button.client";
import type { InspectResult } from "@/lib/inspector";
import type { PastedHop } from "@/lib/inspector/parse";
import { redactForShare } from "@/lib/redact";

import { FindingsList } from "./findings-list";

const EXAMPLE = `HTTP/1.1 401 Unauthorized
Content-Type: application/json
Cache-Control: public, max-age=600
Content-Length: 2

{}`;

/** The Inspector's input limit (lib/inspector/parse.ts MAX_INPUT_BYTES; a test keeps them equal). */
export const MAX_INPUT_BYTES = 64 * 1024;
/** A HAR file is read in the browser only, so it may be larger than what can be pasted or shared. */
const MAX_HAR_BYTES = 4 * 1024 * 1024;

interface HopResult {
  hop: PastedHop;
  result: InspectResult;
}

/** The checks and the parser load on first use, so /inspect paints without them. */
function loadInspector() {
  return Promise.all([import("@/lib/inspector/parse"), import("@/lib/inspector")]);
}

function formToRaw(status: string, headers: string, body: string): string {
  return `HTTP/1.1 ${status.trim()}\n${headers.trim()}\n\n${body}`;
}

/** Inspect a pasted response (or one built from the form); runs in the browser, shareable by URL. */
export function InspectorTool() {
  const id = useId();
  const [mode, setMode] = useState<"raw" | "form">("raw");
  const [raw, setRaw] = useState(EXAMPLE);
  const [status, setStatus] = useState("200");
  const [headers, setHeaders] = useState("Content-Type: application/json");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<HopResult[] | null>(null);
  const [needsStatus, setNeedsStatus] = useState(false);
  const [assumed, setAssumed] = useState("");
  const [shareUrl, setShareUrl] = useState("");
  // The link carries the input in its # fragment: credential values are left out unless asked.
  const [redact, setRedact] = useState(true);
  const [redacted, setRedacted] = useState<string[]>([]);
  const [inspected, setInspected] = useState("");

  function share(text: string, leaveOut: boolean) {
    const r = leaveOut ? redactForShare(text) : { text, redacted: [] };
    setRedacted(r.redacted);
    const url = new URL(window.location.href);
    url.hash = `raw=${encodeURIComponent(r.text)}`;
    setShareUrl(url.toString());
    window.history.replaceState(null, "", url);
  }

  async function run(text: string, opts: { file?: boolean } = {}) {
    const [{ parsePasted }, { inspect }] = await loadInspector();
    const code = /^\d{3}$/.test(assumed.trim()) ? Number(assumed.trim()) : undefined;
    const parsed = parsePasted(text, {
      ...(needsStatus && code !== undefined ? { status: code } : {}),
      ...(opts.file ? { maxBytes: MAX_HAR_BYTES } : {}),
    });
    if (!parsed.ok) {
      setError(parsed.errors.map((e) => e.reason).join(" "));
      setNeedsStatus(parsed.needsStatus === true);
      setResults(null);
      return;
    }
    setError(null);
    setResults(parsed.hops.map((hop) => ({ hop, result: inspect(hop.input) })));
    if (parsed.format !== "devtools-headers") setNeedsStatus(false);
    const shareable = new TextEncoder().encode(text).length <= MAX_INPUT_BYTES;
    setInspected(shareable ? text : "");
    if (shareable) share(text, redact);
    else setShareUrl("");
  }

  async function openHar(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_HAR_BYTES) {
      setError(`${file.name} is larger than ${MAX_HAR_BYTES / 1024 / 1024} MiB.`);
      setResults(null);
      return;
    }
    const text = await file.text();
    if (new TextEncoder().encode(text).length <= MAX_INPUT_BYTES) setRaw(text);
    setMode("raw");
    await run(text, { file: true });
  }

  useEffect(() => {
    const m = /^#raw=(.*)$/s.exec(window.location.hash);
    if (!m?.[1]) return;
    try {
      const text = decodeURIComponent(m[1]);
      // Reading the shared input from the URL on first load is the point of this effect.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRaw(text);
      void run(text);
    } catch {
      setError("The shared link is damaged: its response could not be decoded.");
    }
    // Runs once, on the first load only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = mode === "raw" ? raw : formToRaw(status, headers, body);
    if (mode === "form") setRaw(text);
    void run(text);
  }

  const size = new TextEncoder().encode(mode === "raw" ? raw : formToRaw(status, headers, body)).length;

  return (
    <div>
      <form onSubmit={submit} aria-label="Response to inspect" className="space-y-3">
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Input</legend>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === "raw"}
              onChange={() => setMode("raw")}
            />{" "}
            Paste a raw response
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === "form"}
              onChange={() => setMode("form")}
            />{" "}
            Fill a form
          </label>
        </fieldset>
        {mode === "raw" ? (
          <div>
            <label htmlFor={`${id}-raw`} className="block text-sm font-medium">
              Raw HTTP response (status line, headers, a blank line, then the body); a request may come first
            </label>
            <textarea
              id={`${id}-raw`}
              value={raw}
              onChange={(e) => setRaw(e.target.value)}
              rows={12}
              spellCheck={false}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
            />
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Also accepted: <code>curl -v</code> and <code>curl -i -L</code> output (each hop inspected), a
              1xx before the final response, and headers copied from DevTools.
            </p>
            {needsStatus ? (
              <div className="mt-2">
                <label htmlFor={`${id}-assumed`} className="block text-sm font-medium">
                  Status code that came with these headers
                </label>
                <input
                  id={`${id}-assumed`}
                  value={assumed}
                  onChange={(e) => setAssumed(e.target.value)}
                  inputMode="numeric"
                  pattern="[1-5][0-9]{2}"
                  placeholder="e.g. 404"
                  className="mt-1 w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono dark:border-slate-600 dark:bg-slate-900"
                />
              </div>
            ) : null}
            <div className="mt-2 text-sm">
              <label htmlFor={`${id}-har`} className="font-medium">
                Or open a HAR file
              </label>{" "}
              <input
                id={`${id}-har`}
                type="file"
                accept=".har,application/json"
                onChange={(e) => void openHar(e.target.files?.[0])}
                className="text-sm"
              />
            </div>
          </div>
        ) : (
          <div className="grid gap-3">
            <div>
              <label htmlFor={`${id}-status`} className="block text-sm font-medium">
                Status (code and optional reason)
              </label>
              <input
                id={`${id}-status`}
                value={status}
                onChange={(e) => setStatus(e.target.value)}
                className="mt-1 w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono dark:border-slate-600 dark:bg-slate-900"
              />
            </div>
            <div>
              <label htmlFor={`${id}-headers`} className="block text-sm font-medium">
                Headers (one “Name: value” per line)
              </label>
              <textarea
                id={`${id}-headers`}
                value={headers}
                onChange={(e) => setHeaders(e.target.value)}
                rows={5}
                spellCheck={false}
                className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
              />
            </div>
            <div>
              <label htmlFor={`${id}-body`} className="block text-sm font-medium">
                Body (optional)
              </label>
              <textarea
                id={`${id}-body`}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                rows={4}
                spellCheck={false}
                className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
              />
            </div>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-indigo-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Inspect
          </button>
          <span
            className={`text-xs ${size > MAX_INPUT_BYTES ? "text-rose-800 dark:text-rose-300" : "text-slate-600 dark:text-slate-400"}`}
          >
            {size} / {MAX_INPUT_BYTES} bytes
          </span>
          {shareUrl ? (
            <CopyButton value={shareUrl} label="Copy link to these findings" text="Copy link" />
          ) : null}
          <label className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={redact}
              onChange={(e) => {
                setRedact(e.target.checked);
                if (shareUrl) share(inspected, e.target.checked);
              }}
            />
            Leave credentials out of the link
          </label>
        </div>
        {shareUrl ? (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="share-redaction">
            {!redact
              ? "The link carries everything you pasted, credentials included."
              : redacted.length > 0
                ? `The link leaves out the values of ${redacted.join(", ")}; the findings here are from what you pasted.`
                : "The link would leave out credential values (Authorization, Cookie, Set-Cookie, tokens); there were none."}
          </p>
        ) : null}
      </form>
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950/40 dark:text-rose-100"
        >
          {error}
        </p>
      ) : null}
      {results ? (
        <section className="mt-6" aria-label="Findings" data-testid="inspect-result">
          <h2 className="text-xl font-semibold">Findings</h2>
          {results.map(({ hop, result }, i) => {
            const r = hop.input.response;
            const req = hop.input.request;
            return (
              <section key={i} className="mt-4" data-testid="inspect-hop" aria-label={hop.label}>
                {results.length > 1 || hop.label !== "Response" ? (
                  <h3 className="text-lg font-semibold">
                    {hop.label}: {r.status}
                    {r.reason ? ` ${r.reason}` : ""}
                  </h3>
                ) : (
                  <h3 className="sr-only">
                    {r.status} {r.reason ?? ""}
                  </h3>
                )}
                {req ? (
                  <p className="mt-1 font-mono text-xs text-slate-600 dark:text-slate-400">
                    {req.method} {req.url ?? ""}
                  </p>
                ) : null}
                {r.status < 200 ? (
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    An interim response: the final one follows it.
                  </p>
                ) : null}
                {result.skipped.length > 0 && !req ? (
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    {result.skipped.length} checks need the request and were not evaluated; paste the request
                    above the response to include them.
                  </p>
                ) : null}
                {r.body === undefined && r.status >= 200 ? (
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    The body was not in the input, so body checks were not run on it.
                  </p>
                ) : null}
                <div className="mt-2">
                  <FindingsList findings={result.findings} label={`Findings: ${hop.label}`} />
                </div>
              </section>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
