/**
 * E. CORS. The CORS protocol is defined by the WHATWG Fetch standard, which has no RFC; citations point
 * at the closest RFCs: origins and their serialization (RFC 6454), Vary and caches (RFC 9110, RFC 9111),
 * OPTIONS (RFC 9110 §9.3.7).
 */
import { varyNames } from "../fields/vary";
import type { CheckDef, Context } from "../types";

import { listValues, parseCacheControl } from "./util";

const ACAO = "Access-Control-Allow-Origin";
const ACAC = "Access-Control-Allow-Credentials";

/** A serialized origin as Fetch compares it: scheme "://" host [":" port], nothing after. */
const SERIALIZED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#,]+$/i;

function acao(ctx: Context): string | undefined {
  const values = ctx.all("access-control-allow-origin");
  return values.length === 1 ? values[0]?.trim() : undefined;
}

/** Fetch compares the header with the literal "true", byte for byte. */
const credentialsAllowed = (ctx: Context) => ctx.get("access-control-allow-credentials")?.trim() === "true";

/** Whether the request was a CORS preflight: OPTIONS with Origin and Access-Control-Request-Method. */
const isPreflight = (ctx: Context) =>
  ctx.method === "OPTIONS" &&
  ctx.req("origin") !== undefined &&
  ctx.req("access-control-request-method") !== undefined;

/** The origin of the request target, when the request URL is absolute. */
function targetOrigin(ctx: Context): string | undefined {
  const url = ctx.input.request?.url;
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

export const CORS_CHECKS: CheckDef[] = [
  {
    id: "cors.acao-syntax",
    group: "cors",
    summary: "Access-Control-Allow-Origin is one value: *, null or a single serialized origin",
    run(ctx) {
      const values = ctx.all("access-control-allow-origin");
      if (values.length === 0) return null;
      const cite = "RFC 6454 §6.2, §7.1";
      if (values.length > 1) {
        return {
          severity: "error",
          title: `${ACAO} is sent ${values.length} times`,
          explanation:
            "Browsers combine the lines into one list and the CORS check then fails, so no page can read the response. Send exactly one value: the requesting origin (chosen on the server from an allowlist) or *.",
          cite,
          subject: ACAO,
        };
      }
      const v = (values[0] ?? "").trim();
      if (v === "*" || v === "null") return null;
      if (/[,\s]/.test(v)) {
        return {
          severity: "error",
          title: `${ACAO} holds a list of origins`,
          explanation:
            "The header takes one origin only; a list never matches and the browser blocks the read. Check the request's Origin against your allowlist on the server and echo back just that one (with Vary: Origin).",
          cite,
          subject: ACAO,
        };
      }
      if (!SERIALIZED_ORIGIN.test(v)) {
        return {
          severity: "error",
          title: `"${v}" is not an origin`,
          explanation: `Browsers compare ${ACAO} byte for byte with the page's origin, which is scheme://host[:port] with no path or trailing slash (for example https://app.example). Anything else never matches, so the read is blocked.`,
          cite,
          subject: ACAO,
        };
      }
      if (v !== v.toLowerCase()) {
        return {
          severity: "error",
          title: `"${v}" has upper-case letters`,
          explanation:
            "Browsers send the Origin header in lower case and compare byte for byte, so this value never matches. Write the origin in lower case.",
          cite,
          subject: ACAO,
        };
      }
      return null;
    },
  },
  {
    id: "cors.wildcard-with-credentials",
    group: "cors",
    summary: "Credentials are not allowed together with a wildcard (*) or null origin",
    run(ctx) {
      if (!credentialsAllowed(ctx)) return null;
      const origin = acao(ctx);
      if (origin === "*") {
        return {
          severity: "error",
          title: `${ACAO}: * together with ${ACAC}: true`,
          explanation:
            "Browsers refuse to hand a credentialed response (cookies, HTTP authentication) to a page when the allowed origin is the wildcard. Echo the specific, allowlisted requesting origin instead, with Vary: Origin.",
          cite: "RFC 6454 §3.4, §8.3, RFC 6265 §8.2",
          subject: ACAO,
        };
      }
      if (origin === "null") {
        // Sandboxed iframes, data: URLs and local files all have the origin "null", so allowing it is
        // close to allowing everyone, and with credentials that exposes the user's data.
        return {
          severity: "warning",
          title: `${ACAO}: null with credentials`,
          explanation:
            "Any site can produce a request with Origin: null (from a sandboxed iframe or a data: URL), so this lets arbitrary pages read the user's data. Do not allow the null origin for credentialed requests.",
          cite: "RFC 6454 §6.2, §7.3, RFC 6265 §8.2",
          subject: ACAO,
        };
      }
      const literal = [
        "access-control-allow-headers",
        "access-control-allow-methods",
        "access-control-expose-headers",
      ].find((h) => listValues(ctx.all(h)).includes("*"));
      if (literal) {
        const name = literal.replace(
          /(^|-)([a-z])/g,
          (_m, dash: string, c: string) => dash + c.toUpperCase(),
        );
        return {
          severity: "warning",
          title: `${name}: * is not a wildcard for credentialed requests`,
          explanation: `When credentials are allowed, browsers read * in ${name} as a literal name, not "everything". List the methods or headers explicitly.`,
          cite: "RFC 6454 §3.4",
          subject: name,
        };
      }
      return null;
    },
  },
  {
    id: "cors.acac-value",
    group: "cors",
    summary: "Access-Control-Allow-Credentials, when present, is exactly true",
    run(ctx) {
      const v = ctx.get("access-control-allow-credentials");
      if (v === undefined || v.trim() === "true") return null;
      return {
        severity: "error",
        title: `${ACAC}: ${v} is not "true"`,
        explanation: `Browsers only accept the exact, lower-case value true (sent once); anything else counts as "credentials not allowed", so credentialed requests fail. To deny credentials, leave the header out.`,
        cite: "RFC 6454 §3.4",
        subject: ACAC,
      };
    },
  },
  {
    id: "cors.reflected-with-credentials",
    group: "cors",
    needsRequest: true,
    summary: "A credentialed response does not simply echo whatever Origin the request had",
    run(ctx) {
      const origin = ctx.req("origin")?.trim();
      const allowed = acao(ctx);
      if (!origin || origin === "null" || allowed !== origin || !credentialsAllowed(ctx)) return null;
      // Proving that *any* origin is reflected takes a second request with a foreign Origin; from one
      // exchange we can only point out the pattern.
      return {
        severity: "warning",
        title: `Credentials allowed for the requesting origin ${origin}`,
        explanation:
          "This is right only if the server checks the origin against an allowlist. If it copies any Origin into the response, every website can read this user's data with their cookies. Compare against a fixed list of trusted origins.",
        cite: "RFC 6454 §3.4, §7, §8.3",
        subject: ACAO,
      };
    },
  },
  {
    id: "cors.vary-origin",
    group: "cors",
    needsRequest: true,
    summary: "A response whose Access-Control-Allow-Origin echoes the request's Origin says Vary: Origin",
    run(ctx) {
      const origin = ctx.req("origin")?.trim();
      if (!origin || acao(ctx) !== origin) return null;
      const vary = varyNames(ctx.all("vary"));
      if (vary.includes("origin") || vary.includes("*")) return null;
      // A response no cache may store cannot be served to another origin, so Vary adds nothing there.
      if (parseCacheControl(ctx.get("cache-control")).some((d) => d.name === "no-store")) return null;
      return {
        severity: "warning",
        title: `${ACAO} depends on Origin, but Vary does not list it`,
        explanation: `The browser cache or a shared cache may reuse this response for a page on another origin, which then fails the CORS check (or, the other way round, gets a response meant for someone else). Add Vary: Origin whenever ${ACAO} is computed from the request.`,
        cite: "RFC 9110 §12.5.5, RFC 9111 §4.1",
        subject: "Vary",
      };
    },
  },
  {
    id: "cors.origin-mismatch",
    group: "cors",
    needsRequest: true,
    summary: "Access-Control-Allow-Origin admits the origin that made the request",
    run(ctx) {
      const origin = ctx.req("origin")?.trim();
      const allowed = acao(ctx);
      if (!origin || allowed === undefined) return null;
      // Same-origin requests (browsers send Origin on same-origin POSTs too) are not subject to the CORS check.
      if (targetOrigin(ctx) === origin) return null;
      if (allowed === "*") {
        if (ctx.req("cookie") === undefined) return null;
        return {
          severity: "info",
          title: "Cookies were sent, but the response allows any origin (*)",
          explanation: `A cross-origin request that carries cookies is a credentialed request, and browsers do not let a page read its response when ${ACAO} is *. Echo the allowlisted origin and send ${ACAC}: true, or make the request without credentials.`,
          cite: "RFC 6454 §3.4, §8.3, RFC 6265 §8.2",
          subject: ACAO,
        };
      }
      if (allowed === origin) return null;
      return {
        severity: "info",
        title: `The page at ${origin} may not read this response`,
        explanation: `${ACAO} admits ${allowed}, not the requesting origin, so the browser blocks the read (the request itself still reached the server). Correct if that origin should be refused; otherwise add it to the server's allowlist.`,
        cite: "RFC 6454 §3.4, §5",
        subject: ACAO,
      };
    },
  },
  {
    id: "cors.preflight-headers-misplaced",
    group: "cors",
    needsRequest: true,
    summary: "Access-Control-Allow-Methods, -Allow-Headers and -Max-Age appear only on preflight responses",
    run(ctx) {
      if (isPreflight(ctx)) return null;
      const present = [
        "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers",
        "Access-Control-Max-Age",
      ].filter((h) => ctx.has(h));
      if (present.length === 0) return null;
      // The catalogue (after httplint) calls this a warning; browsers ignore these fields outside a
      // preflight, so nothing breaks: it is information about wasted bytes and a likely config slip.
      return {
        severity: "info",
        title: `${present.join(", ")} outside a preflight`,
        explanation: `Browsers read ${present.length > 1 ? "these headers" : "this header"} only on the answer to a preflight (an OPTIONS request with Origin and Access-Control-Request-Method) and ignore ${present.length > 1 ? "them" : "it"} here. Send ${present.length > 1 ? "them" : "it"} only on preflight responses.`,
        cite: "RFC 9110 §9.3.7",
        subject: present[0],
      };
    },
  },
  {
    id: "cors.max-age",
    group: "cors",
    summary: "Access-Control-Max-Age is a non-negative integer number of seconds",
    run(ctx) {
      const values = ctx.all("access-control-max-age");
      if (values.length === 0) return null;
      const v = values.join(", ").trim();
      const subject = "Access-Control-Max-Age";
      if (values.length > 1 || !/^\d+$/.test(v)) {
        return {
          severity: "error",
          title: `Access-Control-Max-Age: ${v} is not a number of seconds`,
          explanation:
            "Browsers ignore a value that is not one non-negative integer and fall back to caching the preflight for 5 seconds, so every few requests pay for another OPTIONS round trip.",
          cite: "RFC 9111 §1.2.2",
          subject,
        };
      }
      const seconds = Number(v);
      if (seconds > 7200) {
        return {
          severity: "info",
          title: `Access-Control-Max-Age: ${seconds} is above Chromium's 2-hour cap`,
          explanation:
            "Browsers cap this value: Chromium at 2 hours (7200 s), Firefox at 24 hours. A larger value is legal but does not buy more.",
          cite: "RFC 9111 §1.2.2",
          subject,
        };
      }
      return null;
    },
  },
];
