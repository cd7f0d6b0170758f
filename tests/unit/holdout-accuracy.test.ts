import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import type { Analysis, Category, Language, Route } from '../../src/core/types.js';

/**
 * The held-out corpus (tests/fixtures/holdout, built by its own script in a different hand from the main
 * corpus): real client layouts of forwards, charsets, automatic mail and spam. It guards against tuning
 * the core to one generator's phrasing. A label field that is absent is not scored.
 */

interface Label {
  sender?: { email: string } | null;
  forwardedBy?: string | null;
  kvk?: string | null;
  category: Category | null;
  route: Route;
  language?: Language;
}

const HOLDOUT = join(import.meta.dirname, '../fixtures/holdout');
const MESSAGES = join(HOLDOUT, 'messages');
const labels = JSON.parse(readFileSync(join(HOLDOUT, 'labels.json'), 'utf8')) as Record<string, Label>;
const files = readdirSync(MESSAGES).filter((f) => f.endsWith('.eml')).sort();

const TARGETS = {
  category: 0.9,
  route: 0.9,
  'sender.email': 0.95,
  'forwardedBy.email': 0.95,
  kvk: 0.95,
  language: 0.95,
} as const;
type Field = keyof typeof TARGETS;

const FIELDS: Record<Field, (label: Label, got: Analysis) => [unknown, unknown]> = {
  category: (l, g) => [l.category, g.category],
  route: (l, g) => [l.route, g.route],
  'sender.email': (l, g) => [l.sender === undefined ? undefined : (l.sender?.email ?? null), g.sender?.email ?? null],
  'forwardedBy.email': (l, g) => [l.forwardedBy, g.forwardedBy?.email ?? null],
  kvk: (l, g) => [l.kvk, g.kvk],
  language: (l, g) => [l.language, g.language],
};

describe('held-out corpus accuracy', () => {
  const results = new Map<string, Analysis>();
  const errors: string[] = [];

  beforeAll(async () => {
    for (const file of files) {
      try {
        results.set(file, await analyse(readFileSync(join(MESSAGES, file))));
      } catch (err) {
        errors.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  });

  it('has a label for every message and a message for every label', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(labels).sort()).toEqual(files);
  });

  it('analyses every file without an error', () => {
    expect(errors).toEqual([]);
  });

  it('decodes every charset: no replacement characters in the text a reviewer reads', () => {
    const garbled = [...results].filter(([, a]) => `${a.offerText}${a.sender?.name ?? ''}`.includes('\uFFFD')).map(([f]) => f);
    expect(garbled).toEqual([]);
  });

  it('meets the accuracy targets per field', () => {
    const misses: string[] = [];
    const rows: string[] = [];
    const scores = {} as Record<Field, number>;
    for (const field of Object.keys(TARGETS) as Field[]) {
      let scored = 0;
      let right = 0;
      for (const file of files) {
        const got = results.get(file);
        const [want, value] = got ? FIELDS[field](labels[file]!, got) : [undefined, undefined];
        if (want === undefined) continue;
        scored++;
        if (want === value) right++;
        else misses.push(`${file.padEnd(44)} ${field.padEnd(18)} expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
      }
      scores[field] = scored === 0 ? 0 : right / scored;
      rows.push(`${field.padEnd(18)} ${`${right}/${scored}`.padStart(8)}  ${scores[field].toFixed(3)}  (target ${TARGETS[field]})`);
    }
    console.log(`held-out accuracy over ${files.length} messages\n${rows.join('\n')}\n\nmisses (${misses.length}):\n${misses.join('\n')}`);
    for (const field of Object.keys(TARGETS) as Field[]) {
      expect.soft(scores[field], field).toBeGreaterThanOrEqual(TARGETS[field]);
    }
  });
});
