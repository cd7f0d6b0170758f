import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';

// The labelled corpus (tests/fixtures/corpus) is written by someone else from DESIGN §4, not from this code:
// it measures the classifier and router end to end, through parsing and unwrapping. Not tuned to it.
const CORPUS = new URL('../fixtures/corpus/', import.meta.url);
const labels = JSON.parse(readFileSync(new URL('labels.json', CORPUS), 'utf8')) as Record<
  string,
  { category: string | null; route: string }
>;
const files = readdirSync(new URL('messages/', CORPUS)).filter((name) => labels[name] !== undefined);

describe('triage over the labelled corpus', () => {
  it('gets category and route right for at least 90% of messages', async () => {
    let category = 0;
    let route = 0;
    const misses: string[] = [];
    for (const name of files) {
      const result = await analyse(readFileSync(new URL(`messages/${name}`, CORPUS)));
      const label = labels[name]!;
      if (result.category === label.category) category += 1;
      if (result.route === label.route) route += 1;
      if (result.category !== label.category || result.route !== label.route) {
        misses.push(`${name}: ${result.category}/${result.route}, labelled ${label.category}/${label.route}`);
      }
    }
    console.info(
      `corpus of ${files.length}: category ${((100 * category) / files.length).toFixed(1)}%, route ${((100 * route) / files.length).toFixed(1)}%\n${misses.join('\n')}`,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(category / files.length).toBeGreaterThanOrEqual(0.9);
    expect(route / files.length).toBeGreaterThanOrEqual(0.9);
  });
});
