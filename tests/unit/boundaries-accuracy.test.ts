import { join } from 'node:path';
import { describeCorpusAccuracy } from '../support/accuracy.js';

/**
 * Category boundaries (tests/fixtures/boundaries): written blind like tests/fixtures/blind, but not yet at the
 * category target; see its README. Category is held at the figure reached, every other field at its target.
 */
describeCorpusAccuracy('category boundaries accuracy', join(import.meta.dirname, '../fixtures/boundaries'), { exactly: 24 }, {
  category: 17 / 24,
});
