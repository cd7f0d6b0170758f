import { CATEGORIES, type Category } from '../core/types.js';

/**
 * The trained half of the classifier: a naive Bayes model over the same folded tokens the lexicon sees
 * (words and word pairs, each counted once per document). Weights are plain JSON written by train.ts, so
 * a model retrained from reviewers' labels can be shipped, compared and rolled back as data.
 */

export interface ModelWeights {
  version: 1;
  categories: Category[];
  /** log prior per category, in `categories` order */
  prior: number[];
  /** per feature, log P(feature | category) minus its mean over categories (unseen features are skipped) */
  features: Record<string, number[]>;
  /** how many labelled examples the weights came from */
  trainedOn: number;
}

/** A flatter posterior: naive Bayes is overconfident on short texts where features repeat one another. */
const TEMPERATURE = 4;

export function features(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    found.add(word);
    const next = words[i + 1];
    if (next !== undefined) found.add(`${word} ${next}`);
  }
  return found;
}

/**
 * The weights as maps to row numbers, built once per model: looking a word pair up as two words spares
 * building a "word next" string per pair, and a row number lets a stamp per row, not a Set, say whether a
 * feature was already counted in this document.
 */
interface WordEntry {
  /** the word's own row */
  row: number | undefined;
  /** rows of the pairs it starts, by their second word */
  seconds: Map<string, number> | undefined;
}

interface Lookup {
  rows: ReadonlyArray<readonly number[]>;
  /** one lookup per token finds both the word's row and the pairs it starts */
  words: Map<string, WordEntry>;
  /** per row, the document that last counted it */
  stamps: Uint32Array;
  document: number;
}

const lookups = new WeakMap<ModelWeights, Lookup>();

function lookupFor(model: ModelWeights): Lookup {
  let lookup = lookups.get(model);
  if (lookup === undefined) {
    const rows: Array<readonly number[]> = [];
    const built: Lookup = { rows, words: new Map(), stamps: new Uint32Array(0), document: 0 };
    const entry = (word: string): WordEntry => {
      let found = built.words.get(word);
      if (found === undefined) {
        found = { row: undefined, seconds: undefined };
        built.words.set(word, found);
      }
      return found;
    };
    for (const [feature, weights] of Object.entries(model.features)) {
      const row = rows.push(weights) - 1;
      const space = feature.indexOf(' ');
      if (space < 0) {
        entry(feature).row = row;
        continue;
      }
      (entry(feature.slice(0, space)).seconds ??= new Map<string, number>()).set(feature.slice(space + 1), row);
    }
    built.stamps = new Uint32Array(rows.length);
    lookup = built;
    lookups.set(model, lookup);
  }
  return lookup;
}

/**
 * Posterior probability per category, in CATEGORIES order, of the words of `first` followed by those of
 * `second` (subject and body: one document, with the pair across the seam, without copying both).
 */
export function posterior(
  model: ModelWeights,
  first: readonly string[],
  second: readonly string[] = [],
): Record<Category, number> {
  const lookup = lookupFor(model);
  const logits = model.prior.slice();
  // Each feature counts once per document, as in features(); every feature has its own weight row, so the
  // rows seen stand for the features seen. Rows are added in the order features() lists them, so the sums
  // are the same to the last bit.
  lookup.document = lookup.document === 0xffffffff ? 1 : lookup.document + 1;
  if (lookup.document === 1) lookup.stamps.fill(0);
  const { rows, stamps, document } = lookup;
  const add = (row: number | undefined): void => {
    if (row === undefined || stamps[row] === document) return;
    stamps[row] = document;
    const weights = rows[row]!;
    for (let c = 0; c < logits.length; c += 1) logits[c]! += weights[c]!;
  };
  const total = first.length + second.length;
  for (let i = 0; i < total; i += 1) {
    const known = lookup.words.get(i < first.length ? first[i]! : second[i - first.length]!);
    if (known === undefined) continue;
    add(known.row);
    if (known.seconds !== undefined && i + 1 < total) {
      add(known.seconds.get(i + 1 < first.length ? first[i + 1]! : second[i + 1 - first.length]!));
    }
  }
  let top = -Infinity;
  for (const logit of logits) top = Math.max(top, logit);
  const exps = logits.map((logit) => Math.exp((logit - top) / TEMPERATURE));
  const sum = exps.reduce((acc, value) => acc + value, 0);
  const result = {} as Record<Category, number>;
  for (const category of CATEGORIES) result[category] = 0;
  model.categories.forEach((category, c) => {
    result[category] = exps[c]! / sum;
  });
  return result;
}
