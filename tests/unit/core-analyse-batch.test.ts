import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, analyseBatch, GROUP_MESSAGES, groupsOf } from '../../src/core/analyse.js';
import { isOfferTriageError } from '../../src/errors.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const corpus = ['corpus', 'holdout'].flatMap((set) => {
  const dir = join(fixtures, set, 'messages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
});

describe('analyseBatch', () => {
  it('gives every message of a batch spanning several groups exactly the analysis it gets alone, in order', async () => {
    expect(corpus.length).toBeGreaterThan(3 * GROUP_MESSAGES);
    const batch = await analyseBatch(corpus);
    expect(batch).toHaveLength(corpus.length);
    for (const [i, raw] of corpus.entries()) {
      expect(batch[i]).toEqual({ ok: true, value: await analyse(raw) });
    }
  });

  it('settles an unreadable message on its own error and analyses its neighbours as usual', async () => {
    const [first, second] = corpus;
    const batch = await analyseBatch([first!, Buffer.from(' \r\n\r\n'), second!, Buffer.alloc(0)]);
    expect(batch.map((r) => r.ok)).toEqual([true, false, true, false]);
    for (const i of [1, 3]) {
      const failed = batch[i]!;
      expect(!failed.ok && isOfferTriageError(failed.error) && failed.error.code).toBe('OT_ERR_EMPTY');
    }
    expect(batch[0]).toEqual({ ok: true, value: await analyse(first!) });
    expect(batch[2]).toEqual({ ok: true, value: await analyse(second!) });
  });

  it('applies the limits to every message, failing only those over them', async () => {
    const small = Buffer.from('From: a@b.nl\r\nSubject: mondkapjes\r\n\r\nWij leveren mondkapjes.\r\n');
    const large = Buffer.concat([small, Buffer.alloc(2_000, 'x')]);
    const batch = await analyseBatch([large, small], { maxBytes: 1_000 });
    expect(!batch[0]!.ok && isOfferTriageError(batch[0]!.error) && batch[0]!.error.code).toBe('OT_ERR_TOO_LARGE');
    expect(batch[1]!.ok).toBe(true);
  });
});

describe('groupsOf', () => {
  const sized = (...sizes: number[]) => sizes.map((n, i) => Buffer.alloc(n, i));

  it('cuts at the message count and at the byte budget, keeping order and every message', () => {
    const raws = sized(10, 10, 10, 10, 10);
    expect(groupsOf(raws, 2, 1_000)).toEqual([raws.slice(0, 2), raws.slice(2, 4), raws.slice(4)]);
    expect(groupsOf(raws, 10, 25)).toEqual([raws.slice(0, 2), raws.slice(2, 4), raws.slice(4)]);
  });

  it('puts a message larger than the byte budget in a group of its own', () => {
    const raws = sized(5, 100, 5, 5);
    expect(groupsOf(raws, 10, 20)).toEqual([[raws[0]], [raws[1]], [raws[2], raws[3]]]);
  });

  it('gives no groups for no messages', () => {
    expect(groupsOf([])).toEqual([]);
  });
});
