import type { CheckDef } from "../types";

export const CACHING_CHECKS: CheckDef[] = [];
