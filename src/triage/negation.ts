import type { Language } from '../core/types.js';
import { CLAUSE_BREAKS, NEGATION_UNDONE, NEGATORS } from './cues.js';
import type { Token } from './tokens.js';

/**
 * Whether a product word is denied: "we do not make masks", "geen mondkapjes", and Dutch verb-final
 * "mondkapjes maken wij niet". A negation reaches a few words, never across a clause ("but", "maar",
 * "wel", a comma), and "not only" / "niet alleen" is no negation.
 */

const LOOK_BACK = 5;
// Dutch verb-final: "mondkapjes maken wij niet", "beademingsapparatuur maken wij uiteraard niet".
const LOOK_AHEAD = 4;

export function isNegated(tokens: readonly Token[], start: number, end: number, language: Language): boolean {
  const clause = tokens[start]!.clause;
  for (let i = start - 1; i >= Math.max(0, start - LOOK_BACK); i -= 1) {
    const token = tokens[i]!;
    if (token.clause !== clause || CLAUSE_BREAKS.has(token.word)) break;
    if (NEGATORS.has(token.word) && !NEGATION_UNDONE.has(tokens[i + 1]?.word ?? '')) return true;
  }
  if (language !== 'nl') return false;
  for (let i = end; i < Math.min(tokens.length, end + LOOK_AHEAD); i += 1) {
    const token = tokens[i]!;
    if (token.clause !== clause || CLAUSE_BREAKS.has(token.word)) break;
    if (token.word === 'niet' && !NEGATION_UNDONE.has(tokens[i + 1]?.word ?? '')) return true;
  }
  return false;
}
