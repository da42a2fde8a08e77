import type { CheckDef } from "../types";

export const SECURITY_CHECKS: CheckDef[] = [];
