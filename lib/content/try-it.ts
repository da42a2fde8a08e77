/**
 * The sentence above each page's "Try it" URLs: what the simulator sends for a code. It is derived
 * by asking the simulator itself (as the site's own server runs it, able to send interim responses),
 * so the sentence cannot drift from what a request really gets.
 */
import { forbidsContent, simulate } from "../simulator";
import type { StatusInfo } from "../registry";

/** The interim responses the site's server sends before the final answer to `GET /api/status/{code}`. */
export function interimSent(code: number): number[] {
  const res = simulate({
    method: "GET",
    url: `/api/status/${code}`,
    code: String(code),
    // 100 Continue only ever answers a request that asked for it.
    headers: code === 100 ? [["Expect", "100-continue"]] : [],
    canSendInterim: true,
    now: new Date(0),
  });
  return res.interim.map((i) => i.status);
}

export function tryItNote(status: StatusInfo): string {
  const code = status.code;
  let note: string;
  if (code < 200) {
    const sent = interimSent(code).includes(code);
    const lead = `A ${code} can only be an interim response, never the final one, so the simulator always ends with 200 OK and a JSON body that names the ${code} you asked for.`;
    if (!sent) {
      note = `${lead} It does not send a real ${code} first, and the body says why.`;
    } else if (code === 100) {
      note = `${lead} Before that, the site's own server (npm start) sends a real 100 Continue, but only to a request with Expect: 100-continue, as HTTP intends; the body says whether it was sent.`;
    } else {
      note = `${lead} Before that, the site's own server (npm start) sends a real ${code} interim response; the body says whether it was sent (a server that cannot send interim responses says so instead).`;
    }
  } else if (forbidsContent(code)) {
    note = `The simulator answers with a real ${code} and, as HTTP requires, no body and no Content-Type.`;
  } else {
    note = `The simulator answers any method with a real ${code}, the headers this code needs, and a small JSON body describing your request. HEAD gets the same headers without the body.`;
  }
  if (status.onWire === false) {
    note += ` Servers that use ${code} never send it to a client${status.clientSeesStatus ? ` (clients get a ${status.clientSeesStatus})` : ""}; the simulator sends it anyway, so you can test how a client copes with the number.`;
  }
  return note;
}
