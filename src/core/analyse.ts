import type { Analysis, Settled } from './types.js';
import { parseMail, type ParseLimits } from '../mail/parse.js';
import { chunksOf } from './chunks.js';
import { judge, openEnvelope, readOffer } from './stages.js';

/**
 * The pure core: parse → unwrap the forward → extract → classify → route. No I/O: the same bytes always
 * give the same analysis, which is what makes reprocessing safe.
 *
 * Messages go through in groups, each step over the whole group before the next. Interleaved per message,
 * mailparser and our steps push each other's code out of the CPU's caches and branch predictors: one
 * message at a time took about 1.6 times as long as grouped on the bench corpus (src/core/README.md).
 * A group is bounded in messages and bytes, since it holds every member's parsed mail at once.
 */
export const GROUP_MESSAGES = 32;
export const GROUP_BYTES = 16 * 1024 * 1024;

/** Each message's analysis or the error that stopped it, in the order given; one failure never stops another. */
export async function analyseBatch(
  raws: readonly Buffer[],
  limits?: Partial<ParseLimits>,
): Promise<Settled<Analysis>[]> {
  const out: Settled<Analysis>[] = [];
  for (const group of groupsOf(raws)) {
    const parsed = await step(
      group.map((raw) => ({ ok: true, value: raw })),
      (raw: Buffer) => parseMail(raw, limits),
    );
    const opened = await step(parsed, (mail) => openEnvelope(mail, limits));
    const offers = await step(opened, readOffer);
    out.push(...(await step(offers, judge)));
  }
  return out;
}

/** One message; throws what stopped it (OfferTriageError for unreadable mail). */
export async function analyse(raw: Buffer, limits?: Partial<ParseLimits>): Promise<Analysis> {
  const result = (await analyseBatch([raw], limits))[0]!;
  if (!result.ok) throw result.error;
  return result.value;
}

export type AnalyseBatch = (raws: readonly Buffer[]) => Promise<Settled<Analysis>[]>;

async function step<A, B>(items: Settled<A>[], fn: (item: A) => B | Promise<B>): Promise<Settled<B>[]> {
  const out: Settled<B>[] = [];
  for (const item of items) {
    if (!item.ok) {
      out.push(item);
      continue;
    }
    try {
      const value = fn(item.value);
      // A sync step is not awaited: a yield per message and step is measurable when messages are small.
      out.push({ ok: true, value: value instanceof Promise ? await value : value });
    } catch (error) {
      out.push({ ok: false, error });
    }
  }
  return out;
}

/** Consecutive groups of at most `maxMessages` and `maxBytes`; a message larger than `maxBytes` is a group of its own. */
export function groupsOf(raws: readonly Buffer[], maxMessages = GROUP_MESSAGES, maxBytes = GROUP_BYTES): Buffer[][] {
  return chunksOf(raws, maxMessages, maxBytes, (raw) => raw.length);
}
