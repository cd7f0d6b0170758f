/**
 * One tokenizer for the lexicon, the trained model and dedupe, so that a word means the same thing to all
 * three. Tokens are lower-case ASCII (diacritics folded: "patiënt" → "patient"); numbers keep their
 * thousand separators ("500.000") because quantities matter to the classifier; a currency sign is a word
 * ("eur", "usd", "gbp"), so a price reads as one.
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
  /**
   * Each item of a bulleted list is a sentence of its own; this maps it to the sentence that introduces the
   * list ("Wat wij kunnen leveren:"), which is what the item completes.
   */
  listHeads: ReadonlyMap<number, number>;
}

/**
 * One analysis reads the same body in classify, detectUnwanted and decideRoute; the few texts seen last are
 * kept so it is folded and split once. Results are shared, hence read-only.
 */
const RECENT = 8;
const recent: Tokenized[] = [];

export function tokenized(text: string): Tokenized {
  for (const entry of recent) if (entry.text === text) return entry;
  const { tokens, sentences, clauses, listHeads } = split(fold(text));
  return remember(text, () => tokens, tokens.map((token) => token.word), sentences, clauses, listHeads);
}

/** Tokens are made on first use: a joined text is mostly read as words only (language, spam markers). */
function remember(
  text: string,
  makeTokens: () => Token[],
  words: string[],
  sentences: number,
  clauses: number,
  listHeads: ReadonlyMap<number, number>,
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
    listHeads,
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
  const listHeads = new Map(head.listHeads);
  for (const [item, intro] of tail.listHeads) listHeads.set(item + head.sentences, intro + head.sentences);
  return remember(
    text,
    joinTokens,
    head.words.concat(tail.words),
    tail.sentences + head.sentences,
    tail.clauses + head.clauses,
    listHeads,
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
 * piece, which made tokenizing the costliest part of classification. Beyond what a pattern could say: the dot
 * of an abbreviation ends no sentence, a bulleted line starts one (listHeads), and €, $ and £ are words.
 */
function split(folded: string): {
  tokens: Token[];
  sentences: number;
  clauses: number;
  listHeads: Map<number, number>;
} {
  const tokens: Token[] = [];
  const listHeads = new Map<number, number>();
  const length = folded.length;
  let sentence = 0;
  let clause = 0;
  let at = 0;
  // The sentence introducing the current list, until a blank line ends it.
  let intro = -1;
  let marker = 0;
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
        // "Wij bieden aan:", a blank line, then the list: the items still complete that sentence.
        const opens = endsWithColon(folded, at);
        sentence += 1;
        clause += 1;
        intro = -1;
        at = end + 1;
        let start = at;
        while (folded.charCodeAt(start) === SPACE || folded.charCodeAt(start) === TAB) start += 1;
        if (opens && (marker = bulletLength(folded, start)) > 0) {
          intro = sentence - 1;
          listHeads.set(sentence, intro);
          at = start + marker;
        }
      } else if ((marker = bulletLength(folded, end)) > 0) {
        // "- frames voor gelaatsschermen (2.000 per dag)" and "- adapters voor beademing" are separate statements.
        if (intro < 0) intro = sentence;
        sentence += 1;
        clause += 1;
        listHeads.set(sentence, intro);
        at = end + marker;
      } else {
        at += 1;
      }
    } else if (CURRENCY.has(c)) {
      // "€ 1.150 per type" is a price: the sign becomes a word the amount reader knows (cues.ts).
      tokens.push({ word: CURRENCY.get(c)!, sentence, clause });
      at += 1;
    } else if (c === DOT && abbreviated(tokens, folded, at)) {
      at += 1;
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
  return { tokens, sentences: sentence, clauses: clause, listHeads };
}

const CURRENCY = new Map([
  [0x20ac, 'eur'],
  [0x24, 'usd'],
  [0xa3, 'gbp'],
]);

/** Abbreviations whose dot ends no sentence: "ca. 20.000 stuks", "o.a. mondkapjes", "bijv. dozen". */
const ABBREVIATIONS = new Set(['ca', 'bijv', 'bv', 'incl', 'excl', 'evt', 'nr', 'no', 'max', 'min', 'approx', 'resp', 'mln', 'vs', 'eg', 'ie', 'tel', 'ong']);

/** Whether the dot at `at` closes an abbreviation written right before it (a known one, or a single letter). */
function abbreviated(tokens: readonly Token[], folded: string, at: number): boolean {
  const last = tokens.at(-1);
  if (last === undefined || !isWordChar(folded.charCodeAt(at - 1))) return false;
  return (last.word.length === 1 && !isDigit(last.word.charCodeAt(0))) || ABBREVIATIONS.has(last.word);
}

const BULLET = 0x2022;
const MIDDLE_DOT = 0xb7;
const SMALL_SQUARE = 0x25aa;
const WHITE_BULLET = 0x25e6;
const ASTERISK = 42;
const CLOSE = new Set([DOT, CLOSE_PAREN]);

/** Whether the line ending at `newline` ends with a colon. */
function endsWithColon(folded: string, newline: number): boolean {
  let at = newline - 1;
  while (folded.charCodeAt(at) === SPACE || folded.charCodeAt(at) === TAB) at -= 1;
  return folded.charCodeAt(at) === COLON;
}

/** The length of a list marker at `at`, the start of a line ("- ", "• ", "* ", "1. ", "12) "), or 0. */
function bulletLength(folded: string, at: number): number {
  const c = folded.charCodeAt(at);
  if (c === BULLET || c === MIDDLE_DOT || c === SMALL_SQUARE || c === WHITE_BULLET) return 1;
  const next = folded.charCodeAt(at + 1);
  if (c === DASH || c === ASTERISK || c === EN_DASH || c === EM_DASH) return next === SPACE || next === TAB ? 1 : 0;
  if (!isDigit(c)) return 0;
  const close = isDigit(next) ? at + 2 : at + 1;
  return CLOSE.has(folded.charCodeAt(close)) && folded.charCodeAt(close + 1) === SPACE ? close + 1 - at : 0;
}
