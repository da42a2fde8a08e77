/** Small HTTP building blocks shared by the simulator, the inspector and the console. */

/** Header fields in order, duplicates kept. */
export type HeaderList = [name: string, value: string][];

/** A complete answer from one of the site's own JSON APIs, before any framework sees it. */
export interface ApiResult {
  status: number;
  headers: HeaderList;
  body: string;
}

/** A token (RFC 9110 §5.6.2): what a field name, method or auth scheme must be. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

let cachedSecond = -1;
let cachedDate = "";

/** The current time as an IMF-fixdate (RFC 9110 §5.6.7), formatted at most once a second. */
export function httpDateNow(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}
