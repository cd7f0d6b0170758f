import type { Address, AutomaticMail } from '../core/types.js';
import type { Classification } from './classify.js';
import { gatherEvidence, mentionsProduct } from './evidence.js';
import { TermMatcher } from './matcher.js';
import { tokenizedJoin } from './tokens.js';
import { CRISIS_TERMS, DECIDING_TERMS, SELF_SUFFICIENT, UNWANTED_TERMS, type UnwantedTerm } from './unwanted-lexicon.js';

/**
 * Spam and mail that offers nothing the crisis team needs. Ignoring a real offer costs far more than
 * reviewing junk, so this only speaks on clear markers: a mail that names a product, or ties itself to
 * the crisis or to an offer of help, is left for review however spammy its wording.
 */

const UNWANTED = new TermMatcher<UnwantedTerm>(UNWANTED_TERMS);
const CRISIS = new TermMatcher<true>(CRISIS_TERMS.map((term) => [term, true] as const));

const SPAM_AT = 3;
/** Blatant spam (several markers) is spam even when it drops a product name, unless it plainly offers one. */
const BLATANT_SPAM_AT = 7;
const UNRELATED_AT = 3;
const CONFIDENT_OFFER = 0.75;
/** Sender mailboxes that send bulk mail rather than offers. */
const BULK_SENDER = /^(?:newsletter|nieuwsbrief|news|marketing|mailing|promo|info-?mail|no-?reply|noreply)\b/;

function offersProduct(all: string): boolean {
  const evidence = gatherEvidence([{ text: all, weight: 1, signatureShare: 1 }], 'nl');
  return Object.values(evidence.mentions).some((mentions) =>
    mentions.some((mention) => (mention.offered || mention.quantity !== null) && !mention.negated && !mention.passing),
  );
}

export interface UnwantedInput {
  subject: string | null;
  text: string;
  from: Address | null;
  classification: Classification;
}

export function detectUnwanted(input: UnwantedInput): AutomaticMail | null {
  // One string for both readings, so the tokenizer's memory of recent texts splits it once.
  const { text: joined, words: all } = tokenizedJoin(input.subject ?? '', input.text);
  const found = { spam: { score: 0, labels: new Set<string>() }, unrelated: { score: 0, labels: new Set<string>() } };
  let selfSufficient = 0;
  const decided = new Set<'spam' | 'unrelated'>();
  const seen = new Set<string>();
  const perLabel = new Map<string, number>();
  for (const match of UNWANTED.matchAll(all)) {
    const term = all.slice(match.start, match.end).join(' ');
    if (seen.has(term)) continue;
    seen.add(term);
    found[match.value.kind].score += match.value.weight;
    found[match.value.kind].labels.add(`${match.value.label} ('${term}')`);
    if (SELF_SUFFICIENT.has(match.value.label)) selfSufficient += match.value.weight;
    const terms = (perLabel.get(match.value.label) ?? 0) + 1;
    perLabel.set(match.value.label, terms);
    if (terms >= (DECIDING_TERMS.get(match.value.label) ?? Infinity)) decided.add(match.value.kind);
  }
  const local = input.from?.email.slice(0, input.from.email.indexOf('@')) ?? '';
  if (BULK_SENDER.test(local)) {
    found.unrelated.score += 1;
    found.unrelated.labels.add(`bulk sender ('${local}')`);
  }
  // Most mail has too few markers for either verdict; reading it for products again would change nothing.
  if (decided.size === 0 && found.spam.score < SPAM_AT && selfSufficient < UNRELATED_AT && found.unrelated.score < UNRELATED_AT)
    return null;
  const product = mentionsProduct(all);
  // A product offered (with an offer verb or a quantity) outweighs any wording: ignoring an offer costs most.
  const offered = product && offersProduct(joined);
  const top = input.classification.categories[0];
  const confidentOffer = offered && top !== undefined && top.category !== 'other' && top.score >= CONFIDENT_OFFER;

  if (decided.has('spam') || (found.spam.score >= BLATANT_SPAM_AT && !confidentOffer) || (found.spam.score >= SPAM_AT && !offered)) {
    return { kind: 'spam', reason: [...found.spam.labels].join(', ') };
  }
  const unrelated =
    decided.has('unrelated') ||
    (selfSufficient >= UNRELATED_AT && !offered) ||
    (found.unrelated.score >= UNRELATED_AT && !product && !CRISIS.test(all));
  if (unrelated) {
    return { kind: 'unrelated', reason: `no offer of supplies: ${[...found.unrelated.labels].join(', ')}` };
  }
  return null;
}
