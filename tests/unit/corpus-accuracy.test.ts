import { join } from 'node:path';
import { describeCorpusAccuracy } from '../support/accuracy.js';

/** Accuracy of the whole pure core (parse, unwrap, extract, classify, route) over the hand-labelled corpus. */
describeCorpusAccuracy('corpus accuracy', join(import.meta.dirname, '../fixtures/corpus'), { atLeast: 100 });
