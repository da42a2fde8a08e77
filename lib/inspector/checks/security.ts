/**
 * F. Security headers. Most of them only matter for documents a browser renders, so the framing, CSP
 * and missing-HSTS checks look at HTML only; our own JSON simulator responses never trigger them.
 * Several of these headers are defined outside the RFC series (CSP, Referrer Policy, the Fetch rules for
 * nosniff); their citations point at the closest RFC.
 */
import { endsAtHeaders } from "../../registry";
import { CSP_KEYWORDS, parseCsp, type Policy } from "../fields/csp";
import { parseHsts } from "../fields/hsts";
import { cookiePrefix, parseSetCookie } from "../fields/set-cookie";
import type { CheckDef, Context, FindingDraft } from "../types";

import { judgeEach, listValues, mediaType, splitList } from "./util";

const HSTS = "Strict-Transport-Security";
const XFO = "X-Frame-Options";
const CSP = "Content-Security-Policy";

/** Whether the document is HTML (declared, or undeclared but obviously HTML). */
function isHtml(ctx: Context): boolean {
  const type = mediaType(ctx.get("content-type"));
  if (type === "text/html" || type === "application/xhtml+xml") return true;
  return type === undefined && /^\s*<(!doctype\s+html|html[\s>])/i.test(ctx.body);
}

/** Whether the response came over HTTPS: as stated, else from the request URL's scheme, else unknown. */
function overHttps(ctx: Context): boolean | undefined {
  if (ctx.input.https !== undefined) return ctx.input.https;
  const url = ctx.input.request?.url?.toLowerCase();
  if (url?.startsWith("https://")) return true;
  if (url?.startsWith("http://")) return false;
  return undefined;
}

// --- Content-Security-Policy -------------------------------------------------------------------

type ScriptWeakness = "unsafe-inline" | "unsafe-eval" | "any-host";

/** What a policy leaves open for scripts, or null when it does not restrict scripts at all. */
function scriptWeaknesses(policy: Policy): Set<ScriptWeakness> | null {
  const sources = (policy.directives.get("script-src") ?? policy.directives.get("default-src"))?.map((s) =>
    s.toLowerCase(),
  );
  if (!sources) return null;
  const weak = new Set<ScriptWeakness>();
  const strictDynamic = sources.includes("'strict-dynamic'");
  // Browsers ignore 'unsafe-inline' when a nonce or hash is present (it is the usual fallback for very
  // old browsers), so it only counts on its own. httplint flags it regardless.
  const nonceOrHash = sources.some((s) => /^'(nonce-|sha256-|sha384-|sha512-)/.test(s));
  if (sources.includes("'unsafe-inline'") && !nonceOrHash && !strictDynamic) weak.add("unsafe-inline");
  if (sources.includes("'unsafe-eval'")) weak.add("unsafe-eval");
  // 'strict-dynamic' makes browsers ignore host and scheme sources.
  if (!strictDynamic && sources.some((s) => s === "*" || s === "http:" || s === "https:" || s === "data:"))
    weak.add("any-host");
  return weak;
}

const WEAKNESS_TEXT: Record<ScriptWeakness, { title: string; explanation: string }> = {
  "unsafe-inline": {
    title: "CSP allows inline scripts ('unsafe-inline')",
    explanation:
      "Injected <script> tags and onclick-style handlers run, which is exactly what an XSS attack needs. Move inline code to files, or allow specific inline scripts with nonces or hashes.",
  },
  "unsafe-eval": {
    title: "CSP allows eval() ('unsafe-eval')",
    explanation:
      "Strings can be turned into code with eval(), new Function() and similar, so injected data can become script. Remove the dependency on eval and drop 'unsafe-eval'.",
  },
  "any-host": {
    title: "CSP lets scripts load from any host",
    explanation:
      "A source of *, http:, https: or data: matches practically anything, so an attacker can load script from a server of their own. List the hosts you use, or use nonces with 'strict-dynamic'.",
  },
};

// --- Set-Cookie ----------------------------------------------------------------------------------

/** Names that usually hold a session or login; CSRF tokens are meant to be readable by scripts. */
const SESSION_NAME = /sess|^sid$|[._-]sid$|^sid[._-]|auth|token|jwt|login|remember/i;
const isSessionCookie = (name: string) => SESSION_NAME.test(name) && !/csrf|xsrf/i.test(name);

// --- Strict-Transport-Security -------------------------------------------------------------------

const ONE_YEAR = 31_536_000;

export const SECURITY_CHECKS: CheckDef[] = [
  {
    id: "sec.hsts",
    group: "security",
    summary: "HTTPS pages send a valid Strict-Transport-Security with a long max-age, and only over HTTPS",
    run(ctx) {
      const values = ctx.all("strict-transport-security");
      const https = overHttps(ctx);
      if (values.length === 0) {
        if (https !== true || !isHtml(ctx)) return null;
        return {
          severity: "warning",
          title: "HTTPS page without Strict-Transport-Security",
          explanation:
            "Without HSTS, a user who types the address or follows an http:// link makes a first plain-HTTP request that an attacker on the network can intercept or redirect. Send Strict-Transport-Security: max-age=31536000; includeSubDomains.",
          cite: "RFC 6797 §7.1, §14.6",
          subject: HSTS,
        };
      }
      if (https === false) {
        // RFC 6797 §7.2 forbids it (MUST NOT), but §8.1 makes browsers ignore it, so nothing breaks: a warning.
        return {
          severity: "warning",
          title: "Strict-Transport-Security sent over plain HTTP",
          explanation:
            "Browsers ignore HSTS received over an insecure connection, since an attacker could have added or removed it. Redirect HTTP to HTTPS and send the header on the HTTPS responses.",
          cite: "RFC 6797 §7.2, §8.1",
          subject: HSTS,
        };
      }
      const out: FindingDraft[] = [];
      if (values.length > 1) {
        out.push({
          severity: "warning",
          title: `Strict-Transport-Security sent ${values.length} times`,
          explanation: "Browsers use only the first one and ignore the rest. Send a single header.",
          cite: "RFC 6797 §8.1",
          subject: HSTS,
        });
      }
      const seen = new Set<string>();
      let maxAge: string | undefined;
      for (const { name, value } of parseHsts(values[0] ?? "")) {
        if (seen.has(name)) {
          out.push({
            severity: "error",
            title: `Strict-Transport-Security repeats ${name}`,
            explanation:
              "Each directive may appear only once; browsers ignore the whole header otherwise, so the site gets no HSTS protection.",
            cite: "RFC 6797 §6.1, §8.1",
            subject: HSTS,
          });
          return out;
        }
        seen.add(name);
        if (name === "max-age") maxAge = value ?? "";
      }
      if (maxAge === undefined || !/^\d+$/.test(maxAge)) {
        out.push({
          severity: "error",
          title:
            maxAge === undefined
              ? "Strict-Transport-Security has no max-age"
              : `max-age=${maxAge} is not a number of seconds`,
          explanation:
            "max-age is required and must be a whole number of seconds; without a valid one, browsers ignore the header and the site gets no HSTS protection.",
          cite: "RFC 6797 §6.1.1, §8.1",
          subject: HSTS,
        });
        return out;
      }
      const seconds = Number(maxAge);
      if (seconds === 0) {
        out.push({
          severity: "info",
          title: "Strict-Transport-Security: max-age=0 switches HSTS off",
          explanation:
            "Browsers forget the site's HSTS policy. That is the documented way to withdraw it; leave it in place only if that is the intent.",
          cite: "RFC 6797 §6.1.1",
          subject: HSTS,
        });
      } else if (seconds < ONE_YEAR) {
        // httplint compares with 1536000 (about 18 days) although its note says one year; we use a year.
        out.push({
          severity: "warning",
          title: `HSTS max-age of ${seconds} s is shorter than a year`,
          explanation:
            "Users who return after the policy expired make their first request over plain HTTP again, open to interception. Use at least 31536000 (one year) once HTTPS works everywhere on the host.",
          cite: "RFC 6797 §6.1.1, §11.2",
          subject: HSTS,
        });
      }
      return out;
    },
  },
  {
    id: "sec.nosniff",
    group: "security",
    summary: "Responses with content send X-Content-Type-Options: nosniff",
    run(ctx) {
      const values = ctx.all("x-content-type-options");
      if (values.length > 0) {
        const first = splitList(values.join(","))[0]?.toLowerCase();
        if (first === "nosniff") return null;
        return {
          severity: "warning",
          title: `X-Content-Type-Options: ${values.join(", ")} is not "nosniff"`,
          explanation:
            'Browsers only recognise the value nosniff (as the first value), so this turns nothing on and they may still guess the content type. Send exactly "nosniff".',
          cite: "RFC 9110 §8.3",
          subject: "X-Content-Type-Options",
        };
      }
      const s = ctx.status;
      if (endsAtHeaders(s) || (s >= 300 && s < 400 && ctx.has("location"))) return null;
      if (!ctx.hasContent && !ctx.has("content-type")) return null;
      return {
        severity: "warning",
        title: "No X-Content-Type-Options: nosniff",
        explanation:
          "Without it, browsers may ignore Content-Type and sniff the bytes, so an uploaded text or JSON file can end up run as HTML or script. Send X-Content-Type-Options: nosniff on every response.",
        cite: "RFC 9110 §8.3",
        subject: "X-Content-Type-Options",
      };
    },
  },
  {
    id: "sec.framing",
    group: "security",
    summary: "HTML says who may frame it (CSP frame-ancestors or X-Frame-Options DENY/SAMEORIGIN)",
    run(ctx) {
      const framesRestricted = parseCsp(ctx.all("content-security-policy")).some((p) =>
        p.directives.has("frame-ancestors"),
      );
      const xfo = listValues(ctx.all("x-frame-options"));
      const distinct = [...new Set(xfo)];
      if (distinct.length === 0) {
        if (!isHtml(ctx) || framesRestricted) return null;
        return {
          severity: "warning",
          title: "Page can be framed by any site",
          explanation:
            "Another site can load this page in an invisible frame and trick users into clicking on it (clickjacking). Send Content-Security-Policy: frame-ancestors 'none' (or 'self'), and X-Frame-Options: DENY for older browsers.",
          cite: "RFC 7034 §1, §2.1",
          subject: CSP,
        };
      }
      if (distinct.length === 1 && (distinct[0] === "deny" || distinct[0] === "sameorigin")) return null;
      // With frame-ancestors present, browsers ignore X-Frame-Options entirely: the bad value is harmless.
      const severity = framesRestricted ? "info" : "warning";
      const also = framesRestricted
        ? " It is ignored here because the CSP's frame-ancestors takes precedence."
        : "";
      if (distinct.length > 1) {
        return {
          severity,
          title: `Conflicting X-Frame-Options values: ${xfo.join(", ")}`,
          explanation: `Browsers treat several different values as "deny", so even your own pages cannot frame this one. Send a single DENY or SAMEORIGIN.${also}`,
          cite: "RFC 7034 §2.1",
          subject: XFO,
        };
      }
      const allowFrom = distinct[0]?.startsWith("allow-from");
      return {
        severity,
        title: allowFrom
          ? "X-Frame-Options: ALLOW-FROM is not supported"
          : `X-Frame-Options: ${ctx.get("x-frame-options")} is not a known value`,
        explanation: `Current browsers ignore ${allowFrom ? "ALLOW-FROM" : "this value"}, so the page can be framed by any site. Use CSP frame-ancestors to allow specific sites, or X-Frame-Options DENY or SAMEORIGIN.${also}`,
        cite: "RFC 7034 §2.1",
        subject: XFO,
      };
    },
  },
  {
    id: "sec.csp",
    group: "security",
    summary: "HTML has a parsable Content-Security-Policy that actually restricts scripts",
    run(ctx) {
      const html = isHtml(ctx);
      const policies = parseCsp(ctx.all("content-security-policy"));
      if (policies.length === 0) {
        if (!html) return null;
        const reportOnly = ctx.has("content-security-policy-report-only");
        return {
          severity: "info",
          title: reportOnly ? "CSP is only in report-only mode" : "No Content-Security-Policy",
          explanation: reportOnly
            ? "Content-Security-Policy-Report-Only reports violations but blocks nothing. Once the reports are clean, send the same policy as Content-Security-Policy."
            : "A CSP limits where scripts, styles and frames may come from, so an XSS bug cannot easily load or run attacker code. Start with default-src 'self' and loosen it as needed.",
          cite: "RFC 7762",
          subject: CSP,
        };
      }
      const out: FindingDraft[] = [];
      const malformed = policies.flatMap((p) => p.malformed);
      if (malformed.length > 0) {
        out.push({
          severity: "error",
          title: `CSP directive ${malformed.map((m) => `"${m}"`).join(", ")} cannot be parsed`,
          explanation:
            "Directives are a name, a space and a list of sources, separated by semicolons (script-src 'self'; img-src *). Browsers skip what does not parse, so that part of the policy is not enforced.",
          cite: "RFC 7762",
          subject: CSP,
        });
      }
      const unknown = policies.flatMap((p) => p.unknown);
      if (unknown.length > 0) {
        out.push({
          severity: "warning",
          title: `Unknown CSP directive ${unknown.join(", ")}`,
          explanation:
            "Browsers ignore directives they do not know, so a typo silently removes a restriction. Check the spelling.",
          cite: "RFC 7762",
          subject: CSP,
        });
      }
      const unquoted = [
        ...new Set(
          policies
            .flatMap((p) => [...p.directives.values()].flat())
            .filter((s) => CSP_KEYWORDS.has(s.toLowerCase())),
        ),
      ];
      if (unquoted.length > 0) {
        out.push({
          severity: "warning",
          title: `CSP keyword${unquoted.length > 1 ? "s" : ""} without quotes: ${unquoted.join(", ")}`,
          explanation: `Keywords must be written in single quotes ('${unquoted[0]}'); without them the browser reads a host name, so the keyword has no effect.`,
          cite: "RFC 7762",
          subject: CSP,
        });
      }
      if (!html) return out;
      // Every policy is enforced, so scripts are exposed only if each script-restricting policy leaves
      // the same hole open.
      const perPolicy = policies.map(scriptWeaknesses).filter((w): w is Set<ScriptWeakness> => w !== null);
      if (perPolicy.length === 0) {
        out.push({
          severity: "info",
          title: "CSP does not restrict scripts",
          explanation:
            "There is no script-src or default-src, so scripts may come from anywhere and inline scripts run. Add script-src (or default-src) to get XSS protection from the policy.",
          cite: "RFC 7762",
          subject: CSP,
        });
        return out;
      }
      for (const weakness of ["unsafe-inline", "unsafe-eval", "any-host"] as const) {
        if (perPolicy.every((w) => w.has(weakness)))
          out.push({ severity: "warning", ...WEAKNESS_TEXT[weakness], cite: "RFC 7762", subject: CSP });
      }
      return out;
    },
  },
  {
    id: "sec.referrer-policy",
    group: "security",
    summary: "Referrer-Policy is a known policy that does not send full URLs to other sites",
    run(ctx) {
      if (!ctx.has("referrer-policy")) return null;
      const KNOWN = [
        "no-referrer",
        "no-referrer-when-downgrade",
        "same-origin",
        "origin",
        "strict-origin",
        "origin-when-cross-origin",
        "strict-origin-when-cross-origin",
        "unsafe-url",
      ];
      const tokens = listValues(ctx.all("referrer-policy"));
      // Several values are a deliberate fallback list: browsers use the last one they recognise, so an
      // unknown token only matters when nothing recognisable is left.
      const effective = tokens.filter((t) => KNOWN.includes(t)).at(-1);
      const subject = "Referrer-Policy";
      const cite = "RFC 9110 §10.1.3, §17.9";
      if (!effective) {
        if (tokens.length === 0) return null;
        return {
          severity: "warning",
          title: `Unknown Referrer-Policy: ${tokens.join(", ")}`,
          explanation:
            "Browsers ignore values they do not recognise and fall back to their default. Use a policy such as strict-origin-when-cross-origin or no-referrer.",
          cite,
          subject,
        };
      }
      if (effective === "unsafe-url" || effective === "no-referrer-when-downgrade") {
        return {
          severity: "warning",
          title: `Referrer-Policy: ${effective} sends full URLs to other sites`,
          explanation: `Every site this page links to or loads from learns the full address, including paths and query strings, which can hold tokens or personal data${effective === "unsafe-url" ? ", even over plain HTTP" : ""}. Use strict-origin-when-cross-origin (or stricter).`,
          cite,
          subject,
        };
      }
      if (effective === "origin" || effective === "origin-when-cross-origin") {
        return {
          severity: "warning",
          title: `Referrer-Policy: ${effective} leaks the origin over plain HTTP`,
          explanation:
            "The origin is sent even when an HTTPS page requests something over insecure HTTP, where anyone on the network can read it. Use the strict- variant (strict-origin-when-cross-origin).",
          cite,
          subject,
        };
      }
      return null;
    },
  },
  {
    id: "sec.cookies",
    group: "security",
    summary:
      "Set-Cookie uses Secure, HttpOnly and SameSite correctly and respects the __Host-/__Secure- prefix rules",
    run(ctx) {
      // Browsers never expose Set-Cookie to fetch(), so this only sees cookies in pasted raw responses
      // or responses fetched server-side.
      const https = overHttps(ctx);
      const subject = "Set-Cookie";
      // Each distinct cookie line is judged once; repeats repeat its findings (grouped later).
      return judgeEach(ctx.all("set-cookie"), (raw) => {
        if (!raw.trim()) return null;
        const out: FindingDraft[] = [];
        const c = parseSetCookie(raw);
        const label = c.name ? `Cookie ${c.name}` : "A nameless cookie";
        if (!c.hasEquals) {
          out.push({
            severity: "warning",
            title: "Set-Cookie without name=value",
            explanation:
              "RFC 6265 tells browsers to ignore a cookie with no '='; newer browsers store it as a nameless cookie instead. Give the cookie a name.",
            cite: "RFC 6265 §4.1.1, §5.2",
            subject,
          });
        }
        if (c.name.length + c.value.length > 4096) {
          out.push({
            severity: "error",
            title: `${label} is larger than 4096 bytes`,
            explanation:
              "Browsers drop cookies whose name and value exceed 4096 bytes, so this one is never stored. Keep large state on the server and put only an identifier in the cookie.",
            cite: "RFC 6265 §6.1",
            subject,
          });
        }
        const secure = c.attrs.has("secure");
        const sameSite = c.attrs.get("samesite")?.toLowerCase();
        let secureReported = false;
        const prefix = cookiePrefix(c.name);
        if (prefix) {
          const broken: string[] = [];
          if (!secure) broken.push("it lacks Secure");
          if (https === false) broken.push("it was set over plain HTTP");
          if (prefix === "__Host-" && c.attrs.has("domain")) broken.push("it has a Domain attribute");
          if (prefix === "__Host-" && c.attrs.get("path") !== "/") broken.push("its Path is not /");
          if (broken.length > 0) {
            secureReported = !secure;
            out.push({
              severity: "error",
              title: `${label} breaks the ${prefix} prefix rules`,
              explanation: `Browsers reject the cookie because ${broken.join(" and ")}. A ${prefix} cookie must be Secure and set over HTTPS${prefix === "__Host-" ? ", with Path=/ and no Domain" : ""}.`,
              cite: "RFC 6265 §8.5, §8.6",
              subject,
            });
          }
        }
        if (sameSite === "none" && !secure) {
          secureReported = true;
          out.push({
            severity: "error",
            title: `${label} has SameSite=None without Secure`,
            explanation:
              "Browsers reject SameSite=None cookies that are not also Secure, so this cookie is never stored. Add Secure (and serve the site over HTTPS).",
            cite: "RFC 6265 §4.1.2.5, §8.2",
            subject,
          });
        }
        if (!secure && !secureReported && https !== false) {
          out.push({
            severity: "warning",
            title: `${label} is not Secure`,
            explanation:
              "Without Secure the browser also sends the cookie over plain HTTP, where anyone on the network can read it. Add Secure.",
            cite: "RFC 6265 §4.1.2.5, §8.3",
            subject,
          });
        }
        if (!c.attrs.has("httponly") && isSessionCookie(c.name)) {
          out.push({
            severity: "warning",
            title: `${label} looks like a session cookie but is not HttpOnly`,
            explanation:
              "Scripts on the page can read it, so any XSS bug lets an attacker steal the session. Add HttpOnly unless your own scripts really need the value.",
            cite: "RFC 6265 §4.1.2.6, §8.4",
            subject,
          });
        }
        if (sameSite !== undefined && !["strict", "lax", "none"].includes(sameSite)) {
          out.push({
            severity: "warning",
            title: `${label} has an invalid SameSite value "${c.attrs.get("samesite")}"`,
            explanation:
              "Browsers ignore an unknown SameSite value and apply their own default, which differs between browsers. Use Strict, Lax or None.",
            cite: "RFC 6265 §8.2",
            subject,
          });
        } else if (sameSite === undefined) {
          out.push({
            severity: "info",
            title: `${label} has no SameSite attribute`,
            explanation:
              "Browsers then choose: some treat it as Lax, others still send it on cross-site requests, which helps cross-site request forgery. Say SameSite=Lax (or Strict) explicitly.",
            cite: "RFC 6265 §8.2",
            subject,
          });
        }
        return out;
      }).flat();
    },
  },
  {
    id: "sec.info-leak",
    group: "security",
    summary: "No headers that advertise the server software and its version",
    run(ctx) {
      const out: FindingDraft[] = [];
      const cite = "RFC 9110 §10.2.4, §17.12";
      for (const name of [
        "X-Powered-By",
        "X-AspNet-Version",
        "X-AspNetMvc-Version",
        "X-Runtime",
        "X-Generator",
      ]) {
        const v = ctx.get(name);
        if (v === undefined) continue;
        out.push({
          severity: "info",
          title: `${name}: ${v} reveals the server stack`,
          explanation:
            "It tells attackers which software to look up vulnerabilities for, and costs bytes on every response. Turn it off in the framework or proxy.",
          cite,
          subject: name,
        });
      }
      const server = ctx.get("server");
      if (server !== undefined && /\/\s*v?\d|\b\d+\.\d+/.test(server)) {
        out.push({
          severity: "info",
          title: `Server: ${server} includes version numbers`,
          explanation:
            "Exact versions let attackers match the server to known vulnerabilities. Send only the product name (for example server_tokens off in nginx, ServerTokens Prod in Apache).",
          cite,
          subject: "Server",
        });
      }
      return out;
    },
  },
];
