import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';

/** The bench's input: the labelled offer corpora's raw messages, in a stable order. */
export const MAIN_CORPUS = path.join('tests', 'fixtures', 'corpus', 'messages');
export const HOLDOUT_CORPUS = path.join('tests', 'fixtures', 'holdout', 'messages');

export async function loadMessages(folders: string[] = [MAIN_CORPUS]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const rel of folders) {
    const dir = path.join(PROJECT_ROOT, rel);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
    out.push(...(await Promise.all(names.map((n) => readFile(path.join(dir, n))))));
  }
  return out;
}

/** `count` distinct raw messages: a header line in front gives each copy its own sha256; dedupe then merges their leads. */
export function copies(messages: Buffer[], count: number, tag: string): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.concat([Buffer.from(`X-Bench-Copy: ${tag}-${i}\r\n`), messages[i % messages.length]!]));
}
