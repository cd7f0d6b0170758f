import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseMail } from '../../src/mail/parse.js';
import { decodeTnef } from '../../src/mail/outlook-attachments.js';
import { rtfBody } from '../../src/mail/rtf.js';
import { analyse } from '../../src/core/analyse.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const WINMAIL = readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/mail/winmail.dat'));

/** RTF in the format's stored-uncompressed form (type MELA): what the decompressor hands back unchanged. */
function stored(rtf: string): Buffer {
  const body = Buffer.from(rtf, 'latin1');
  const header = Buffer.alloc(16);
  header.writeUInt32LE(body.length + 12, 0);
  header.writeUInt32LE(body.length, 4);
  header.writeUInt32LE(0x414c454d, 8);
  return Buffer.concat([header, body]);
}

/** An RTF-only Outlook mail: MIME with no text part, the body inside winmail.dat as compressed RTF. */
function rtfOnlyMail(tnef: Buffer): Buffer {
  return Buffer.from(
    [
      'From: Jan Smit <jan@beschermtextiel.nl>',
      'To: aanbod@crisisteam.example',
      'Subject: Aanbod',
      'Message-ID: <rtf-only@beschermtextiel.nl>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: application/ms-tnef; name="winmail.dat"',
      'Content-Disposition: attachment; filename="winmail.dat"',
      'Content-Transfer-Encoding: base64',
      '',
      tnef.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--b--',
      '',
    ].join('\r\n'),
  );
}

/** A minimal TNEF holding one MAPI property, PR_RTF_COMPRESSED, in its message properties. */
function tnefWithRtf(compressed: Buffer): Buffer {
  const prop = Buffer.alloc(16);
  prop.writeUInt32LE(1, 0); // one property
  prop.writeUInt16LE(0x0102, 4); // PT_BINARY
  prop.writeUInt16LE(0x1009, 6); // PR_RTF_COMPRESSED
  prop.writeUInt32LE(1, 8); // one value
  prop.writeUInt32LE(compressed.length, 12);
  const padded = Buffer.concat([prop, compressed, Buffer.alloc((4 - (compressed.length % 4)) % 4)]);
  const attr = Buffer.alloc(9);
  attr.writeUInt8(1, 0); // message level
  attr.writeUInt16LE(0x9003, 1); // attMAPIProps
  attr.writeUInt16LE(0x0006, 3);
  attr.writeUInt32LE(padded.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(padded.reduce((sum, byte) => (sum + byte) & 0xffff, 0));
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x223e9f78, 0);
  return Buffer.concat([head, attr, padded, checksum]);
}

describe('compressed RTF bodies', () => {
  it('decompresses Outlook LZFu and reads native RTF as text', async () => {
    const rtf = decodeTnef(WINMAIL)?.rtf;
    expect(rtf).toBeInstanceOf(Buffer);
    const body = await rtfBody(rtf!);
    expect(body.html).toBeNull();
    expect(body.text?.split('\n').filter((l) => l === 'Casdasdfasdfasd')).toHaveLength(6);
  });

  it('turns code-page escapes and Unicode escapes into characters and skips destinations', async () => {
    const body = await rtfBody(
      stored(`{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\*\\generator Riched20;}Wij leveren mondkapjes \\'e0 \\u8364? 0,50\\par Groet, Jan}`),
    );
    expect(body.text).toBe('Wij leveren mondkapjes à € 0,50\nGroet, Jan');
  });

  it('takes back the HTML or text Outlook wrapped in RTF', async () => {
    const html = await rtfBody(
      stored(`{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 {\\*\\htmltag64 <p>}Wij leveren schorten{\\*\\htmltag72 </p>}}`),
    );
    expect(html.html).toContain('<p>Wij leveren schorten</p>');
    const text = await rtfBody(stored(`{\\rtf1\\ansi\\ansicpg1252\\fromtext Wij leveren testen\\par}`));
    expect(text.text).toBe('Wij leveren testen');
  });

  it('reads RTF with text after its closing brace or broken escapes without writing warnings to stderr', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const body = await rtfBody(stored(`{\\rtf1\\ansi Wij leveren handschoenen\\par}{trailing}}}`));
      expect(body.text).toBe('Wij leveren handschoenen');
      const broken = await rtfBody(stored(`{\\rtf1\\ansi caf\\'e9${"\\'zz".repeat(1000)} en thee\\'\\par}`));
      expect(broken.text).toMatch(/^café .*en thee/);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('gives no body, quickly, for data that is not compressed RTF or lies about its size', async () => {
    expect(await rtfBody(Buffer.from('not rtf at all, but long enough'))).toEqual({ text: null, html: null });
    const lying = stored('{\\rtf1 x}');
    lying.writeUInt32LE(0x7fffffff, 0);
    expect(await rtfBody(lying)).toEqual({ text: null, html: null });
  });

  it('regression: an RTF-only Outlook mail was classified on its subject alone; its body is now read', async () => {
    const raw = rtfOnlyMail(
      tnefWithRtf(stored(`{\\rtf1\\ansi\\ansicpg1252 Wij kunnen 200.000 isolatiejassen per week leveren, EN 14126.\\par}`)),
    );
    const mail = await parseMail(raw);
    expect(mail.text).toBe('Wij kunnen 200.000 isolatiejassen per week leveren, EN 14126.');
    const analysis = await analyse(raw);
    expect(analysis.category).toBe('gowns');
    expect(analysis.certifications).toContain('EN 14126');
  });
});
