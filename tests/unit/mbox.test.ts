import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { looksLikeMbox, readMbox, unescapeFromLine, type MboxItem } from '../../src/mailbox/mbox.js';

async function collect(text: string | Buffer, chunkSize = 7, maxBytes?: number): Promise<MboxItem[]> {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
  const out: MboxItem[] = [];
  for await (const item of readMbox(Readable.from(chunks), { maxBytes })) out.push(item);
  return out;
}

const raws = (items: MboxItem[]) => items.map((i) => ('raw' in i ? i.raw.toString('utf8') : `too large #${i.index}`));

const MBOX = [
  'From info@bedrijf.nl Fri Mar 20 08:35:14 2020',
  'From: info@bedrijf.nl',
  'Subject: een',
  '',
  'Wij leveren mondkapjes.',
  '>From the factory floor, with love.',
  '>>From quoted twice.',
  '',
  'From desk@fme.nl Sat Mar 21 09:00:00 2020',
  'From: desk@fme.nl',
  'Subject: twee',
  '',
  'Body two.',
  'From inside a paragraph is not a separator.',
  '',
].join('\n');

describe('readMbox', () => {
  it('splits on From lines after a blank line and unescapes >From lines by one level', async () => {
    expect(raws(await collect(MBOX))).toEqual([
      'From: info@bedrijf.nl\nSubject: een\n\nWij leveren mondkapjes.\nFrom the factory floor, with love.\n>From quoted twice.\n',
      'From: desk@fme.nl\nSubject: twee\n\nBody two.\nFrom inside a paragraph is not a separator.\n',
    ]);
  });

  it('gives the same messages whatever the chunk boundaries', async () => {
    const expected = raws(await collect(MBOX, 1 << 20));
    for (const size of [1, 2, 3, 5, 64]) expect(raws(await collect(MBOX, size))).toEqual(expected);
  });

  it('numbers messages from 1 and keeps CRLF line endings and 8-bit bytes intact', async () => {
    const latin1 = Buffer.concat([Buffer.from('From x Fri Mar 20 2020\r\nSubject: caf'), Buffer.from([0xe9]), Buffer.from('\r\n\r\nbody\r\n')]);
    const items = await collect(latin1, 4);
    expect(items).toHaveLength(1);
    const first = items[0]!;
    expect(first.index).toBe(1);
    expect('raw' in first && first.raw.equals(Buffer.concat([Buffer.from('Subject: caf'), Buffer.from([0xe9]), Buffer.from('\r\n\r\nbody\r\n')]))).toBe(true);
  });

  it('keeps blank lines inside a message and drops only the one before the separator', async () => {
    const text = 'From a\nSubject: s\n\nline one\n\n\nline two\n\nFrom b\nSubject: t\n\nx\n';
    expect(raws(await collect(text))).toEqual(['Subject: s\n\nline one\n\n\nline two\n', 'Subject: t\n\nx\n']);
  });

  it('reports a message over the size limit instead of buffering it, and goes on with the next', async () => {
    const big = `From a\nSubject: big\n\n${'x'.repeat(5000)}\n\nFrom b\nSubject: small\n\nok\n`;
    const items = await collect(big, 100, 1000);
    expect(items[0]).toMatchObject({ tooLarge: true, index: 1 });
    expect(items[1]).toMatchObject({ index: 2 });
    expect(raws(items)[1]).toBe('Subject: small\n\nok\n');
  });

  it('yields nothing for an empty stream', async () => {
    expect(await collect('')).toEqual([]);
  });
});

describe('mbox helpers', () => {
  it('unescapes exactly one > from >From lines and leaves other lines alone', () => {
    expect(unescapeFromLine(Buffer.from('>From x')).toString()).toBe('From x');
    expect(unescapeFromLine(Buffer.from('>>>From x')).toString()).toBe('>>From x');
    expect(unescapeFromLine(Buffer.from('> quoted')).toString()).toBe('> quoted');
    expect(unescapeFromLine(Buffer.from('>Fromage')).toString()).toBe('>Fromage');
  });

  it('tells an mbox archive from a single message', () => {
    expect(looksLikeMbox(Buffer.from('From info@x.nl Fri Mar 20 08:35:14 2020\n'))).toBe(true);
    expect(looksLikeMbox(Buffer.from('From: info@x.nl\n'))).toBe(false);
    expect(looksLikeMbox(Buffer.from('Received: from x\n'))).toBe(false);
  });
});
