import { join } from 'node:path';
import { describeCorpusAccuracy } from '../support/accuracy.js';

/**
 * The blind corpus (tests/fixtures/blind): messages written from DESIGN.md alone by writers who never saw
 * the code. It guards the rules its misses prompted, and the targets, against later tuning elsewhere.
 */
describeCorpusAccuracy('blind corpus accuracy', join(import.meta.dirname, '../fixtures/blind'), { exactly: 1066 });
