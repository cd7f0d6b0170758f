import { describe, expect, it } from 'vitest';
import { SharedReads } from '../../src/admin/shared-reads.js';

/** A load the test settles by hand, counting how often it was started. */
function loads() {
  const started: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  const load = () =>
    new Promise<string>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { started, load };
}

describe('SharedReads', () => {
  it('gives reads of one key that overlap one load, and a different key its own', async () => {
    const reads = new SharedReads<string>();
    const { started, load } = loads();
    const a = reads.read('open/1', load);
    const b = reads.read('open/1', load);
    const other = reads.read('masks/1', load);
    expect(started).toHaveLength(2);
    started[0]!.resolve('rows');
    started[1]!.resolve('mask rows');
    expect(await Promise.all([a, b, other])).toEqual(['rows', 'rows', 'mask rows']);
  });

  it('keeps nothing once a load has settled: the next read loads again', async () => {
    const reads = new SharedReads<string>();
    const { started, load } = loads();
    const first = reads.read('open/1', load);
    started[0]!.resolve('old');
    await first;
    expect(reads.size).toBe(0);
    const second = reads.read('open/1', load);
    expect(started).toHaveLength(2);
    started[1]!.resolve('new');
    expect(await second).toBe('new');
  });

  it('after invalidate(), a read does not join a load that started before the write', async () => {
    const reads = new SharedReads<string>();
    const { started, load } = loads();
    const before = reads.read('open/1', load);
    reads.invalidate();
    const after = reads.read('open/1', load);
    const alongside = reads.read('open/1', load);
    expect(started).toHaveLength(2);
    started[1]!.resolve('after the write');
    started[0]!.resolve('before the write');
    expect(await before).toBe('before the write');
    expect(await after).toBe('after the write');
    expect(await alongside).toBe('after the write');
    expect(reads.size).toBe(0);
  });

  it('hands a failed load to every read that joined it, then forgets it', async () => {
    const reads = new SharedReads<string>();
    const { started, load } = loads();
    const a = reads.read('open/1', load);
    const b = reads.read('open/1', load);
    started[0]!.reject(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    await expect(b).rejects.toThrow('connection lost');
    const retry = reads.read('open/1', load);
    expect(started).toHaveLength(2);
    started[1]!.resolve('rows');
    expect(await retry).toBe('rows');
  });
});
