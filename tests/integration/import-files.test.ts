import { createWriteStream } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { createLogger } from '../../src/log.js';
import { importPaths } from '../../src/mailbox/import.js';
import type { StoredRef } from '../../src/store/messages.js';

let t: TestDb;
let dir: string;
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  t = await createTestDb('import_files');
  dir = await mkdtemp(path.join(os.tmpdir(), 'ot-import-'));
});
afterAll(async () => {
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const mail = (i: number, body = 'Wij leveren mondkapjes.') => `From: info${i}@bedrijf.nl\nSubject: aanbod ${i}\nMessage-ID: <m${i}@bedrijf.nl>\n\n${body}\n`;

describe('importPaths', () => {
  it('streams a large mbox in batches, with locations, and hands every batch to onStored', async () => {
    const file = path.join(dir, 'big.mbox');
    const out = createWriteStream(file);
    const n = 3000;
    for (let i = 1; i <= n; i++) out.write(`From info${i}@bedrijf.nl Fri Mar 20 08:35:14 2020\n${mail(i, `regel ${i}\n${'x'.repeat(2000)}`)}\n`);
    await new Promise((resolve) => out.end(resolve));
    const batches: StoredRef[][] = [];
    const summary = await importPaths([file], { db: t.db, log, maxMessageBytes: 1024 * 1024, batchSize: 500, onStored: async (refs) => void batches.push(refs) });
    expect(summary).toEqual({ files: 1, stored: n, duplicates: 0, errors: [] });
    expect(batches.map((b) => b.length)).toEqual([500, 500, 500, 500, 500, 500]);
    const locs = await t.db.query<{ n: number; max: number }>('SELECT count(*)::int AS n, max(uid)::int AS max FROM message_locations WHERE mailbox = $1', [`import:${file}`]);
    expect(locs.rows[0]).toEqual({ n, max: n });
    const last = await t.db.query("SELECT raw FROM messages WHERE message_id = '<m3000@bedrijf.nl>'");
    expect(last.rows[0]!.raw.toString()).toBe(mail(3000, `regel 3000\n${'x'.repeat(2000)}`));
  });

  it('takes .eml and .mbox files from folders recursively, skips other files, and reports what it could not read', async () => {
    const folder = path.join(dir, 'export');
    await mkdir(path.join(folder, 'sub'), { recursive: true });
    await writeFile(path.join(folder, 'a.eml'), mail(10001));
    await writeFile(path.join(folder, 'sub', 'b.EML'), mail(10002));
    await writeFile(path.join(folder, 'readme.txt'), 'not mail');
    await writeFile(path.join(folder, 'empty.eml'), '');
    await writeFile(path.join(folder, 'huge.eml'), mail(10003, 'y'.repeat(5000)));
    await writeFile(path.join(folder, 'sub', 'two.mbox'), `From a\n${mail(10004)}\nFrom b\n${mail(10005, 'z'.repeat(5000))}\nFrom c\n${mail(10006)}`);
    const summary = await importPaths([folder, path.join(dir, 'missing')], { db: t.db, log, maxMessageBytes: 4096 });
    expect(summary.files).toBe(5);
    expect(summary.stored).toBe(4);
    expect(summary.errors.map((e) => [path.basename(e.path), e.error.replace(/\d+ bytes/, 'N bytes')])).toEqual([
      ['empty.eml', 'empty file'],
      ['huge.eml', 'message of N bytes exceeds MAX_MESSAGE_BYTES'],
      ['two.mbox#2', 'message of N bytes exceeds MAX_MESSAGE_BYTES'],
      ['missing', 'no such file or folder'],
    ]);
    const again = await importPaths([folder], { db: t.db, log, maxMessageBytes: 4096 });
    expect(again.stored).toBe(0);
    expect(again.duplicates).toBe(4);
  });
});
