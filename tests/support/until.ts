import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `what` until it holds; throws after `timeoutMs` so a stuck test fails instead of hanging. */
export async function until(what: () => Promise<boolean>, timeoutMs = 90_000, stepMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(stepMs);
  }
}
