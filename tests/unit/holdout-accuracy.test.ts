import { join } from 'node:path';
import { describeCorpusAccuracy } from '../support/accuracy.js';

/**
 * The held-out corpus (tests/fixtures/holdout, built by its own script in a different hand from the main
 * corpus): real client layouts of forwards, charsets, automatic mail and spam. It guards against tuning
 * the core to one generator's phrasing.
 */
describeCorpusAccuracy('held-out corpus accuracy', join(import.meta.dirname, '../fixtures/holdout'), { atLeast: 60 });
