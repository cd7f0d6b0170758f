/**
 * Whether a phrase found in a message is denied by the words just before it, within the same clause:
 * "niet op voorraad", "we do not have masks in stock", "geen CE". A contrast word starts a new clause, so
 * "geen maskers, wel schorten op voorraad" and "no masks but gowns in stock" stay positive.
 */

/** How far back a negation can reach: a clause rarely carries one further than this. */
const LOOKBACK_CHARS = 80;
const LOOKBACK_WORDS = 6;

const CLAUSE_END =
  /[!?;:\n]|\.(?=\s|$)|\b(?:maar|but|however|echter|wel|although|though|alleen|only|whereas|terwijl)\b/giu;
const NEGATION =
  /\b(?:niet|niets|geen|nog\s+geen|not|no|nothing|none|never|nooit|without|zonder|cannot|can't|don't|doesn't|isn't|aren't|haven't|hasn't|won't|nor)(?![\p{L}'])/iu;

export function isNegated(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - LOOKBACK_CHARS), index);
  let clauseStart = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(window); m; m = CLAUSE_END.exec(window)) clauseStart = m.index + m[0].length;
  const words = window.slice(clauseStart).trim().split(/\s+/).slice(-LOOKBACK_WORDS).join(' ');
  return NEGATION.test(words);
}
