import { simpleParser } from 'mailparser';
import { analyse } from '../src/core/analyse.js';
import { HOLDOUT_CORPUS, loadMessages, MAIN_CORPUS } from './corpus.js';

/**
 * The pure core against bare mailparser on the same messages: the budget is at most 1.5x the cost
 * of a default `simpleParser` call. Both run sequentially on one core over the labelled corpora, repeated.
 */
export interface CoreFigures {
  messages: number;
  megabytes: number;
  bareMsgPerSec: number;
  bareMbPerSec: number;
  coreMsgPerSec: number;
  coreMbPerSec: number;
  /** core time / bare time: 1.0 means the core costs no more than parsing alone */
  costRatio: number;
}

async function timeIt(messages: Buffer[], rounds: number, fn: (raw: Buffer) => Promise<unknown>): Promise<number> {
  for (const m of messages) await fn(m); // warm-up: JIT and lazy requires out of the measurement
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const m of messages) await fn(m);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function benchCore(rounds = 10, repetitions = 5): Promise<CoreFigures> {
  const corpus = await loadMessages([MAIN_CORPUS, HOLDOUT_CORPUS]);
  const bytes = corpus.reduce((n, b) => n + b.length, 0) * rounds;
  const count = corpus.length * rounds;
  // Interleave the two measurements several times and keep the best of each: the minimum is the estimate
  // least disturbed by a noisy neighbour, a GC pause or the VM, and both sides get the same treatment.
  let bare = Infinity;
  let core = Infinity;
  for (let i = 0; i < repetitions; i++) {
    bare = Math.min(bare, await timeIt(corpus, rounds, (m) => simpleParser(m)));
    core = Math.min(core, await timeIt(corpus, rounds, (m) => analyse(m)));
  }
  return {
    messages: count,
    megabytes: bytes / 1e6,
    bareMsgPerSec: count / bare,
    bareMbPerSec: bytes / 1e6 / bare,
    coreMsgPerSec: count / core,
    coreMbPerSec: bytes / 1e6 / core,
    costRatio: core / bare,
  };
}
