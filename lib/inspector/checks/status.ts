import type { CheckDef } from "../types";

export const STATUS_CHECKS: CheckDef[] = [];
