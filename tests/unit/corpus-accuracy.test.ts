import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCorpus, brokenInvariants, score, TARGETS, type Corpus, type Field } from '../support/accuracy.js';

/** Accuracy of the whole pure core (parse, unwrap, extract, classify, route) over the hand-labelled corpus. */
describe('corpus accuracy', () => {
  let corpus: Corpus;

  beforeAll(async () => {
    corpus = await analyseCorpus(join(import.meta.dirname, '../fixtures/corpus'));
  });

  it('has a label for every message and a message for every label', () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(corpus.labels).sort()).toEqual(corpus.files);
    expect(corpus.errors).toEqual([]);
  });

  it('keeps the §5 invariants on every message', () => {
    const broken = corpus.files.flatMap((f) => brokenInvariants(corpus.results.get(f)!).map((b) => `${f}: ${b}`));
    expect(broken).toEqual([]);
  });

  it('meets the accuracy targets per field', () => {
    const { scores, report } = score(corpus, 'corpus accuracy');
    console.log(report);
    for (const field of Object.keys(TARGETS) as Field[]) expect.soft(scores[field], field).toBeGreaterThanOrEqual(TARGETS[field]);
  });
});
