import { join } from 'node:path';
import { describeCorpusAccuracy } from '../support/accuracy.js';

/**
 * Category boundaries (tests/fixtures/boundaries): written blind like tests/fixtures/blind, on DESIGN §4's
 * hardest category calls; held to the same targets as every labelled corpus. See its README for what it found.
 */
describeCorpusAccuracy('category boundaries accuracy', join(import.meta.dirname, '../fixtures/boundaries'), {
  exactly: 24,
});
