import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../store/db.js';
import type { Logger } from '../log.js';
import { storeRawMessages, type RawInput, type StoredRef } from '../store/messages.js';
import { looksLikeMbox, readMbox } from './mbox.js';

/**
 * `offer-triage import`: .eml files, folders of them (recursively), and mbox archives, into the same raw
 * store the IMAP worker uses, in batches. Each stored batch is handed to `onStored` (enqueue, or nothing when
 * the caller processes in-process afterwards). Re-importing the same files stores nothing new.
 */
export interface ImportOptions {
  db: Db;
  log: Logger;
  maxMessageBytes: number;
  batchSize?: number;
  onStored?: (refs: StoredRef[]) => Promise<void>;
}

export interface ImportSummary {
  files: number;
  stored: number;
  duplicates: number;
  errors: Array<{ path: string; error: string }>;
}

const BATCH_BYTES = 32 * 1024 * 1024;
const FOLDER_FILES = /\.(eml|mbox)$/i;

export async function importPaths(paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { files: 0, stored: 0, duplicates: 0, errors: [] };
  let batch: RawInput[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const refs = await storeRawMessages(opts.db, batch);
    batch = [];
    batchBytes = 0;
    for (const r of refs) {
      if (r.created) summary.stored++;
      else summary.duplicates++;
    }
    await opts.onStored?.(refs);
  };
  const add = async (item: RawInput) => {
    batch.push(item);
    batchBytes += item.raw.length;
    if (batch.length >= (opts.batchSize ?? 200) || batchBytes >= BATCH_BYTES) await flush();
  };
  const fail = (p: string, error: string) => {
    summary.errors.push({ path: p, error });
    opts.log.warn({ path: p, error }, 'import: skipped');
  };

  for (const given of paths) {
    for await (const file of filesOf(given, fail)) {
      summary.files++;
      try {
        await importFile(file, opts.maxMessageBytes, add, fail);
      } catch (err) {
        fail(file, err instanceof Error ? err.message : String(err));
      }
    }
  }
  await flush();
  return summary;
}

async function* filesOf(given: string, fail: (p: string, e: string) => void): AsyncGenerator<string> {
  const abs = path.resolve(given);
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    fail(given, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((err as Error).message));
    return;
  }
  if (info.isFile()) {
    yield abs;
    return;
  }
  if (!info.isDirectory()) {
    fail(given, 'not a file or folder');
    return;
  }
  let entries;
  try {
    entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    fail(given, (err as Error).message);
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) yield* filesOf(path.join(abs, e.name), fail);
    else if (e.isFile() && FOLDER_FILES.test(e.name)) yield path.join(abs, e.name);
  }
}

async function importFile(file: string, maxBytes: number, add: (item: RawInput) => Promise<void>, fail: (p: string, e: string) => void): Promise<void> {
  const mailbox = `import:${file}`;
  if (await isMbox(file)) {
    for await (const item of readMbox(createReadStream(file), { maxBytes })) {
      if ('tooLarge' in item) fail(`${file}#${item.index}`, `message of ${item.size} bytes exceeds MAX_MESSAGE_BYTES`);
      else await add({ raw: item.raw, source: 'import', mailbox, uidvalidity: 0, uid: item.index });
    }
    return;
  }
  const size = (await stat(file)).size;
  if (size > maxBytes) return fail(file, `message of ${size} bytes exceeds MAX_MESSAGE_BYTES`);
  if (size === 0) return fail(file, 'empty file');
  await add({ raw: await readFile(file), source: 'import', mailbox, uidvalidity: 0, uid: 0 });
}

async function isMbox(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(200);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return looksLikeMbox(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}
