import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { CATEGORIES, ROUTES, type Analysis, type Category, type Language, type Route } from '../../src/core/types.js';

/**
 * Accuracy of the whole pure core (parse, unwrap, extract, classify, route) over the hand-labelled corpus.
 * A label field that is absent was not stated with certainty and is not scored.
 */

interface Label {
  sender?: { email: string; name: string | null; organisation: string | null } | null;
  forwardedBy?: string | null;
  kvk?: string | null;
  category: Category | null;
  route: Route;
  language?: Language;
  notes?: string;
}

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const MESSAGES = join(CORPUS, 'messages');
const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as Record<string, Label>;
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

/** What each field's label expects and what the analysis gave, as comparable values; undefined: not labelled. */
const FIELDS: Record<Field, (label: Label, got: Analysis) => [unknown, unknown]> = {
  category: (l, g) => [l.category, g.category],
  route: (l, g) => [l.route, g.route],
  'sender.email': (l, g) => [l.sender === undefined ? undefined : (l.sender?.email ?? null), g.sender?.email ?? null],
  'forwardedBy.email': (l, g) => [l.forwardedBy, g.forwardedBy?.email ?? null],
  kvk: (l, g) => [l.kvk, g.kvk],
  language: (l, g) => [l.language, g.language],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** The DESIGN §5 invariants every analysis must keep, whatever its accuracy; returns what is broken. */
function brokenInvariants(a: Analysis): string[] {
  const broken: string[] = [];
  if ((a.category === null) !== (a.route === 'ignore')) broken.push(`category ${a.category} with route ${a.route}`);
  if (a.category !== null && !CATEGORIES.includes(a.category)) broken.push(`unknown category ${a.category}`);
  if (!ROUTES.includes(a.route)) broken.push(`unknown route ${a.route}`);
  if (a.language !== 'nl' && a.language !== 'en') broken.push(`language ${a.language}`);
  for (const [field, email] of [['sender', a.sender?.email], ['forwardedBy', a.forwardedBy?.email]] as const) {
    if (email !== undefined && email !== email.toLowerCase()) broken.push(`${field}.email not lower-case: ${email}`);
  }
  if (a.sender === null && a.automatic === null) broken.push('sender null for mail that is not automatic');
  if (a.kvk !== null && !/^\d{8}$/.test(a.kvk)) broken.push(`kvk ${a.kvk}`);
  if (a.date !== null && !(ISO_DATE.test(a.date) && !Number.isNaN(Date.parse(a.date)))) broken.push(`date ${a.date}`);
  return broken;
}

describe('corpus accuracy', () => {
  const results = new Map<string, Analysis>();

  beforeAll(async () => {
    for (const file of files) results.set(file, await analyse(readFileSync(join(MESSAGES, file))));
  });

  it('has a label for every message and a message for every label', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(labels).sort()).toEqual(files);
  });

  it('keeps the §5 invariants on every message', () => {
    const broken = files.flatMap((f) => brokenInvariants(results.get(f)!).map((b) => `${f}: ${b}`));
    expect(broken).toEqual([]);
  });

  it('meets the accuracy targets per field', () => {
    const misses: string[] = [];
    const rows: string[] = [];
    const scores = {} as Record<Field, number>;
    for (const field of Object.keys(TARGETS) as Field[]) {
      let scored = 0;
      let right = 0;
      for (const file of files) {
        const [want, got] = FIELDS[field](labels[file]!, results.get(file)!);
        if (want === undefined) continue;
        scored++;
        if (want === got) right++;
        else misses.push(`${file.padEnd(52)} ${field.padEnd(18)} expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      }
      scores[field] = scored === 0 ? 0 : right / scored;
      rows.push(`${field.padEnd(18)} ${`${right}/${scored}`.padStart(8)}  ${scores[field].toFixed(3)}  (target ${TARGETS[field]})`);
    }
    console.log(`corpus accuracy over ${files.length} messages\n${rows.join('\n')}\n\nmisses (${misses.length}):\n${misses.join('\n')}`);
    for (const field of Object.keys(TARGETS) as Field[]) {
      expect.soft(scores[field], field).toBeGreaterThanOrEqual(TARGETS[field]);
    }
  });
});
