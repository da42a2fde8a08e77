"use client";

import { useId, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";

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
import {
  applyRecipe,
  AUTH_SCHEMES,
  checkControls,
  defaultControls,
  FAULTS,
  followStep,
  FORMATS,
  MAX_FOLLOW_HOPS,
  type ConsoleControls,
  type ControlName,
} from "@/lib/console-options";
import type { Recipe } from "@/lib/console-recipes";
import type { Finding, HeaderList } from "@/lib/inspector/types";
import { describePath, SIMULATOR_DOCS_PATH } from "@/lib/routes";

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

/** One request of a redirect chain, as the simulator describes it (or only named, when elsewhere). */
interface Hop {
  method: string;
  /** The method changed from the previous hop's (and the body was dropped). */
  changedFrom: string | null;
  path: string;
  answer: { status: number; statusText: string; location: string | null } | null;
}

interface Follow {
  hops: Hop[];
  /** Why the chain ends where it does. */
  end: string;
}

interface Outcome {
  seen: Seen | null;
  networkError: string | null;
  server: ServerView | null;
  follow: Follow | null;
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

function header(headers: HeaderList, name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}

function freshScenario(): string {
  return `console-${Math.random().toString(36).slice(2, 8)}`;
}

const INPUT =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-rose-600 dark:aria-[invalid=true]:border-rose-400";
const HINT = "font-normal text-slate-600 dark:text-slate-400";

/** A header name that may wrap after its hyphens (never inside a word): used on narrow screens. */
function hyphenBreaks(name: string): ReactNode {
  const parts = name.split("-");
  return parts.map((p, i) => (
    <span key={i}>
      {p}
      {i < parts.length - 1 ? (
        <>
          -<wbr />
        </>
      ) : null}
    </span>
  ));
}

function HeadersTable({ headers, caption }: { headers: HeaderList; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left font-mono text-xs">
        <caption className="sr-only">{caption}</caption>
        <tbody>
          {headers.map(([n, v], i) => (
            <tr key={`${n}-${i}`} className="align-top max-sm:flex max-sm:flex-col max-sm:py-1">
              <th scope="row" className="py-0.5 pr-3 font-semibold lowercase sm:whitespace-nowrap">
                <span className="sm:hidden">{hyphenBreaks(n)}</span>
                <span className="hidden sm:inline">{n}</span>
              </th>
              <td className="py-0.5 break-words max-sm:pl-3">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A labelled control with an optional hint and the message of what is wrong with its value. */
function Field({
  id,
  label,
  hint,
  error,
  wide = false,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  /** Takes the whole row on phones (where two fields share one). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={wide ? "col-span-2 lg:col-span-1" : undefined}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label} {hint ? <span className={HINT}>{hint}</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-800 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Sends real requests to the simulator for one code and shows, then inspects, what came back. */
export function RequestConsole({
  code,
  facts,
  recipes = [],
}: {
  code: number;
  facts: ConsoleFacts;
  recipes?: Recipe[];
}) {
  const id = useId();
  const [method, setMethod] = useState<string>("GET");
  const [headersText, setHeadersText] = useState(() => defaultRequestHeaders(facts));
  const [body, setBody] = useState("");
  const [controls, setControls] = useState<ConsoleControls>(() => defaultControls(code));
  const [scenarioOpen, setScenarioOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [stale, setStale] = useState(false);
  const [cancelled, setCancelled] = useState<number | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const parsed = parseHeaderLines(headersText);
  const reqHeaders = parsed.ok ? parsed.headers : [];
  const sendsBody = canHaveBody(method) && body !== "";
  const check = checkControls(controls);
  const problemOf = (c: ControlName) => (check.ok ? undefined : check.problems.find((p) => p.control === c));
  const errorOf = (c: ControlName) => problemOf(c)?.message;
  const invalid = (c: ControlName) =>
    problemOf(c) ? { "aria-invalid": true as const, "aria-describedby": `${id}-${c}-error` } : {};

  function set<K extends ControlName>(key: K, value: ConsoleControls[K]) {
    setControls((c) => ({ ...c, [key]: value }));
  }

  function pickRecipe(r: Recipe) {
    const next = applyRecipe(code, r.controls, freshScenario);
    setControls(next);
    setScenarioOpen(next.scenario !== "" || next.fault !== "");
    setMethod(r.method ?? "GET");
    setBody(r.body ?? "");
    if (r.body !== undefined && !/^content-type:/im.test(headersText))
      setHeadersText((t) => `${t.trimEnd()}\nContent-Type: application/json`.trimStart());
  }

  async function describeOnServer(
    codes: string,
    query: string,
    m: string,
    headers: HeaderList,
    signal: AbortSignal,
  ): Promise<ServerView | null> {
    try {
      const r = await fetch(describePath(codes), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ method: m, query, headers }),
        credentials: "omit",
        cache: "no-store",
        signal,
      });
      return r.ok ? ((await r.json()) as ServerView) : null;
    } catch (err) {
      if (signal.aborted) throw err;
      return null;
    }
  }

  /** Walks the redirect chain through the simulator's describe endpoint: it never fetches a Location. */
  async function follow(first: ServerView, path: string, signal: AbortSignal): Promise<Follow> {
    const hops: Hop[] = [
      {
        method,
        changedFrom: null,
        path,
        answer: {
          status: first.status,
          statusText: first.statusText,
          location: header(first.headers, "Location"),
        },
      },
    ];
    let current = first;
    let m = method;
    let headers: HeaderList = reqHeaders;
    for (;;) {
      const base = `${window.location.origin}${hops[hops.length - 1]?.path ?? path}`;
      const step = followStep(
        current.status,
        header(current.headers, "Location") ?? undefined,
        m,
        headers,
        facts.followRules,
        base,
      );
      if (step.kind === "not-followed")
        return { hops, end: "The chain ends here: this last answer is what the page gets." };
      if (step.kind === "no-location")
        return { hops, end: "No Location to follow: the browser stops at this answer." };
      const changedFrom = step.changed ? m : null;
      if (step.kind === "elsewhere") {
        hops.push({ method: step.method, changedFrom, path: step.path, answer: null });
        return {
          hops,
          end: `${step.path} is not the simulator, so the console stops here: the browser would ask this site for it.`,
        };
      }
      if (hops.length > MAX_FOLLOW_HOPS) {
        return {
          hops,
          end: `The console stops after ${MAX_FOLLOW_HOPS} redirects; a browser would go on, and give up after 20.`,
        };
      }
      const next = await describeOnServer(step.code, step.query, step.method, step.headers, signal);
      if (!next) {
        hops.push({ method: step.method, changedFrom, path: step.path, answer: null });
        return { hops, end: "The simulator could not describe this request." };
      }
      hops.push({
        method: step.method,
        changedFrom,
        path: step.path,
        answer: {
          status: next.status,
          statusText: next.statusText,
          location: header(next.headers, "Location"),
        },
      });
      current = next;
      m = step.method;
      headers = step.headers;
    }
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!parsed.ok) {
      setInputError(parsed.error);
      return;
    }
    if (!check.ok) {
      setInputError(`Not sent: ${check.problems.map((p) => p.message).join(" ")}`);
      return;
    }
    setInputError(null);
    const controller = new AbortController();
    inFlight.current = controller;
    const { signal } = controller;
    setPending(true);
    setStale(true);
    setCancelled(null);
    const { path, codes, query, single } = check;
    const started = clock();
    try {
      let seen: Seen | null = null;
      let networkError: string | null = null;
      try {
        const res = await fetch(path, {
          method,
          headers: reqHeaders,
          body: sendsBody ? body : undefined,
          credentials: "omit",
          cache: "no-store",
          redirect: "manual",
          signal,
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
        if (signal.aborted) throw err;
        networkError = err instanceof Error ? err.message : String(err);
      }
      const shown = single ?? code;
      // A random draw cannot be replayed: only a single code is described.
      const needServer = single !== null && (networkError !== null || seen?.opaque === true || shown < 200);
      const server = needServer ? await describeOnServer(codes, query, method, reqHeaders, signal) : null;
      const followed = server && seen?.opaque ? await follow(server, path, signal) : null;
      const request = { method, headers: reqHeaders };
      // The Inspector (checks, registry, zod) loads on the first Send, not with the page.
      const { inspect } = await import("@/lib/inspector");
      if (signal.aborted) throw signal.reason;
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
      const shownFacts = { ...facts, followsRedirect: String(shown) in facts.followRules };
      setOutcome({
        seen,
        networkError,
        server,
        follow: followed,
        findings,
        findingsOf,
        notes: hiddenNotes(shown, method, seen?.status ?? null, shownFacts),
        ignored: parsed.ignored,
      });
      setStale(false);
    } catch {
      // Only a cancel gets here: the request, the description and the follow all share its signal.
      setCancelled(Math.round(clock() - started));
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
      setPending(false);
    }
  }

  function cancel() {
    inFlight.current?.abort();
  }

  const url = check.ok ? `${origin}${check.path}` : null;
  const scenarioSet =
    controls.scenario !== "" ||
    controls.failUntil !== "" ||
    controls.failEvery !== "" ||
    controls.limit !== "" ||
    controls.window !== "" ||
    controls.cycle ||
    controls.fault !== "";
  const field = (c: ControlName) => `${id}-${c}`;

  return (
    <div className="my-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700" data-testid="console">
      <form onSubmit={send} className="space-y-4" aria-label={`Request console for ${code}`} noValidate>
        {recipes.length > 0 ? (
          <div>
            <p className="text-sm font-medium" id={`${id}-recipes`}>
              Recipes <span className={HINT}>(fill the controls below)</span>
            </p>
            <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby={`${id}-recipes`}>
              {recipes.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() => pickRecipe(r)}
                    className="rounded-full border border-indigo-300 bg-indigo-50 px-3 py-1 text-left text-xs font-medium text-indigo-900 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-indigo-700 dark:bg-indigo-950/50 dark:text-indigo-100 dark:hover:bg-indigo-900/60"
                  >
                    {r.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
          <div>
            <label htmlFor={`${id}-method`} className="block text-sm font-medium">
              Method
            </label>
            <select
              id={`${id}-method`}
              value={method}
              onChange={(e) => setMethod(e.target.value)}
              className={INPUT}
            >
              {CONSOLE_METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </div>
          <Field
            id={field("codes")}
            label="Codes"
            hint="(one, weighted 200:3,503:1, or a sequence 503,503,200 with a scenario)"
            error={errorOf("codes")}
          >
            <input
              id={field("codes")}
              value={controls.codes}
              onChange={(e) => set("codes", e.target.value)}
              spellCheck={false}
              autoComplete="off"
              className={`${INPUT} font-mono`}
              {...invalid("codes")}
            />
          </Field>
        </div>

        <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-semibold">
            Simulator options{" "}
            <a
              href={SIMULATOR_DOCS_PATH}
              className="font-normal text-indigo-700 underline dark:text-indigo-300"
            >
              (docs)
            </a>
          </legend>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
            <Field id={field("delay")} label="Delay" hint="(ms, 0-10000)" error={errorOf("delay")}>
              <input
                id={field("delay")}
                value={controls.delay}
                onChange={(e) => set("delay", e.target.value)}
                inputMode="numeric"
                autoComplete="off"
                placeholder="0"
                className={INPUT}
                {...invalid("delay")}
              />
            </Field>
            <Field
              id={field("retryAfter")}
              label="Retry-After"
              hint="(seconds or a date)"
              error={errorOf("retryAfter")}
            >
              <input
                id={field("retryAfter")}
                value={controls.retryAfter}
                onChange={(e) => set("retryAfter", e.target.value)}
                autoComplete="off"
                className={INPUT}
                {...invalid("retryAfter")}
              />
            </Field>
            <Field
              id={field("location")}
              wide
              label="Location"
              hint="(201, 3xx; a path)"
              error={errorOf("location")}
            >
              <input
                id={field("location")}
                value={controls.location}
                onChange={(e) => set("location", e.target.value)}
                spellCheck={false}
                autoComplete="off"
                placeholder="/api/status/200"
                className={`${INPUT} font-mono`}
                {...invalid("location")}
              />
            </Field>
            <Field id={field("format")} label="Format" hint="(of the body)" error={errorOf("format")}>
              <select
                id={field("format")}
                value={controls.format}
                onChange={(e) => set("format", e.target.value as ConsoleControls["format"])}
                className={INPUT}
              >
                <option value="">default</option>
                {FORMATS.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </Field>
            <Field id={field("auth")} label="Auth" hint="(401's challenge)" error={errorOf("auth")}>
              <select
                id={field("auth")}
                value={controls.auth}
                onChange={(e) => set("auth", e.target.value as ConsoleControls["auth"])}
                className={INPUT}
              >
                <option value="">default (bearer)</option>
                {AUTH_SCHEMES.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </Field>
            <Field id={field("seed")} label="Seed" hint="(weighted codes)" error={errorOf("seed")}>
              <input
                id={field("seed")}
                value={controls.seed}
                onChange={(e) => set("seed", e.target.value)}
                inputMode="numeric"
                autoComplete="off"
                className={INPUT}
                {...invalid("seed")}
              />
            </Field>
          </div>
          <details
            className="mt-3"
            open={scenarioOpen || scenarioSet}
            onToggle={(e) => setScenarioOpen(e.currentTarget.open)}
          >
            <summary className="cursor-pointer text-sm font-semibold">
              Scenario: state across requests
            </summary>
            <div className="mt-2 grid grid-cols-2 gap-3 lg:grid-cols-3">
              <Field id={field("scenario")} wide label="Scenario" hint="(a name)" error={errorOf("scenario")}>
                <div className="flex gap-2">
                  <input
                    id={field("scenario")}
                    value={controls.scenario}
                    onChange={(e) => set("scenario", e.target.value)}
                    spellCheck={false}
                    autoComplete="off"
                    className={`${INPUT} min-w-0 font-mono`}
                    {...invalid("scenario")}
                  />
                  <button
                    type="button"
                    onClick={() => set("scenario", freshScenario())}
                    className="mt-1 shrink-0 rounded-md border border-slate-300 px-2 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                  >
                    New name
                  </button>
                </div>
              </Field>
              <Field
                id={field("failUntil")}
                label="Fail until"
                hint="(first N fail)"
                error={errorOf("failUntil")}
              >
                <input
                  id={field("failUntil")}
                  value={controls.failUntil}
                  onChange={(e) => set("failUntil", e.target.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  className={INPUT}
                  {...invalid("failUntil")}
                />
              </Field>
              <Field
                id={field("failEvery")}
                label="Fail every"
                hint="(every Nth fails)"
                error={errorOf("failEvery")}
              >
                <input
                  id={field("failEvery")}
                  value={controls.failEvery}
                  onChange={(e) => set("failEvery", e.target.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  className={INPUT}
                  {...invalid("failEvery")}
                />
              </Field>
              <Field
                id={field("limit")}
                wide
                label="Limit"
                hint="(requests per window, then 429)"
                error={errorOf("limit")}
              >
                <input
                  id={field("limit")}
                  value={controls.limit}
                  onChange={(e) => set("limit", e.target.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  className={INPUT}
                  {...invalid("limit")}
                />
              </Field>
              <Field id={field("window")} label="Window" hint="(s, default 60)" error={errorOf("window")}>
                <input
                  id={field("window")}
                  value={controls.window}
                  onChange={(e) => set("window", e.target.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  className={INPUT}
                  {...invalid("window")}
                />
              </Field>
              <Field id={field("fault")} label="Fault" hint="(at the connection)" error={errorOf("fault")}>
                <select
                  id={field("fault")}
                  value={controls.fault}
                  onChange={(e) => set("fault", e.target.value as ConsoleControls["fault"])}
                  className={INPUT}
                >
                  <option value="">none</option>
                  {FAULTS.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </Field>
              <div className="col-span-2 flex items-center gap-2 lg:col-span-3">
                <input
                  id={field("cycle")}
                  type="checkbox"
                  checked={controls.cycle}
                  onChange={(e) => set("cycle", e.target.checked)}
                  className="h-4 w-4"
                />
                <label htmlFor={field("cycle")} className="text-sm">
                  Cycle <span className={HINT}>(a sequence starts again after its last code)</span>
                </label>
              </div>
            </div>
          </details>
        </fieldset>

        <div>
          <label htmlFor={`${id}-headers`} className="block text-sm font-medium">
            Request headers <span className={HINT}>(one “Name: value” per line)</span>
          </label>
          <textarea
            id={`${id}-headers`}
            value={headersText}
            onChange={(e) => setHeadersText(e.target.value)}
            rows={3}
            spellCheck={false}
            className={`${INPUT} font-mono`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-body`} className="block text-sm font-medium">
            Request body {canHaveBody(method) ? null : <span className={HINT}>(not sent with {method})</span>}
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
            spellCheck={false}
            disabled={!canHaveBody(method)}
            className={`${INPUT} font-mono disabled:opacity-60`}
          />
        </div>

        <div className="space-y-2" data-testid="console-lines">
          <p className="text-sm font-medium">
            URL <span className={HINT}>(and the same request as curl and fetch, as you change it)</span>
          </p>
          {url !== null ? (
            <>
              <code
                data-testid="console-url"
                className="block overflow-x-auto rounded-md bg-slate-100 px-2 py-1.5 text-sm break-all dark:bg-slate-800"
              >
                {url}
              </code>
              <pre
                data-testid="console-curl"
                aria-label="As curl"
                className="overflow-x-auto rounded-md bg-slate-900 px-2 py-1.5 text-xs whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere]"
              >
                {curlCommand(url, method, reqHeaders, body)}
              </pre>
              <pre
                data-testid="console-fetch"
                aria-label="As fetch"
                className="overflow-x-auto rounded-md bg-slate-900 px-2 py-1.5 text-xs whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere]"
              >
                {fetchCommand(url, method, reqHeaders, body)}
              </pre>
            </>
          ) : (
            <div
              data-testid="console-invalid"
              aria-live="polite"
              className="text-sm text-rose-800 dark:text-rose-300"
            >
              <p>
                Fix {check.ok ? "" : check.problems.length === 1 ? "this option" : "these options"} to make a
                request:
              </p>
              <ul className="list-disc pl-5">
                {check.ok ? null : check.problems.map((p) => <li key={p.control}>{p.message}</li>)}
              </ul>
            </div>
          )}
        </div>

        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-indigo-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
          >
            {pending ? "Sending…" : "Send request"}
          </button>
          {pending ? (
            <button
              type="button"
              onClick={cancel}
              className="rounded-md border border-rose-300 px-4 py-1.5 text-sm font-semibold text-rose-800 hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 dark:border-rose-700 dark:text-rose-200 dark:hover:bg-rose-950/50"
            >
              Cancel
            </button>
          ) : null}
          {url !== null ? (
            <>
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
            </>
          ) : null}
        </div>
        {inputError ? (
          <p role="alert" className="text-sm text-rose-800 dark:text-rose-300">
            {inputError}
          </p>
        ) : null}
      </form>

      <div aria-live="polite">
        {pending ? (
          <p className="mt-4 text-sm font-medium" data-testid="console-pending">
            Waiting for the answer…{outcome ? " The result below is from the previous request." : ""}
          </p>
        ) : null}
        {cancelled !== null ? (
          <p className="mt-4 text-sm font-medium" data-testid="console-cancelled">
            Cancelled after {cancelled} ms: the browser dropped the request.
            {outcome ? " The result below is from the previous request." : ""}
          </p>
        ) : null}
      </div>

      {outcome ? (
        <div
          className={`mt-4 space-y-4 transition-opacity ${stale ? "opacity-50" : ""}`}
          data-testid="console-result"
          data-stale={stale ? "true" : "false"}
          aria-busy={pending}
        >
          {stale ? (
            <p className="inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
              Stale: from the previous request
            </p>
          ) : null}
          {outcome.ignored.length > 0 ? (
            <p className="text-sm">
              Not sent (the browser controls these headers): {outcome.ignored.join(", ")}.
            </p>
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
          {outcome.follow ? (
            <section aria-label="Following the redirect">
              <h3 className="text-base font-semibold">Following the redirect</h3>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                What a browser does next, hop by hop, as the simulator describes each request (nothing is
                fetched from a Location).
              </p>
              <ol className="mt-2 space-y-2" data-testid="follow-hops">
                {outcome.follow.hops.map((h, i) => (
                  <li
                    key={i}
                    data-testid="follow-hop"
                    className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
                  >
                    <p className="font-mono break-all">
                      <span className="mr-1 text-slate-500 dark:text-slate-400">{i + 1}.</span>
                      <span data-testid="hop-method" className="font-semibold">
                        {h.method}
                      </span>{" "}
                      {h.path}
                    </p>
                    {h.changedFrom ? (
                      <p className="text-xs text-amber-900 dark:text-amber-200" data-testid="hop-change">
                        After the {outcome.follow?.hops[i - 1]?.answer?.status}, {h.changedFrom} became{" "}
                        {h.method} and the body was dropped.
                      </p>
                    ) : i > 0 ? (
                      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="hop-change">
                        Method kept{h.method !== "GET" && h.method !== "HEAD" ? ", body sent again" : ""}.
                      </p>
                    ) : null}
                    {h.answer ? (
                      <p className="font-mono" data-testid="hop-status">
                        → {h.answer.status} {h.answer.statusText}
                        {h.answer.location ? (
                          <span className="break-all text-slate-600 dark:text-slate-400">
                            {" "}
                            (Location: {h.answer.location})
                          </span>
                        ) : null}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
              <p className="mt-2 text-sm" data-testid="follow-end">
                {outcome.follow.end}
              </p>
            </section>
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
                  {prettyBody(outcome.seen.body, header(outcome.seen.headers, "content-type"))}
                </pre>
              ) : (
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No body.</p>
              )}
            </section>
          ) : null}
          {outcome.seen?.opaque && !outcome.server ? (
            <p className="text-sm" data-testid="console-no-replay">
              The page cannot see which code this redirect was, and a random draw cannot be replayed to
              describe it: give a single code to see what the server sent and follow it.
            </p>
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
