/**
 * A realistic request for each code: the one a client would send to get that answer from a real
 * server (a Range for 206, If-None-Match for 304, ...). Used to show the simulator's response on
 * each page and to hold the simulator to the Inspector's rules.
 */
import { simulatorPath } from "../routes";

import { simulate, type SimRequest } from "./index";

export function exampleRequest(code: number, now?: Date): SimRequest {
  const headers: [string, string][] = [["Accept", "application/json"]];
  let method = "GET";
  switch (code) {
    case 100:
      method = "POST";
      headers.push(["Expect", "100-continue"]);
      break;
    case 101:
      headers.push(["Upgrade", "websocket"], ["Connection", "Upgrade"]);
      break;
    case 201:
      method = "POST";
      break;
    case 206:
      headers.push(["Range", "bytes=0-99"]);
      break;
    case 304: {
      // Revalidating what it has: the ETag the 200 for this URL carries.
      const first = simulate({ method, url: simulatorPath(code), code: String(code), headers, now });
      headers.push(["If-None-Match", first.headers.find(([n]) => n === "ETag")?.[1] ?? "*"]);
      break;
    }
    case 412:
      method = "PUT";
      headers.push(["If-Match", '"abc"']);
      break;
    case 416:
      headers.push(["Range", "bytes=5000-"]);
      break;
    case 417:
      method = "PUT";
      headers.push(["Expect", "100-continue"]);
      break;
    case 425:
      headers.push(["Early-Data", "1"]);
      break;
  }
  const req: SimRequest = { method, url: simulatorPath(code), code: String(code), headers };
  if (now) req.now = now;
  return req;
}
