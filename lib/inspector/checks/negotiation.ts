import type { CheckDef } from "../types";

export const NEGOTIATION_CHECKS: CheckDef[] = [];
