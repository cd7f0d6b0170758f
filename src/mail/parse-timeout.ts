import { OfferTriageError } from '../errors.js';

interface Watched {
  deadline: number;
  ms: number;
  reject: (err: Error) => void;
}

/**
 * One watchdog timer for every parse in flight, armed for the earliest deadline, instead of a timer and a
 * Promise.race per parse: those cost 8-15 us of wall time on every message (bench/core.ts), about what
 * classification costs. It holds the process open only while a parse is pending, as a timer of its own did.
 */
const watched = new Set<Watched>();
let watchdog: NodeJS.Timeout | null = null;
let armedFor = Infinity;

function arm(deadline: number): void {
  if (watchdog && deadline >= armedFor) return;
  if (watchdog) clearTimeout(watchdog);
  armedFor = deadline;
  watchdog = setTimeout(expire, Math.max(0, deadline - Date.now()));
}

function expire(): void {
  watchdog = null;
  armedFor = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const w of watched) {
    if (w.deadline > now) {
      next = Math.min(next, w.deadline);
      continue;
    }
    watched.delete(w);
    w.reject(new OfferTriageError('OT_ERR_PARSE_TIMEOUT', `no result after ${w.ms} ms`, { permanent: true }));
  }
  if (next < Infinity) arm(next);
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w: Watched = { deadline: Date.now() + ms, ms, reject };
    watched.add(w);
    arm(w.deadline);
    watchdog?.ref();
    const settle = (): boolean => {
      if (!watched.delete(w)) return false; // already timed out
      if (watched.size === 0) watchdog?.unref();
      return true;
    };
    work.then(
      (value) => settle() && resolve(value),
      (err: unknown) => settle() && reject(err),
    );
  });
}
