import { readFile } from 'node:fs/promises';
import type { CommandIo } from '../cli.js';
import { analyse } from '../core/analyse.js';
import { toParseResult } from '../core/parse-result.js';
import { describeError, OfferTriageError } from '../errors.js';

/**
 * `offer-triage parse FILE...` (DESIGN §5, a contract): one JSON object per input file, one per line, in input
 * order, nothing else on stdout. Exit 0 when every file was read, 1 when one could not be read, 2 on bad usage.
 * Needs no database, Redis or network.
 */
const USAGE = 'usage: offer-triage parse FILE...\n';
/** files in flight at once: reading overlaps parsing while output stays in input order */
const WINDOW = 8;

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
  const lineFor = async (file: string): Promise<string> => {
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (err) {
      unreadable++;
      const error = describeError(new OfferTriageError('OT_ERR_READ', describeError(err), { cause: err }));
      io.stderr.write(`offer-triage parse: ${file}: ${error}\n`);
      return JSON.stringify({ file, error });
    }
    try {
      return JSON.stringify({ file, ...toParseResult(await analyse(raw)) });
    } catch (err) {
      return JSON.stringify({ file, error: describeError(err) });
    }
  };

  const pending: Promise<string>[] = [];
  for (let i = 0; i < files.length; i++) {
    pending.push(lineFor(files[i]!));
    if (pending.length >= WINDOW) await write(io.stdout, `${await pending.shift()!}\n`);
  }
  for (const p of pending) await write(io.stdout, `${await p}\n`);
  return unreadable > 0 ? 1 : 0;
}

/** Respects back-pressure so a large batch piped into a slow reader does not buffer everything in memory. */
function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', () => resolve());
  });
}
