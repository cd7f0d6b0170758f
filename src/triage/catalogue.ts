import { CATEGORIES, type Category } from '../core/types.js';
import { parseAmount } from '../mail/quantities.js';
import { BULK_UNITS } from './cues.js';
import type { Mention } from './evidence.js';

/**
 * Amounts across the kinds of product one message names: whether an amount can count a kind at all (tons are no
 * measure of masks), and which kind a catalogue offers in far the largest number.
 */

export function countsGoods(quantity: string, category: Category): boolean {
  // In an amount's unit "m" is metres ("6.000 m per week"), not a size as it may be elsewhere.
  return category === 'materials' || !quantity.split(' ').some((word) => BULK_UNITS.has(word) || word === 'm');
}

/** how many times the next kind's largest count the main kind's must be */
const DOMINANCE = 10;
/** "1.800.000 FFP2 op voorraad; daarnaast 2.000 doosjes handschoenen, 3.000 gelaatsschermen": the masks are the offer */
export const DOMINANT_SHARE = 1.5;

/**
 * The kind of product offered in far the largest number of pieces, when several kinds are counted: a
 * wholesaler's catalogue names many products, each a separate weight, but its main line is the big one.
 */
export function dominantByCount(mentions: Record<Category, Mention[]>): Category | null {
  // Most mail counts one kind of goods or none: nothing to compare then.
  let counted = 0;
  for (const category of CATEGORIES) if (mentions[category].some((m) => m.quantity !== null)) counted += 1;
  if (counted < 2) return null;
  const counts: Array<[Category, number]> = [];
  for (const category of CATEGORIES) {
    let most = 0;
    for (const m of mentions[category])
      if (m.quantity !== null && !m.negated && !m.passing && countsGoods(m.quantity, 'masks'))
        most = Math.max(most, pieces(m.quantity));
    if (most > 0) counts.push([category, most]);
  }
  // 25 ICU ventilators outweigh 200,000 masks: machines are counted in units, not in boxes.
  if (counts.length < 2 || counts.some(([category]) => category === 'ventilators')) return null;
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] >= DOMINANCE * counts[1]![1] ? counts[0]![0] : null;
}

const MILLIONS = new Set(['miljoen', 'million', 'millions', 'mln', 'mio']);

/** The number an amount's text starts with: "1.800.000", "500,000 per week", "10k", "2 miljoen stuks". */
function pieces(quantity: string): number {
  const [first = '', next] = quantity.split(' ');
  if (/^\d+k$/.test(first)) return Number(first.slice(0, -1)) * 1000;
  const amount = parseAmount(first, false);
  if (amount === null || Number.isNaN(amount)) return 0;
  return next !== undefined && MILLIONS.has(next) ? amount * 1e6 : amount;
}
