import type { CheckDef } from "../types";

export const CORS_CHECKS: CheckDef[] = [];
