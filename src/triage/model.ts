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
 * The weights as maps, built once per model: looking a word pair up as two words spares building a
 * "word next" string per pair, which cost more than the rest of classification together.
 */
interface Lookup {
  words: Map<string, readonly number[]>;
  pairs: Map<string, Map<string, readonly number[]>>;
}

const lookups = new WeakMap<ModelWeights, Lookup>();

function lookupFor(model: ModelWeights): Lookup {
  let lookup = lookups.get(model);
  if (lookup === undefined) {
    lookup = { words: new Map(), pairs: new Map() };
    for (const [feature, weights] of Object.entries(model.features)) {
      const space = feature.indexOf(' ');
      if (space < 0) {
        lookup.words.set(feature, weights);
        continue;
      }
      const first = feature.slice(0, space);
      const seconds = lookup.pairs.get(first) ?? new Map<string, readonly number[]>();
      seconds.set(feature.slice(space + 1), weights);
      lookup.pairs.set(first, seconds);
    }
    lookups.set(model, lookup);
  }
  return lookup;
}

/** Posterior probability per category, in CATEGORIES order. */
export function posterior(model: ModelWeights, words: readonly string[]): Record<Category, number> {
  const lookup = lookupFor(model);
  const logits = model.prior.slice();
  // Each feature counts once per document, as in features(); every feature has its own weight row, so the
  // rows seen stand for the features seen. Rows are added in the order features() lists them, so the sums
  // are the same to the last bit.
  const seen = new Set<readonly number[]>();
  const add = (weights: readonly number[] | undefined): void => {
    if (weights === undefined || seen.has(weights)) return;
    seen.add(weights);
    for (let c = 0; c < logits.length; c += 1) logits[c]! += weights[c]!;
  };
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    add(lookup.words.get(word));
    const next = words[i + 1];
    if (next !== undefined) add(lookup.pairs.get(word)?.get(next));
  }
  let top = -Infinity;
  for (const logit of logits) top = Math.max(top, logit);
  const exps = logits.map((logit) => Math.exp((logit - top) / TEMPERATURE));
  const total = exps.reduce((sum, value) => sum + value, 0);
  const result = {} as Record<Category, number>;
  for (const category of CATEGORIES) result[category] = 0;
  model.categories.forEach((category, c) => {
    result[category] = exps[c]! / total;
  });
  return result;
}
