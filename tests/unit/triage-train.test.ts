import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/types.js';
import { classifyWith } from '../../src/triage/classify.js';
import { posterior, type ModelWeights } from '../../src/triage/model.js';
import shipped from '../../src/triage/model-weights.json' with { type: 'json' };
import { words } from '../../src/triage/tokens.js';
import { crossValidate, train, type LabelledExample } from '../../src/triage/train.js';

// Retrain the shipped weights after editing the labelled offers:
//   TRIAGE_RETRAIN=1 npx vitest run tests/unit/triage-train.test.ts
// The shipped model learns from both labelled files; phrasings.jsonl is also checked on its own against a
// model trained without it (triage-phrasings.test.ts), and its spam lines carry no category to learn.
const FIXTURES = ['labelled-offers.jsonl', 'phrasings.jsonl'].map(
  (name) => new URL(`../fixtures/triage/${name}`, import.meta.url),
);
const WEIGHTS = new URL('../../src/triage/model-weights.json', import.meta.url);
const examples: LabelledExample[] = FIXTURES.flatMap((fixture) =>
  readFileSync(fixture, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledExample | { category: null })
    .filter((example): example is LabelledExample => example.category !== null),
);

function predictCombined(model: ModelWeights, example: LabelledExample) {
  const input = {
    subject: example.subject,
    text: example.text,
    forwarderNote: null,
    attachmentNames: [],
    language: example.language ?? 'en',
  };
  return classifyWith(model, input).categories[0]!.category;
}

function predictModelOnly(model: ModelWeights, example: LabelledExample) {
  const scores = posterior(model, words(`${example.subject ?? ''}\n${example.text}`));
  return CATEGORIES.reduce((best, c) => (scores[c] > scores[best] ? c : best), CATEGORIES[0]);
}

describe('training', () => {
  it('ships the weights trained from the labelled offers', () => {
    const trained = train(examples);
    if (process.env.TRIAGE_RETRAIN === '1') writeFileSync(WEIGHTS, `${JSON.stringify(trained)}\n`);
    else expect(trained).toEqual(shipped);
  });

  it('has a few hundred labelled offers in both languages and every category', () => {
    expect(examples.length).toBeGreaterThanOrEqual(200);
    for (const category of CATEGORIES)
      expect(examples.filter((e) => e.category === category).length).toBeGreaterThanOrEqual(20);
    expect(new Set(examples.map((e) => e.language))).toEqual(new Set(['nl', 'en']));
  });

  it('classifies held-out offers well by 10-fold cross-validation', () => {
    const combined = crossValidate(examples, 10, predictCombined);
    const modelOnly = crossValidate(examples, 10, predictModelOnly);
    console.info(
      `cross-validation over ${examples.length} offers: combined ${(combined.accuracy * 100).toFixed(1)}%, ` +
        `model only ${(modelOnly.accuracy * 100).toFixed(1)}%; confusions ${JSON.stringify(combined.confusions)}`,
    );
    expect(combined.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(combined.accuracy).toBeGreaterThan(modelOnly.accuracy);
  });

  it('learns from new labels: a word unknown to the lexicon moves towards its label', () => {
    const extra: LabelledExample[] = Array.from({ length: 6 }, (_, i) => ({
      subject: null,
      text: `We can deliver ${i + 1}000 zorgkoffers per week`,
      category: 'other',
    }));
    const before = posterior(train(examples), words('zorgkoffers')).other;
    const after = posterior(train([...examples, ...extra]), words('zorgkoffers')).other;
    expect(after).toBeGreaterThan(before);
  });
});
