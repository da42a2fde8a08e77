import type { CheckDef } from "../types";

export const HEADER_CHECKS: CheckDef[] = [];
