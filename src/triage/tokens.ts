/**
 * One tokenizer for the lexicon, the trained model and dedupe, so that a word means the same thing to all
 * three. Tokens are lower-case ASCII (diacritics folded: "patiënt" → "patient"); numbers keep their
 * thousand separators ("500.000") because quantities matter to the classifier.
 */

export interface Token {
  word: string;
  /** sentences end at . ! ? (not inside numbers) and at blank lines */
  sentence: number;
  /** clauses also end at , ; : ( ) and dashes: negation does not reach across them */
  clause: number;
}

const PIECE = /[a-z0-9]+(?:[.,]\d+)*|\n[ \t]*\n|[.!?]+|[,;:()\u2013\u2014]| - /g;
const DIACRITICS = /[\u0300-\u036f]/g;
// Apostrophes go so that "don't" and "can't" stay one word a negation list can hold.
const APOSTROPHES = /['\u2019]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(DIACRITICS, '').replace(APOSTROPHES, '').toLowerCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  for (const match of fold(text).matchAll(PIECE)) {
    const piece = match[0];
    const first = piece.charCodeAt(0);
    const isWord = (first >= 97 && first <= 122) || (first >= 48 && first <= 57);
    if (isWord) {
      tokens.push({ word: piece, sentence, clause });
    } else if (piece.startsWith('\n') || piece[0] === '.' || piece[0] === '!' || piece[0] === '?') {
      sentence += 1;
      clause += 1;
    } else {
      clause += 1;
    }
  }
  return tokens;
}

/** Words only, for the bag-of-words model and shingles. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.word);
}
