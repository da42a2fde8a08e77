/**
 * Findings of the outside fact-check (issue 13), each held by the sentence that now states the fact.
 * Each row names the primary source it was checked against (2026-12-01), so a later check knows what
 * to re-read. A row fails if the wrong claim comes back or the corrected one is edited away.
 */
import { describe, expect, it } from "vitest";

import { readStatusPage } from "@/lib/content";
import { inspect } from "@/lib/inspector";
import { getStatus } from "@/lib/registry";
import { simulate } from "@/lib/simulator";
import { exampleRequest } from "@/lib/simulator/examples";

interface Finding {
  code: number;
  /** What the page says, and where that was checked. */
  source: string;
  must?: RegExp[];
  mustNot?: RegExp[];
}

/** The page's prose with line breaks folded, so a phrase can span the source's wrapped lines. */
function prose(code: number): string {
  const page = readStatusPage(code);
  if (!page) throw new Error(`no page for ${code}`);
  return page.body.replace(/\s+/g, " ");
}

const FINDINGS: Finding[] = [
  {
    code: 495,
    source: "nginx 1.31.5 source, ngx_http_request.c (verify != 3 || !ngx_ssl_verify_error_optional)",
    must: [/`optional_no_ca`/, /still gets 495/, /expired or revoked certificate.*495 in every mode/i],
    mustNot: [/`ssl_verify_client optional`, passing the verification result/],
  },
  {
    code: 444,
    source: "nginx 1.31.5 source, v2/ngx_http_v2.c ngx_http_v2_close_stream (RST_STREAM)",
    must: [/HTTP\/2.*`RST_STREAM`/, /curl\*\* over HTTP\/1\.x fails with `curl: \(52\)/],
  },
  {
    code: 408,
    source: "nginx 1.31.5 source, ngx_http_request.c (timeouts call ngx_http_close_request with 408)",
    must: [/nginx sends nothing: it closes the connection and writes 408 in its access log/],
    mustNot: [/nginx does so when `client_header_timeout`/],
  },
  {
    code: 505,
    source: "RFC 9110 §6.2 (505 refusal, minor versions, response version)",
    must: [/RFC 9110 §6\.2/],
    mustNot: [/RFC 9110 §2\.5/],
  },
  {
    code: 101,
    source: "RFC 9113 §8.6, RFC 9114 §4.5",
    must: [/RFC 9113 §8\.6/, /RFC 9114 §4\.5/],
    mustNot: [/connection-level headers it depends on are not allowed/],
  },
  {
    code: 522,
    source: "curl 8.17.0 RELEASE-NOTES and src/tool_operate.c (retry on 522 and 524)",
    must: [/since curl 8\.17\.0/],
    mustNot: [/pull request proposed/],
  },
  { code: 524, source: "curl 8.17.0 RELEASE-NOTES", must: [/since curl 8\.17\.0/] },
  {
    code: 429,
    source: "curl 7.67.0 RELEASE-NOTES (429 triggers --retry); curl 7.66.0 (Retry-After)",
    must: [/since curl 7\.67\.0/, /since 7\.66\.0/],
  },
  {
    code: 494,
    source:
      "nginx 1.31.5 source: NGX_LOG_INFO for 'client sent too long header line'; status rewritten to 400",
    must: [/`info` level/, /access log shows 400/],
  },
  {
    code: 499,
    source: "the page's own Esri section; /498",
    mustNot: [/not a status code any client receives/, /It never reaches the client/],
  },
  { code: 207, source: "RFC 2518 §10.2; RFC 4918 §11.1", must: [/RFC 2518 §10\.2/, /RFC 4918 §11\.1/] },
  {
    code: 412,
    source: "RFC 4918 §10.4 (If), §10.6 (Overwrite), §9.8.5, §9.9.4",
    must: [/RFC 4918 §10\.4/, /`Overwrite: F`/],
  },
  {
    code: 102,
    source: "IANA HTTP Status Code Registry (no deprecation mark); RFC 4918 Appendix F.3",
    must: [/IANA has no deprecation mark/, /Appendix F\.3/, /editorial judgement/],
  },
  {
    code: 104,
    source: "IANA HTTP Status Code Registry (2025-09-15 entry: expires 2026-11-13)",
    must: [/That date has passed/, /2026-12-01/],
    mustNot: [/expiring on 2026-11-13 unless/],
  },
  {
    code: 400,
    source: "RFC 9457 §3.2 (extension members); RFC 6901 (a pointer needs a parsed document)",
    mustNot: [/"pointer"/],
  },
  {
    code: 306,
    source: "RFC 9110 §15.4.7, RFC 2616 §10.3.7",
    must: [/RFC 2616 §10\.3\.7/],
  },
  {
    code: 418,
    source: "RFC 9110 §15.4.7 (306), §15.5.19 (418)",
    must: [/RFC 2616 §10\.3\.7/],
    mustNot: [/It was defined by an earlier version of the HTTP specification, fell out of use/],
  },
  // Tool and vendor claims re-checked on 2026-12-01/02 (tests/world/client-facts.test.ts and
  // browser-facts.test.ts run the tools; the rest names the document in the page's `checked` list).
  {
    code: 304,
    source: "curl 7.88.1 run on loopback: -L follows a 304 that carries Location",
    must: [/`-L` has nothing to follow \(curl\s+would follow one if a server sent it/],
    mustNot: [/`-L` does not treat it as a redirect/],
  },
  {
    code: 408,
    source: "go1.26.8 transport.go readLoopPeekFailLocked/shouldRetryRequest; Chromium 156 run",
    must: [/drops it without logging/, /retried only if it is safe to replay/],
    mustNot: [/quietly retries on a new connection/, /Firefox/],
  },
  {
    code: 421,
    source: "Chromium 156 run (retries a 421 over HTTP/1.1)",
    must: [/Chromium does this/],
    mustNot: [/Firefox/],
  },
  { code: 206, source: "Apple AVFoundation docs (serverIncorrectlyConfigured)", mustNot: [/Safari/] },
  {
    code: 440,
    source: "Microsoft KB 941201; Exchange 2007 docs (440 Login Timeout in OWA)",
    must: [/Outlook Web\s?Access \(OWA\), which runs on Internet Information Services/],
    mustNot: [/Internet Information Services \(IIS\) and Exchange's Outlook Web Access \(OWA\) use/],
  },
  {
    code: 449,
    source: "Microsoft HTTP Status Codes (Wininet.h): HTTP_STATUS_RETRY_WITH",
    must: [/WinINet API has a constant/],
    mustNot: [/WinHTTP has a constant/, /known from IIS/],
  },
  {
    code: 450,
    source: "Microsoft HTTP Status Codes (Wininet.h) has 449, no 450; no Microsoft document found",
    must: [/not backed by a Microsoft document we could find/],
    mustNot: [/It is associated with \*\*Microsoft Windows\*\*: when/],
  },
  {
    code: 598,
    source: "Alibaba Cloud DCDN EdgeRoutine docs; nginx 1.31.5 ngx_http_upstream.c (504 on timeout)",
    must: [/We found no proxy\s+that documents 598/, /EdgeRoutine/],
    mustNot: [/mainstream proxies and load\s+balancers use/],
  },
  {
    code: 204,
    source: "Chromium 156 and Node 20 fetch run on loopback (browser-facts, client-facts)",
    must: [/Chromium \(156\) hands out an empty stream/],
    mustNot: [/`response\.ok` is `true` and `response\.body` is `null`/],
  },
  { code: 205, source: "Chromium 156 and Node 20 fetch run", must: [/Chromium 156 gives an empty stream/] },
  {
    code: 304,
    source: "Chromium 156 run (raw 304 to a conditional fetch)",
    must: [/Chromium 156 gives an\s+empty stream/],
  },
  {
    code: 411,
    source: "Chromium 156 run (ReadableStream upload over HTTP/1.1)",
    must: [/refuses them over HTTP\/1\.1/],
  },
  {
    code: 509,
    source: "no Apache or cPanel document found",
    must: [/We found no Apache or\s+cPanel document/],
  },
];

describe.each(FINDINGS)("/$code: $source", ({ code, must = [], mustNot = [] }) => {
  const text = prose(code);
  it.each(must.map((r) => [String(r), r] as const))("states %s", (_, r) => {
    expect(text).toMatch(r);
  });
  it.each(mustNot.map((r) => [String(r), r] as const))("no longer states %s", (_, r) => {
    expect(text).not.toMatch(r);
  });
});

/** The Inspector's findings on a page: its verdict on the simulator's answer to the page's example request. */
function pageFindings(code: number) {
  const request = exampleRequest(code);
  const sim = simulate(request);
  return inspect({
    response: { status: sim.status, reason: sim.statusText, headers: sim.headers, body: sim.body },
    request: { method: request.method, headers: request.headers.map(([n, v]): [string, string] => [n, v]) },
  }).findings;
}

describe("Inspector verdicts on the pages", () => {
  it.each([204, 101, 226, 411, 424])("/%i: the first card is a whole sentence", (code) => {
    const first = pageFindings(code)[0];
    expect(first?.explanation).toMatch(/[.!?]$/);
    expect(first?.explanation).not.toMatch(/\(e\.g\.?$/);
  });

  it("/412: no invalidation claim for an error answer (RFC 9111 §4.4: non-error statuses only)", () => {
    const card = pageFindings(412).find((f) => f.id === "cache.summary");
    expect(card?.explanation).not.toMatch(/(also makes|, caches also) drop/);
    expect(card?.explanation).toMatch(/only on a 2xx or 3xx/);
  });

  it.each([100, 201])("/%i: the POST card says POST responses can be stored (RFC 9110 §9.3.3)", (code) => {
    const card = pageFindings(code).find((f) => f.id === "cache.summary");
    expect(card?.explanation).toMatch(
      /a response to POST only when it has explicit freshness and a Content-Location/,
    );
    expect(card?.cite.map((c) => c.label)).toContain("RFC 9110 §9.3.3");
  });

  it("/417 (a PUT): a 4xx does not invalidate, and PUT is not a storable method", () => {
    const card = pageFindings(417).find((f) => f.id === "cache.summary");
    expect(card?.explanation).toMatch(/not to PUT/);
    expect(card?.explanation).toMatch(/only on a 2xx or 3xx/);
  });
});

describe("/compare/400-vs-422", () => {
  it("the Retry row agrees with the prose: neither is retried unchanged", () => {
    for (const code of [400, 422])
      expect(getStatus(code)?.retry, String(code)).toMatch(/^Not without changing/);
  });
});
