import type { CheckDef } from "../types";

export const BODY_CHECKS: CheckDef[] = [];
