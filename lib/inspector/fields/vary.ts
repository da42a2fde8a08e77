/** Vary (RFC 9110 §12.5.5): `*`, or a comma-separated list of request field names. */
import { listValues, splitList } from "./list";

/** Vary's members as written, over every field line, in order (duplicates kept). */
export function varyMembers(values: string[]): string[] {
  return values.flatMap(splitList);
}

/** Vary's members lower-cased, as they compare (field names are case-insensitive, RFC 9110 §5.1). */
export function varyNames(values: string[]): string[] {
  return listValues(values);
}
