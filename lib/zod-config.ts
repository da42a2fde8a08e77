/**
 * Zod's global settings, imported first by the modules that validate with zod in the browser.
 * In a browser zod probes for `new Function` once to decide whether to compile parsers; under the
 * pages' CSP (no 'unsafe-eval') the probe fails quietly but is reported as a policy violation on
 * every page. `jitless` skips the probe there; the server keeps the compiled parsers.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
