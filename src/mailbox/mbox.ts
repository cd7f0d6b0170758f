import type { Readable } from 'node:stream';

/**
 * Splits an mbox stream into raw messages without holding more than one message in memory (archives can
 * be gigabytes). A "From " line starts a message at the top of the file or after an empty line; inside a
 * message, mboxrd/mboxo escape body lines as ">From ", ">>From "..., and one ">" is removed again here.
 * A message larger than `maxBytes` is skipped (its bytes are dropped as they stream) and reported.
 */
export type MboxItem = { raw: Buffer; index: number } | { tooLarge: true; index: number; size: number };

const FROM = Buffer.from('From ');

function isSeparator(line: Buffer): boolean {
  return line.length >= 5 && line.subarray(0, 5).equals(FROM);
}

/** ">From " → "From ", ">>From " → ">From "; other lines unchanged. */
export function unescapeFromLine(line: Buffer): Buffer {
  let i = 0;
  while (i < line.length && line[i] === 0x3e) i++;
  if (i > 0 && line.length - i >= 5 && line.subarray(i, i + 5).equals(FROM)) return line.subarray(1);
  return line;
}

function isBlank(line: Buffer): boolean {
  return line.length === 0 || (line.length === 1 && line[0] === 0x0d);
}

export async function* readMbox(stream: Readable, opts: { maxBytes?: number } = {}): AsyncGenerator<MboxItem> {
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  let parts: Buffer[] = [];
  let size = 0;
  let index = 0;
  let inMessage = false;
  // The blank line before a separator belongs to the mbox format, not the message; hold it back until
  // the next line shows whether a separator follows.
  let pendingBlank: Buffer | null = null;
  let previousBlank = true;
  let carry: Buffer = Buffer.alloc(0);

  const append = (line: Buffer) => {
    size += line.length + 1;
    if (size <= maxBytes) parts.push(line, NEWLINE);
    else if (parts.length > 0) parts = [];
  };
  function* finish(): Generator<MboxItem> {
    if (!inMessage) return;
    index++;
    if (size > maxBytes) yield { tooLarge: true, index, size };
    else if (size > 0) yield { raw: Buffer.concat(parts), index };
    parts = [];
    size = 0;
  }
  function* onLine(line: Buffer): Generator<MboxItem> {
    if (previousBlank && isSeparator(line)) {
      pendingBlank = null;
      yield* finish();
      inMessage = true;
      previousBlank = false;
      return;
    }
    if (!inMessage) {
      previousBlank = isBlank(line);
      return;
    }
    if (pendingBlank) {
      append(pendingBlank);
      pendingBlank = null;
    }
    if (isBlank(line)) {
      pendingBlank = line;
      previousBlank = true;
      return;
    }
    previousBlank = false;
    append(unescapeFromLine(line));
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      yield* onLine(buf.subarray(start, nl));
      start = nl + 1;
    }
    // copy, so the remainder does not pin the whole chunk in memory
    carry = Buffer.from(buf.subarray(start));
  }
  if (carry.length > 0) yield* onLine(carry);
  yield* finish();
}

const NEWLINE = Buffer.from('\n');

/** True when the first bytes look like an mbox archive rather than a single message. */
export function looksLikeMbox(head: Buffer): boolean {
  return isSeparator(head.subarray(0, 5)) && /^From \S+/.test(head.subarray(0, 200).toString('latin1'));
}
