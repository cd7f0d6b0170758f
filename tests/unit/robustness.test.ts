import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOfferTriageError } from '../../src/errors.js';
import { detectAutomatic } from '../../src/mail/automatic.js';
import { parseMail } from '../../src/mail/parse.js';
import { unwrapForward } from '../../src/mail/unwrap.js';

// Real-world odd, broken and hostile messages from other parsers' test suites (see shared/corpora/README.md).
const CORPUS = process.env.MIME_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/corpora/mime');
const PER_FILE_MS = 5_000;
// The largest corpus file is ~3 MB; mailparser holds 2-2.5x a message. Growth beyond this means a leak or a
// parser blow-up, not normal work.
const RSS_GROWTH_LIMIT = 400 * 1024 * 1024;

function corpusFiles(): string[] {
  if (!fs.existsSync(CORPUS)) {
    throw new Error(`MIME corpus missing at ${CORPUS}: it ships in shared/corpora/mime beside the repo on every machine`);
  }
  return fs
    .readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

describe('robustness over the MIME corpus', () => {
  it('gives one result or one OfferTriageError per file, within time and memory', async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(100);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const outcomes: Record<string, number> = { parsed: 0, forwards: 0, automatic: 0 };
    for (const file of files) {
      const raw = fs.readFileSync(file);
      const started = performance.now();
      const limits = { timeoutMs: PER_FILE_MS };
      try {
        const mail = await parseMail(raw, limits);
        const unwrapped = await unwrapForward(mail, limits);
        detectAutomatic(mail);
        outcomes.parsed = (outcomes.parsed ?? 0) + 1;
        if (unwrapped.how) outcomes.forwards = (outcomes.forwards ?? 0) + 1;
        if (detectAutomatic(mail)) outcomes.automatic = (outcomes.automatic ?? 0) + 1;
        expect(typeof mail.text).toBe('string');
      } catch (err) {
        if (!isOfferTriageError(err)) throw new Error(`${file}: unexpected ${String(err)}`, { cause: err });
        outcomes[err.code] = (outcomes[err.code] ?? 0) + 1;
      }
      const elapsed = performance.now() - started;
      expect(elapsed, `${file} took ${elapsed.toFixed(0)} ms`).toBeLessThan(PER_FILE_MS * 2);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    console.log(`robustness: ${files.length} files`, outcomes, `peak RSS +${((peak - baseline) / 1e6).toFixed(0)} MB`);
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_LIMIT);
  }, 600_000);
});
