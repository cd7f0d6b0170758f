import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCorpus, brokenInvariants, score, TARGETS, type Corpus, type Field } from '../support/accuracy.js';

/**
 * The blind corpus (tests/fixtures/blind): messages written from DESIGN.md alone by writers who never saw
 * the code. It guards the rules its misses prompted, and the targets, against later tuning elsewhere.
 */
describe('blind corpus accuracy', () => {
  let corpus: Corpus;

  beforeAll(async () => {
    corpus = await analyseCorpus(join(import.meta.dirname, '../fixtures/blind'));
  });

  it('has a label for every message and a message for every label', () => {
    expect(corpus.files.length).toBe(176);
    expect(Object.keys(corpus.labels).sort()).toEqual(corpus.files);
  });

  it('analyses every file without an error, keeping the §5 invariants', () => {
    expect(corpus.errors).toEqual([]);
    const broken = corpus.files.flatMap((f) => brokenInvariants(corpus.results.get(f)!).map((b) => `${f}: ${b}`));
    expect(broken).toEqual([]);
  });

  it('meets the accuracy targets per field', () => {
    const { scores, report } = score(corpus, 'blind accuracy');
    console.log(report);
    for (const field of Object.keys(TARGETS) as Field[]) expect.soft(scores[field], field).toBeGreaterThanOrEqual(TARGETS[field]);
  });
});
