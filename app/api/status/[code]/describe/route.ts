/** POST /api/status/{code}/describe: what the simulator sends for a request, as JSON (see lib/simulator/describe). */
import { DESCRIBE_MAX_BYTES } from "@/lib/limits";
import { PROBLEM_JSON, problem } from "@/lib/problem";
import { describeSimulation } from "@/lib/simulator/describe";
import { readLimited } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: RouteContext<"/api/status/[code]/describe">,
): Promise<Response> {
  const { code } = await context.params;
  // Stop at the limit rather than buffer whatever is sent (a 200 MB upload once took 600 MB of RSS).
  let read: Awaited<ReturnType<typeof readLimited>>;
  try {
    read = await readLimited(request, DESCRIBE_MAX_BYTES);
  } catch {
    // The client went away mid-upload: nobody is left to read an answer, and no stack is worth logging.
    return new Response(null, { status: 400, headers: { Connection: "close" } });
  }
  if (read.over) {
    const body = problem(
      413,
      `The description request is at least ${read.bytes} bytes; the limit is ${DESCRIBE_MAX_BYTES} bytes (64 KiB).`,
      { invalidParams: [{ name: "body", reason: `at most ${DESCRIBE_MAX_BYTES} bytes` }] },
    );
    return new Response(JSON.stringify(body, null, 2), {
      status: 413,
      // Close: the rest of the upload is not worth receiving just to keep the connection.
      headers: { "Content-Type": PROBLEM_JSON, "Cache-Control": "no-store", Connection: "close" },
    });
  }
  let payload: unknown = {};
  if (read.text.trim() !== "") {
    try {
      payload = JSON.parse(read.text);
    } catch {
      payload = null;
    }
  }
  const r = describeSimulation(code, payload);
  return new Response(r.body, { status: r.status, headers: r.headers });
}
