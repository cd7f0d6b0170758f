import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCorpus, brokenInvariants, score, TARGETS, type Corpus, type Field } from '../support/accuracy.js';

/**
 * The held-out corpus (tests/fixtures/holdout, built by its own script in a different hand from the main
 * corpus): real client layouts of forwards, charsets, automatic mail and spam. It guards against tuning
 * the core to one generator's phrasing.
 */
describe('held-out corpus accuracy', () => {
  let corpus: Corpus;

  beforeAll(async () => {
    corpus = await analyseCorpus(join(import.meta.dirname, '../fixtures/holdout'));
  });

  it('has a label for every message and a message for every label', () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(corpus.labels).sort()).toEqual(corpus.files);
  });

  it('analyses every file without an error, keeping the §5 invariants', () => {
    expect(corpus.errors).toEqual([]);
    const broken = corpus.files.flatMap((f) => brokenInvariants(corpus.results.get(f)!).map((b) => `${f}: ${b}`));
    expect(broken).toEqual([]);
  });

  it('decodes every charset: no replacement characters in the text a reviewer reads', () => {
    const garbled = [...corpus.results].filter(([, a]) => `${a.offerText}${a.sender?.name ?? ''}`.includes('\uFFFD')).map(([f]) => f);
    expect(garbled).toEqual([]);
  });

  it('meets the accuracy targets per field', () => {
    const { scores, report } = score(corpus, 'held-out accuracy');
    console.log(report);
    for (const field of Object.keys(TARGETS) as Field[]) expect.soft(scores[field], field).toBeGreaterThanOrEqual(TARGETS[field]);
  });
});
