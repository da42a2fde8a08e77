import type { CheckDef } from "../types";

import { BODY_CHECKS } from "./body";
import { CACHING_CHECKS } from "./caching";
import { CORS_CHECKS } from "./cors";
import { HEADER_CHECKS } from "./headers";
import { NEGOTIATION_CHECKS } from "./negotiation";
import { SECURITY_CHECKS } from "./security";
import { STATUS_CHECKS } from "./status";

/** Every check, in the order they run. */
export const CHECKS: readonly CheckDef[] = [
  ...STATUS_CHECKS,
  ...HEADER_CHECKS,
  ...BODY_CHECKS,
  ...CACHING_CHECKS,
  ...NEGOTIATION_CHECKS,
  ...CORS_CHECKS,
  ...SECURITY_CHECKS,
];
