/**
 * The site's own server without Next (pages answer 404): what the server tests start as a child
 * process, so they need no `next build`. Everything else (configuration, state store, fair use,
 * scenarios, health, shutdown) is the code `npm start` runs.
 */
import { run } from "../../server/app";

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
