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

/** Posterior probability per category, in CATEGORIES order. */
export function posterior(model: ModelWeights, words: readonly string[]): Record<Category, number> {
  const logits = model.prior.slice();
  for (const feature of features(words)) {
    const weights = model.features[feature];
    if (weights === undefined) continue;
    for (let c = 0; c < logits.length; c += 1) logits[c]! += weights[c]!;
  }
  const top = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp((logit - top) / TEMPERATURE));
  const total = exps.reduce((sum, value) => sum + value, 0);
  const result = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  model.categories.forEach((category, c) => {
    result[category] = exps[c]! / total;
  });
  return result;
}
