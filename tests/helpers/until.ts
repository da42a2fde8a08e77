/**
 * Polls `ok` every 10 ms until it holds or `ms` have passed, and says whether it held. Tests wait for
 * a state this way instead of sleeping a fixed time, which a busy CI machine can overrun.
 */
export async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return ok();
}
