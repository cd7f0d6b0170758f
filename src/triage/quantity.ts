import { COUNTED_GOODS, NOT_QUANTITY_BEFORE, PERIOD_WORDS, QUANTITY_UNITS } from './cues.js';
import type { Token } from './tokens.js';

/**
 * Finds, per sentence, the first number that reads as an amount of goods ("500.000 per week",
 * "20,000 gowns a week", "10k"), so a product word next to it counts as the thing offered. Standards
 * ("EN 149"), years and phone numbers are not amounts.
 */

const THOUSANDS = /^\d{1,3}(?:[.,]\d{3})+$/;
const DIMENSION_UNITS = new Set([
  'mm',
  'cm',
  'um',
  'micron',
  'nm',
  'pa',
  'mbar',
  'bar',
  'rpm',
  'toeren',
  'graden',
  'degrees',
  // "polyester 120 g/m²": a fabric's weight per square metre
  'g',
  // "hand sanitizer 500 ml": the size of a bottle
  'ml',
  'gr',
  'gsm',
]);
/** the words before "for"/"voor" that count a supply in what it will make: "enough for", "materiaal voor ca. 5.000 stuks" */
const OUTPUT_OF = new Set(['enough', 'sufficient', 'voldoende', 'genoeg', 'materiaal', 'material']);
const ROUGHLY = new Set(['roughly', 'about', 'approximately', 'around', 'ongeveer', 'circa', 'ca', 'zo', 'n']);
const ALTERNATIVE = new Set(['or', 'of']);

function countsOutput(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k]?.word;
  return (word === 'for' || word === 'voor') && OUTPUT_OF.has(tokens[k - 1]?.word ?? '');
}

/**
 * "8 t is enough for roughly 4 million masks": what a material will make, not goods offered; so is each
 * alternative after it ("... or about 250,000 FFP2 masks"), however the parentheses between split the clauses.
 */
function sizesOutput(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ROUGHLY.has(tokens[k]!.word)) k -= 1;
  if (countsOutput(tokens, k)) return true;
  if (!ALTERNATIVE.has(tokens[k]?.word ?? '')) return false;
  const { sentence } = tokens[i]!;
  for (let m = k - 1; m >= 1 && tokens[m]!.sentence === sentence; m -= 1) if (countsOutput(tokens, m)) return true;
  return false;
}

export interface Amount {
  /** "500.000 per week" */
  text: string;
  /** the token the number stands at */
  at: number;
}

export function quantitiesBySentence(tokens: readonly Token[]): Map<number, Amount> {
  const found = new Map<number, Amount>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (found.has(token.sentence) || !isAmount(tokens, i)) continue;
    // "500.000 FFP2 mondkapjes per week" reads as "500.000 per week": goods between amount and unit are skipped.
    const parts = [token.word];
    let skipped = 0;
    for (let k = i + 1; k < Math.min(tokens.length, i + 6); k += 1) {
      const next = tokens[k]!;
      if (next.clause !== token.clause) break;
      if (QUANTITY_UNITS.has(next.word) || PERIOD_WORDS.has(next.word)) parts.push(next.word);
      else if (parts.length === 1 && skipped < 2 && !/^\d/.test(next.word)) skipped += 1;
      else break;
    }
    found.set(token.sentence, { text: parts.join(' '), at: i });
  }
  return found;
}

/** "100-120 masks per minute", "20 FFP2-mondkapjes tegelijk in 5 minuten", "per cyclus": a machine's pace */
const PACE = new Set(['minute', 'minutes', 'minuut', 'minuten', 'tegelijk', 'tegelijkertijd', 'cyclus', 'cycle']);
/** words after an amount that may still say it is a pace */
const PACE_REACH = 4;

function machinePace(tokens: readonly Token[], i: number): boolean {
  const { clause } = tokens[i]!;
  for (let k = i + 1; k <= Math.min(tokens.length - 1, i + PACE_REACH) && tokens[k]!.clause === clause; k += 1)
    if (PACE.has(tokens[k]!.word)) return true;
  return false;
}

const PIECES = new Set(['pcs', 'pc', 'pieces', 'stuks', 'st']);
const PACKS = new Set(['box', 'doos', 'carton', 'ctn', 'pack', 'verpakking', 'zak', 'bag']);

function perPack(tokens: readonly Token[], i: number): boolean {
  const { clause } = tokens[i]!;
  let k = i + 1;
  if (!PIECES.has(tokens[k]?.word ?? '')) return false;
  k += tokens[k + 1]?.word === 'per' ? 2 : 1;
  return tokens[k]?.clause === clause && PACKS.has(tokens[k]!.word);
}

function isAmount(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.word;
  const code = word.charCodeAt(0);
  if (code < 48 || code > 57) return false;
  const before = tokens[i - 1];
  if (before && NOT_QUANTITY_BEFORE.has(before.word)) return false;
  // "roll widths 1,600 mm", "tot 60.000 toeren": a size or a rating, not an amount of goods.
  const next = tokens[i + 1];
  if (next && next.clause === tokens[i]!.clause && DIMENSION_UNITS.has(next.word)) return false;
  // "95 l/min": a flow rate in a test method, not 95 litres of anything; "1.200 m³/h": a fan's air flow
  if (next?.word === 'l' && tokens[i + 2]?.word === 'min') return false;
  if ((next?.word === 'm' || next?.word === 'm3') && tokens[i + 2]?.word === 'h') return false;
  // "output 100-120 masks per minute per line", "20 mondkapjes tegelijk": a machine's pace, not goods offered
  if (machinePace(tokens, i)) return false;
  // "20 pcs/box", "50 stuks per doos": how the goods are packed
  if (perPack(tokens, i)) return false;
  // "8 t is enough for roughly 4 million masks": what a material will make, not goods offered.
  if (sizesOutput(tokens, i)) return false;
  if (/^\d+k$/.test(word) || THOUSANDS.test(word)) return true;
  if (!/^\d+$/.test(word)) return false;
  const after = tokens[i + 1];
  if (after && after.clause === tokens[i]!.clause && (QUANTITY_UNITS.has(after.word) || COUNTED_GOODS.has(after.word)))
    return true;
  // "25 ICU ventilators", "40 refurbished monitors": a small count of goods, one word describing them.
  const goods = tokens[i + 2];
  if (goods && goods.clause === tokens[i]!.clause && COUNTED_GOODS.has(goods.word) && /^[a-z]/.test(after!.word))
    return true;
  // "ISO 16603/16604", "EN 14126/14683": a bare number after a standard's number is the standard's too.
  if (
    before &&
    /^\d+$/.test(before.word) &&
    before.clause === tokens[i]!.clause &&
    NOT_QUANTITY_BEFORE.has(tokens[i - 2]?.word ?? '')
  )
    return false;
  // "053 - 480 12 34": a group of a phone number, after an area code or before groups of one or two digits;
  // "RvA L 412": a code after a single letter ("3 x 100" is a product of amounts).
  if ((before && /^0\d+$/.test(before.word)) || (after && /^\d{1,2}$/.test(after.word))) return false;
  if (before && before.word.length === 1 && before.word !== 'x') return false;
  if (after && word.length === 4 && /^[a-z]{2}$/.test(after.word)) return false; // a Dutch postcode, "1234 AB"
  const amount = Number(word);
  const looksLikeYear = word.length === 4 && amount >= 1900 && amount <= 2100;
  return amount >= 100 && word.length <= 7 && !looksLikeYear && !word.startsWith('0');
}
