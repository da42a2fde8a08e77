/**
 * The baseline: a bare node:http server that sends fixed bytes (a status line, headers and body
 * captured from the simulator) for every request. What the simulator would be with no work at all.
 */
import http from "node:http";

const port = Number(process.env.PORT ?? 3201);
const capture = JSON.parse(process.env.BASELINE_RESPONSE ?? "{}") as {
  status: number;
  statusMessage: string;
  headers: string[];
  body: string;
};
const body = Buffer.from(capture.body, "base64");

http
  .createServer((_req, res) => {
    res.writeHead(capture.status, capture.statusMessage, capture.headers);
    res.end(body);
  })
  .listen(port, "127.0.0.1");
