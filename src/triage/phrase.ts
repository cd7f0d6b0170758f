import { NEEDS } from './cues.js';
import type { Token } from './tokens.js';
import type { Amount } from './quantity.js';

/**
 * What a product word's phrase and sentence say about it: which noun of a run of product words it describes,
 * which product an amount counts, what a product is made of, and whether its sentence states a need. Pure
 * readings of the tokenizer's output, used by the lexicon scan (evidence.ts).
 */

/** A product word's place in the token list. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The kind each product word's noun phrase is about: in a run of product words that touch ("stoffen
 * mondkapjes", "meltblown mask material"), the last one is the noun and the others describe it.
 */
export function phraseHeads<K>(hits: readonly Span[], kinds: readonly K[]): K[] {
  const heads = [...kinds];
  for (let h = hits.length - 2; h >= 0; h -= 1) if (hits[h + 1]!.start <= hits[h]!.end) heads[h] = heads[h + 1]!;
  return heads;
}

/** words after an amount that may still name what it counts: "2.000 wasbare stoffen mondkapjes" */
const AMOUNT_NOUN_REACH = 4;

/** Per sentence, the kind of product an amount counts, when a product word follows the amount. */
export function amountHeadsBySentence<K>(
  amounts: ReadonlyMap<number, Amount>,
  hits: readonly Span[],
  heads: readonly K[],
  tokens: readonly Token[],
): Map<number, K> {
  const found = new Map<number, K>();
  for (const [sentence, { at }] of amounts) {
    const h = hits.findIndex(
      (hit) =>
        hit.start > at && hit.start <= at + AMOUNT_NOUN_REACH && tokens[hit.start]!.clause === tokens[at]!.clause,
    );
    if (h >= 0) found.set(sentence, heads[h]!);
  }
  return found;
}

const MADE_OF = new Set(['van', 'uit', 'met', 'of', 'from', 'with']);
/** "twee lagen katoen met een tussenlaag van polypropyleen vlies", "3-ply", "inner layer" */
const LAYERS = new Set([
  'lagen',
  'laags',
  'laag',
  'tussenlaag',
  'binnenlaag',
  'buitenlaag',
  'filterlaag',
  'layers',
  'layer',
  'ply',
]);

/** Where the description of what a product is made of runs. */
export interface Composition {
  clause: number;
  /** the description runs on to the end of the sentence: it names layers */
  sentence: number | null;
}

/**
 * "mondkapjes (maken) van ...", "gowns made of ...", "masks with ...": the rest of the clause says what the
 * product is made of; "stoffen mondkapjes: twee lagen katoen, een tussenlaag van vlies, elastiek", the rest of
 * the sentence.
 */
export function composition(product: Span, tokens: readonly Token[], words: readonly string[]): Composition | null {
  const { clause, sentence } = tokens[product.start]!;
  let layered = false;
  for (let at = product.end; at < tokens.length && tokens[at]!.sentence === sentence && !layered; at += 1)
    layered = LAYERS.has(words[at]!);
  if (layered) return { clause, sentence };
  for (let at = product.end; at < Math.min(words.length, product.end + 2); at += 1)
    if (tokens[at]!.clause === clause && MADE_OF.has(words[at]!)) return { clause, sentence: null };
  return null;
}

/** Whether a token lies in a description of what a product is made of. */
export function describes(made: Composition | null, token: Token): boolean {
  return made !== null && (made.clause === token.clause || made.sentence === token.sentence);
}

const NEED_STARTS = new Set(NEEDS.map((phrase) => phrase[0]!));

/**
 * Whether the sentence of a token opens (at its first or second word) with a need (NEEDS), or is an item of a
 * list whose introduction does ("Wat we nodig hebben:" over "- meltblown filtermateriaal"); asked only for
 * product words, and answered once per sentence.
 */
export function needsReader(
  tokens: readonly Token[],
  words: readonly string[],
  listHeads: ReadonlyMap<number, number>,
): (at: number) => boolean {
  const known = new Map<number, boolean>();
  const opens = (at: number, sentence: number): boolean =>
    NEED_STARTS.has(words[at] ?? '') &&
    NEEDS.some((phrase) => phrase.every((word, k) => words[at + k] === word && tokens[at + k]?.sentence === sentence));
  // An introduction's answer is kept like any sentence's, so the items of a long list read it once between them.
  const answer = (at: number, sentence: number): boolean => {
    let found = known.get(sentence);
    if (found === undefined) {
      let start = at;
      while (start > 0 && tokens[start - 1]!.sentence >= sentence) start -= 1;
      const intro = listHeads.get(sentence);
      found =
        opens(start, sentence) ||
        opens(start + 1, sentence) ||
        (intro !== undefined && intro < sentence && start > 0 && answer(start - 1, intro));
      known.set(sentence, found);
    }
    return found;
  };
  return (at) => answer(at, tokens[at]!.sentence);
}
