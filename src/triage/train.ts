import { CATEGORIES, type Category, type Language } from '../core/types.js';
import { features, type ModelWeights } from './model.js';
import { words } from './tokens.js';

/**
 * Fits the naive Bayes weights from labelled offers (DESIGN §8: reviewers' category corrections are
 * labels) and measures a classifier by k-fold cross-validation. Pure: the caller reads and writes files.
 */

export interface LabelledExample {
  subject: string | null;
  text: string;
  category: Category;
  language?: Language;
}

const SMOOTHING = 0.5;
/** Features seen in fewer documents are noise that only bloats the shipped weights. */
const MIN_DOCUMENTS = 2;

export function train(examples: readonly LabelledExample[]): ModelWeights {
  const docCount = new Map<string, number>();
  const counts = new Map<string, number[]>();
  const perCategory = CATEGORIES.map(() => 0);
  const featureTotals = CATEGORIES.map(() => 0);

  for (const example of examples) {
    const c = CATEGORIES.indexOf(example.category);
    perCategory[c]! += 1;
    for (const feature of features(words(`${example.subject ?? ''}\n${example.text}`))) {
      docCount.set(feature, (docCount.get(feature) ?? 0) + 1);
      const row = counts.get(feature) ?? CATEGORIES.map(() => 0);
      row[c]! += 1;
      counts.set(feature, row);
      featureTotals[c]! += 1;
    }
  }

  const kept = [...counts].filter(([feature]) => (docCount.get(feature) ?? 0) >= MIN_DOCUMENTS);
  const vocabulary = kept.length;
  const modelFeatures: Record<string, number[]> = {};
  for (const [feature, row] of kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const logs = row.map((count, c) => Math.log((count + SMOOTHING) / (featureTotals[c]! + SMOOTHING * vocabulary)));
    const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
    modelFeatures[feature] = logs.map((value) => round(value - mean));
  }
  const prior = perCategory.map((count) => round(Math.log((count + 1) / (examples.length + CATEGORIES.length))));
  return { version: 1, categories: [...CATEGORIES], prior, features: modelFeatures, trainedOn: examples.length };
}

export interface CrossValidation {
  folds: number;
  accuracy: number;
  /** per true category: how many were right out of how many */
  byCategory: Record<Category, { right: number; total: number }>;
  /** `${expected}→${got}` → count */
  confusions: Record<string, number>;
}

/** Every k-th example is held out in turn; `predict` gets weights trained on the rest. */
export function crossValidate(
  examples: readonly LabelledExample[],
  folds: number,
  predict: (model: ModelWeights, example: LabelledExample) => Category,
): CrossValidation {
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, { right: 0, total: 0 }]),
  ) as CrossValidation['byCategory'];
  const confusions: Record<string, number> = {};
  let right = 0;
  for (let fold = 0; fold < folds; fold += 1) {
    const model = train(examples.filter((_, i) => i % folds !== fold));
    examples.forEach((example, i) => {
      if (i % folds !== fold) return;
      const got = predict(model, example);
      const cell = byCategory[example.category];
      cell.total += 1;
      if (got === example.category) {
        right += 1;
        cell.right += 1;
      } else {
        const key = `${example.category}→${got}`;
        confusions[key] = (confusions[key] ?? 0) + 1;
      }
    });
  }
  return { folds, accuracy: examples.length ? right / examples.length : 0, byCategory, confusions };
}

function round(value: number): number {
  // + 0 turns a rounded -0 into 0: JSON writes -0 as 0, so shipped weights would never equal retrained ones.
  return Math.round(value * 1000) / 1000 + 0;
}
