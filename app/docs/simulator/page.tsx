import type { Metadata } from "next";
import Link from "next/link";

import { OriginCode } from "@/components/origin-code.client";
import { highlight } from "@/lib/highlight";
import { OG_IMAGE, siteUrl } from "@/lib/site";
import { openApiDocument } from "@/lib/simulator/openapi";
import { HOME_PATH, OPENAPI_PATH, SIMULATOR_DOCS_PATH, SIMULATOR_ROUTE } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Simulator API",
  description:
    "Every option of /api/status/{code}: delays, weighted codes, extra headers, body formats, Retry-After, redirects, with limits and errors. Built from the OpenAPI description.",
  alternates: { canonical: SIMULATOR_DOCS_PATH },
  openGraph: { images: [OG_IMAGE], url: SIMULATOR_DOCS_PATH, title: "Simulator API", type: "website" },
};

type Param = {
  name: string;
  in: string;
  description: string;
  schema: { description?: string; pattern?: string };
};
type Resp = { description: string };

function examples(origin: string) {
  return [
    [
      "A 503 with Retry-After, after 2 seconds",
      `curl -i '${origin}/api/status/503?delay=2000&retry-after=30'`,
    ],
    ["One request in four fails, repeatably", `curl -i '${origin}/api/status/200:3,503:1?seed=42'`],
    [
      "A 429 with your own rate-limit headers",
      `curl -i '${origin}/api/status/429?header=RateLimit-Limit:100&header=RateLimit-Remaining:0'`,
    ],
    ["A redirect to a path of your choice", `curl -i '${origin}/api/status/308?location=/v2/orders'`],
    ["Plain JSON instead of problem details for an error", `curl -i '${origin}/api/status/422?format=json'`],
    ["A real 103 Early Hints before the 200", `curl -i ${origin}/api/status/103`],
    [
      "503, 503, then 200: a retry test (one scenario name per test run)",
      `curl -i '${origin}/api/status/503,503,200?scenario=run-42'`,
    ],
    [
      "A rate limit: 5 requests a minute, then a simulated 429 with RateLimit fields",
      `curl -i '${origin}/api/status/200?scenario=run-43&limit=5&window=60'`,
    ],
    [
      "Close the connection without a response, as nginx's 444 does",
      `curl -i '${origin}/api/status/444?fault=close'`,
    ],
    [
      "A scenario's state, then its reset",
      `curl -i ${origin}/api/scenarios/run-42\ncurl -i -X DELETE ${origin}/api/scenarios/run-42`,
    ],
  ] as const;
}

export default async function SimulatorDocs() {
  const doc = openApiDocument() as {
    info: { description: string };
    paths: Record<string, Record<string, { parameters: Param[]; responses: Record<string, Resp> }>>;
  };
  const origin = siteUrl();
  const op = doc.paths[SIMULATOR_ROUTE]?.get;
  const methods = Object.keys(doc.paths[SIMULATOR_ROUTE] ?? {}).map((m) => m.toUpperCase());
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Simulator API</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{doc.info.description}</p>
      <p className="mt-2">
        <code>/api/status/{"{code}"}</code> answers {methods.join(", ")}. The machine-readable description is
        at{" "}
        <a href={OPENAPI_PATH} className="text-indigo-700 underline dark:text-indigo-300">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1); this page is built from it.
      </p>

      <h2 className="mt-10 text-2xl font-semibold">Parameters</h2>
      <p className="mt-3 text-xs text-slate-600 sm:hidden dark:text-slate-400" data-testid="scroll-hint">
        The table is wider than the screen: scroll it sideways →
      </p>
      <div className="mt-1 overflow-x-auto rounded-lg border border-slate-200 sm:mt-3 dark:border-slate-700">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">Parameters of /api/status/{"{code}"}</caption>
          <thead className="bg-slate-50 text-xs uppercase dark:bg-slate-900">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                In
              </th>
              <th scope="col" className="px-3 py-2">
                Values
              </th>
              <th scope="col" className="px-3 py-2">
                What it does
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
            {(op?.parameters ?? []).map((p) => (
              <tr key={p.name} className="align-top">
                <th scope="row" className="px-3 py-2 font-mono">
                  {p.name}
                </th>
                <td className="px-3 py-2">{p.in}</td>
                <td className="px-3 py-2">{p.schema.description ?? p.schema.pattern}</td>
                <td className="px-3 py-2">{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mt-10 text-2xl font-semibold">Responses</h2>
      <dl className="mt-3 space-y-3">
        {Object.entries(op?.responses ?? {}).map(([code, r]) => (
          <div key={code}>
            <dt className="font-mono font-semibold">{code === "default" ? "the code asked for" : code}</dt>
            <dd>{r.description}</dd>
          </div>
        ))}
      </dl>

      <h2 className="mt-10 text-2xl font-semibold">Examples</h2>
      {await Promise.all(
        examples(origin).map(async ([title, cmd]) => (
          <OriginCode
            key={title}
            title={title}
            code={cmd}
            html={await highlight(cmd, "shellscript")}
            rendered={origin}
          />
        )),
      )}
      <p className="mt-6">
        Every code has a reference page; start at{" "}
        <Link href={HOME_PATH} className="text-indigo-700 underline dark:text-indigo-300">
          the index
        </Link>
        .
      </p>
    </article>
  );
}
