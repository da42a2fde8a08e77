import Link from "next/link";

import { Breadcrumb } from "@/components/breadcrumb";
import { CodeChip } from "@/components/status-badge";
import { unassignedCode, unassignedSimulatorNote } from "@/lib/content/unassigned";
import { citeLinks, rfcSectionUrl } from "@/lib/registry";
import { codePath } from "@/lib/routes";
import { siteUrl } from "@/lib/site";

import { SpecAnchor } from "./spec-link";
import { TryItUrls } from "./try-it.client";

const link = "text-indigo-700 underline dark:text-indigo-300";

/** The page for a code in 100-599 that nothing assigns (e.g. /432), instead of the site's 404. */
export function UnassignedCodePage({ code }: { code: number }) {
  const u = unassignedCode(code);
  if (!u) return null;
  const rfc15 = { label: "RFC 9110 §15", url: rfcSectionUrl(9110, "15") };
  return (
    <article data-testid="unassigned-code">
      <Breadcrumb>
        <span>
          {u.cls} {u.className}
        </span>
      </Breadcrumb>
      <header>
        <CodeChip code={u.code} cls={u.cls} />
        <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">{u.code}, an unassigned code</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
          The IANA registry does not assign {u.code}, and no specification or widespread convention that this
          site knows of uses it.
        </p>
      </header>
      <div className="max-w-3xl space-y-4">
        <h2 className="mt-8 text-2xl font-semibold">How clients treat it</h2>
        <p>
          A client must understand the class of every status code from its first digit, and treat a code it
          does not recognise as the x00 code of that class (<SpecAnchor link={rfc15} />
          ). So a generic client handles {u.code} exactly like{" "}
          <Link href={codePath(u.fallback.code)} className={link}>
            {u.fallback.code} {u.fallback.reason}
          </Link>
          ; the body of the response is the only place that can say more.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">How caches treat it</h2>
        <p>
          {u.caching.rule}{" "}
          {citeLinks(u.caching.cite).map((l, i) => (
            <span key={l.label}>
              {i > 0 ? ", " : null}
              <SpecAnchor link={l} />
            </span>
          ))}
        </p>
        <h2 className="mt-8 text-2xl font-semibold">Try it</h2>
        <p>{unassignedSimulatorNote(u.code)}</p>
        <TryItUrls path={u.simulator} rendered={siteUrl()} />
        <h2 className="mt-8 text-2xl font-semibold">Nearby codes</h2>
        <ul className="list-disc space-y-1 pl-5" aria-label="Nearby codes">
          {u.previous ? (
            <li>
              Below:{" "}
              <Link href={codePath(u.previous.code)} className={link}>
                {u.previous.code} {u.previous.reason}
              </Link>
            </li>
          ) : null}
          {u.next ? (
            <li>
              Above:{" "}
              <Link href={codePath(u.next.code)} className={link}>
                {u.next.code} {u.next.reason}
              </Link>
            </li>
          ) : null}
          <li>
            The class&apos;s fallback:{" "}
            <Link href={codePath(u.fallback.code)} className={link}>
              {u.fallback.code} {u.fallback.reason}
            </Link>
          </li>
        </ul>
        <p className="text-sm">
          Every documented {u.cls} code:{" "}
          {u.sameClass.map((s, i) => (
            <span key={s.code}>
              {i > 0 ? ", " : null}
              <Link href={codePath(s.code)} className={link}>
                {s.code}
              </Link>
            </span>
          ))}
          .
        </p>
      </div>
    </article>
  );
}
