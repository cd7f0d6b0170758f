import { simpleParser } from 'mailparser';
import { analyse, analyseBatch } from '../src/core/analyse.js';
import { offerBody } from '../src/mail/body.js';
import { detectLanguage } from '../src/mail/language.js';
import { parseMail } from '../src/mail/parse.js';
import { unwrapForward } from '../src/mail/unwrap.js';
import { classify, type ClassifyInput } from '../src/triage/classify.js';
import { HOLDOUT_CORPUS, loadMessages, MAIN_CORPUS } from './corpus.js';

/**
 * The pure core against bare mailparser on the same messages: the budget is at most 1.5x the cost
 * of a default `simpleParser` call. Both run sequentially on one core over the labelled corpora, repeated.
 * The core runs as the process worker runs it, a batch at a time (`analyseBatch`); one message at a time
 * (`analyse`, as `parse` on one file does) is printed beside it.
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
  /** the core called once per message */
  oneAtATimeMsgPerSec: number;
  oneAtATimeRatio: number;
  /** classification alone, CPU per message in a hot loop over the same messages' offer texts */
  classifyMicroseconds: number;
}

async function timeIt(rounds: number, pass: () => Promise<unknown>): Promise<number> {
  await pass(); // warm-up: JIT and lazy requires out of the measurement
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) await pass();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const each = (messages: Buffer[], fn: (raw: Buffer) => Promise<unknown>) => async () => {
  for (const m of messages) await fn(m);
};

/** The classifier's share on its own: CPU time, best round, each message's text new to the tokenizer's memory. */
async function classifyCost(corpus: Buffer[], rounds: number): Promise<number> {
  const inputs: ClassifyInput[] = [];
  for (const raw of corpus) {
    const mail = await parseMail(raw);
    const { original, note } = await unwrapForward(mail);
    const text = offerBody(original.text);
    const subject = original.subject ?? mail.subject;
    inputs.push({ subject, text, forwarderNote: note, attachmentNames: [], language: detectLanguage(text, subject) });
  }
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const fresh = inputs.map((input) => ({ ...input, text: `${input.text}\n${round}` }));
    const start = process.cpuUsage();
    for (const input of fresh) classify(input);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / fresh.length);
  }
  return best;
}

export async function benchCore(rounds = 10, repetitions = 9): Promise<CoreFigures> {
  const corpus = await loadMessages([MAIN_CORPUS, HOLDOUT_CORPUS]);
  const bytes = corpus.reduce((n, b) => n + b.length, 0) * rounds;
  const count = corpus.length * rounds;
  // Interleave the two measurements several times and keep the best of each: the minimum is the estimate
  // least disturbed by a noisy neighbour, a GC pause or the VM, and both sides get the same treatment.
  let bare = Infinity;
  let core = Infinity;
  let single = Infinity;
  for (let i = 0; i < repetitions; i++) {
    bare = Math.min(bare, await timeIt(rounds, each(corpus, (m) => simpleParser(m))));
    core = Math.min(core, await timeIt(rounds, () => analyseBatch(corpus)));
    single = Math.min(single, await timeIt(rounds, each(corpus, (m) => analyse(m))));
  }
  return {
    messages: count,
    megabytes: bytes / 1e6,
    bareMsgPerSec: count / bare,
    bareMbPerSec: bytes / 1e6 / bare,
    coreMsgPerSec: count / core,
    coreMbPerSec: bytes / 1e6 / core,
    costRatio: core / bare,
    oneAtATimeMsgPerSec: count / single,
    oneAtATimeRatio: single / bare,
    classifyMicroseconds: await classifyCost(corpus, rounds * 2),
  };
}
