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

const DIACRITICS = /[\u0300-\u036f]/g;
// Apostrophes go so that "don't" and "can't" stay one word a negation list can hold.
const APOSTROPHES = /['\u2019]/g;
/** Anything but tab, newline and printable ASCII (a range, as control characters may not be spelt in a pattern). */
const MAY_DECOMPOSE = /[^\t-~]/;

export function fold(text: string): string {
  // Plain ASCII has nothing to decompose: most mail is, and normalize() copies the whole text regardless.
  const decomposed = MAY_DECOMPOSE.test(text) ? text.normalize('NFD').replace(DIACRITICS, '') : text;
  return decomposed.replace(APOSTROPHES, '').toLowerCase();
}

export interface Tokenized {
  text: string;
  tokens: readonly Token[];
  words: readonly string[];
  /** the sentence and clause counts at the end of the text, trailing breaks included */
  sentences: number;
  clauses: number;
}

/**
 * One analysis reads the same body in classify, detectUnwanted and decideRoute; the few texts seen last are
 * kept so it is folded and split once. Results are shared, hence read-only.
 */
const RECENT = 8;
const recent: Tokenized[] = [];

export function tokenized(text: string): Tokenized {
  for (const entry of recent) if (entry.text === text) return entry;
  const { tokens, sentences, clauses } = split(fold(text));
  return remember(text, () => tokens, tokens.map((token) => token.word), sentences, clauses);
}

/** Tokens are made on first use: a joined text is mostly read as words only (language, spam markers). */
function remember(
  text: string,
  makeTokens: () => Token[],
  words: string[],
  sentences: number,
  clauses: number,
): Tokenized {
  let tokens: readonly Token[] | null = null;
  // Frozen: the matcher keeps its scan of a frozen word list (matcher.ts), as nobody can change it.
  const entry: Tokenized = {
    text,
    get tokens() {
      return (tokens ??= Object.freeze(makeTokens()));
    },
    words: Object.freeze(words),
    sentences,
    clauses,
  };
  if (recent.unshift(entry) > RECENT) recent.pop();
  return entry;
}

/**
 * Characters that may start a blank line across the seam once folded: fold drops apostrophes and
 * combining marks, and the scanner skips spaces and tabs looking for the second newline.
 */
const SEAM_BREAK = /^[\u0300-\u036f \t\n'\u2019]/;

/**
 * `${first}\n${second}` (a subject over its body), tokenized from the two texts' own tokens when the seam
 * cannot hold a blank line: the second's tokens then only count on from the first's sentences and clauses.
 * Folding and splitting the body a second time had cost as much as reading it for the lexicon.
 */
export function tokenizedJoin(first: string, second: string): Tokenized {
  const text = `${first}\n${second}`;
  if (first.includes('\n') || SEAM_BREAK.test(second)) return tokenized(text);
  for (const entry of recent) if (entry.text === text) return entry;
  const head = tokenized(first);
  const tail = tokenized(second);
  const joinTokens = (): Token[] => {
    const tokens = head.tokens.slice();
    for (const token of tail.tokens)
      tokens.push({ word: token.word, sentence: token.sentence + head.sentences, clause: token.clause + head.clauses });
    return tokens;
  };
  return remember(
    text,
    joinTokens,
    head.words.concat(tail.words),
    tail.sentences + head.sentences,
    tail.clauses + head.clauses,
  );
}

export function tokenize(text: string): readonly Token[] {
  return tokenized(text).tokens;
}

/** Words only, for the bag-of-words model and shingles. */
export function words(text: string): readonly string[] {
  return tokenized(text).words;
}

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;
const BANG = 33;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const SEMICOLON = 59;
const QUESTION = 63;
const A = 97;
const Z = 122;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;
const isWordChar = (c: number): boolean => (c >= A && c <= Z) || isDigit(c);
const isStop = (c: number): boolean => c === DOT || c === BANG || c === QUESTION;
const isClauseMark = (c: number): boolean =>
  c === COMMA ||
  c === SEMICOLON ||
  c === COLON ||
  c === OPEN_PAREN ||
  c === CLOSE_PAREN ||
  c === EN_DASH ||
  c === EM_DASH;

/**
 * A hand-written scan of the folded text, piece by piece as the pattern
 * /[a-z0-9]+(?:[.,]\d+)*|\n[ \t]*\n|[.!?]+|[,;:()\u2013\u2014]| - /g would cut it: words (numbers keep
 * "500.000"), blank lines and . ! ? end sentences, the rest end clauses. The regex allocated a match per
 * piece, which made tokenizing the costliest part of classification.
 */
function split(folded: string): { tokens: Token[]; sentences: number; clauses: number } {
  const tokens: Token[] = [];
  const length = folded.length;
  let sentence = 0;
  let clause = 0;
  let at = 0;
  while (at < length) {
    const c = folded.charCodeAt(at);
    if (isWordChar(c)) {
      let end = at + 1;
      while (end < length && isWordChar(folded.charCodeAt(end))) end += 1;
      for (;;) {
        const mark = folded.charCodeAt(end);
        if ((mark !== DOT && mark !== COMMA) || !isDigit(folded.charCodeAt(end + 1))) break;
        end += 2;
        while (end < length && isDigit(folded.charCodeAt(end))) end += 1;
      }
      tokens.push({ word: folded.slice(at, end), sentence, clause });
      at = end;
    } else if (c === NEWLINE) {
      let end = at + 1;
      while (folded.charCodeAt(end) === SPACE || folded.charCodeAt(end) === TAB) end += 1;
      if (folded.charCodeAt(end) === NEWLINE) {
        sentence += 1;
        clause += 1;
        at = end + 1;
      } else {
        at += 1;
      }
    } else if (isStop(c)) {
      sentence += 1;
      clause += 1;
      at += 1;
      while (isStop(folded.charCodeAt(at))) at += 1;
    } else if (isClauseMark(c)) {
      clause += 1;
      at += 1;
    } else if (c === SPACE && folded.charCodeAt(at + 1) === DASH && folded.charCodeAt(at + 2) === SPACE) {
      clause += 1;
      at += 3;
    } else {
      at += 1;
    }
  }
  return { tokens, sentences: sentence, clauses: clause };
}
