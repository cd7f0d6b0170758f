import { readFile } from 'node:fs/promises';
import type { CommandIo } from '../cli.js';
import { analyseBatch, GROUP_BYTES, GROUP_MESSAGES } from '../core/analyse.js';
import { toParseResult } from '../core/parse-result.js';
import { describeError, OfferTriageError } from '../errors.js';

/**
 * `offer-triage parse FILE...` (DESIGN §5, a contract): one JSON object per input file, one per line, in input
 * order, nothing else on stdout. Exit 0 when every file was read, 1 when one could not be read, 2 on bad usage.
 * Needs no database, Redis or network.
 */
const USAGE = 'usage: offer-triage parse FILE...\n';

export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const files = args[0] === '--' ? args.slice(1) : args;
  if (files.length === 0 || files.some((f) => f.startsWith('-') && f !== '-')) {
    io.stderr.write(USAGE);
    return 2;
  }

  let unreadable = 0;
  // Files are read into groups the size the core analyses at once, and each group's lines are written in
  // input order before the next group is read.
  let group: ({ file: string; raw: Buffer } | { file: string; error: string })[] = [];
  let bytes = 0;
  const flush = async () => {
    const results = await analyseBatch(group.flatMap((g) => ('raw' in g ? [g.raw] : [])));
    let next = 0;
    for (const g of group) {
      // An unreadable file's line carries the read error already described.
      const result = 'raw' in g ? results[next++]! : { ok: false as const, error: g.error };
      const line = result.ok
        ? { file: g.file, ...toParseResult(result.value) }
        : { file: g.file, error: describeError(result.error) };
      await write(io.stdout, `${JSON.stringify(line)}\n`);
    }
    group = [];
    bytes = 0;
  };
  for (const file of files) {
    try {
      const raw = await readFile(file);
      group.push({ file, raw });
      bytes += raw.length;
    } catch (err) {
      unreadable++;
      const error = describeError(new OfferTriageError('OT_ERR_READ', describeError(err), { cause: err }));
      io.stderr.write(`offer-triage parse: ${file}: ${error}\n`);
      group.push({ file, error });
    }
    if (group.length >= GROUP_MESSAGES || bytes >= GROUP_BYTES) await flush();
  }
  await flush();
  return unreadable > 0 ? 1 : 0;
}

/** Respects back-pressure so a large batch piped into a slow reader does not buffer everything in memory. */
function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', () => resolve());
  });
}
