import { createHash } from 'node:crypto';
import { CLOSINGS } from './cues.js';
import { words } from './tokens.js';

/**
 * Keys that let storage merge one offer that reached us twice, e.g. forwarded by two associations with
 * different notes. Both work on the offer's own words: quote markers, forward header lines and everything
 * from the closing ("Met vriendelijke groet") on are left out, so signatures and quoting do not count.
 */

const HEADER_LINE = /^\s*(?:from|van|sent|verzonden|to|aan|cc|bcc|subject|onderwerp|date|datum)\s*:/i;
const QUOTE_MARKS = /^[\s>|]+/;
const SIGNATURE_DASHES = /^--\s*$/;
const SHINGLE = 3;
/** Identical bodies this long are one offer even when the sender address was read differently. */
const MIN_WORDS_FOR_IDENTITY = 20;
const FREE_MAIL = new Set([
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'live.nl',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'ziggo.nl',
  'kpnmail.nl',
  'hotmail.nl',
  'planet.nl',
  'xs4all.nl',
]);

/** The offer's words, without quoting, forward headers and signature. */
function offerWords(text: string): readonly string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (SIGNATURE_DASHES.test(raw)) break;
    const line = raw.replace(QUOTE_MARKS, '');
    if (!HEADER_LINE.test(line)) lines.push(line);
  }
  const all = words(lines.join('\n'));
  const closing = CLOSINGS.matchAll(all)[0]?.start;
  return closing !== undefined && closing > 0 ? all.slice(0, closing) : all;
}

export function textFingerprint(text: string): string {
  return createHash('sha256').update(offerWords(text).join(' ')).digest('hex').slice(0, 32);
}

function shingles(list: readonly string[]): Set<string> {
  const found = new Set<string>();
  if (list.length < SHINGLE) {
    if (list.length > 0) found.add(list.join(' '));
    return found;
  }
  for (let i = 0; i + SHINGLE <= list.length; i += 1) found.add(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return found;
}

/** Jaccard similarity of word 3-shingles of the offers' own words: 1 for the same text, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const left = shingles(offerWords(a));
  const right = shingles(offerWords(b));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export interface OfferKey {
  senderEmail: string | null;
  originalMessageId: string | null;
  text: string;
}

export function isSameOffer(a: OfferKey, b: OfferKey): boolean {
  if (a.originalMessageId !== null && a.originalMessageId === b.originalMessageId) return true;
  const senderA = a.senderEmail?.toLowerCase() ?? null;
  const senderB = b.senderEmail?.toLowerCase() ?? null;
  const wordsA = offerWords(a.text);
  if (wordsA.length >= MIN_WORDS_FOR_IDENTITY && wordsA.join(' ') === offerWords(b.text).join(' ')) return true;
  const score = similarity(a.text, b.text);
  if (senderA === null || senderB === null) return score >= 0.8;
  if (senderA === senderB) return score >= 0.5;
  const domainA = senderA.slice(senderA.indexOf('@') + 1);
  const sameCompany = domainA === senderB.slice(senderB.indexOf('@') + 1) && !FREE_MAIL.has(domainA);
  return sameCompany && score >= 0.7;
}
