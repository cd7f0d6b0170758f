import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isOfferTriageError } from '../../src/errors.js';
import { htmlToText, offerBody } from '../../src/mail/body.js';
import { capStructure, DEFAULT_LIMITS, parseMail } from '../../src/mail/parse.js';

const HEAD = 'From: "Jan Jansen" <Jan@Bedrijf.NL>\r\nTo: Aanbod@Crisisteam.example, "B" <b@X.nl>\r\nSubject: Aanbod\r\nDate: Fri, 20 Mar 2020 08:35:14 +0000\r\nMessage-ID: <a1@bedrijf.nl>\r\nMIME-Version: 1.0\r\n';
const WORDS = 'Crème brûlée, één mondkapje';

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(isOfferTriageError(err) && err.code).toBe(code);
}

describe('parseMail', () => {
  it.each([
    ['utf-8', '8bit', Buffer.from(WORDS, 'utf8')],
    ['iso-8859-1', '8bit', Buffer.from(WORDS, 'latin1')],
    ['windows-1252', '8bit', Buffer.from(WORDS, 'latin1')],
    ['iso-8859-1', 'quoted-printable', Buffer.from('Cr=E8me br=FBl=E9e, =E9=E9n mondkapje')],
    ['utf-8', 'base64', Buffer.from(Buffer.from(WORDS, 'utf8').toString('base64'))],
    ['windows-1252', 'base64', Buffer.from(Buffer.from(WORDS, 'latin1').toString('base64'))],
  ])('decodes %s body in %s', async (charset, cte, body) => {
    const raw = Buffer.concat([Buffer.from(`${HEAD}Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n`), body]);
    const mail = await parseMail(raw);
    expect(mail.text.trim()).toBe(WORDS);
    expect(mail.from).toEqual({ email: 'jan@bedrijf.nl', name: 'Jan Jansen' });
    expect(mail.to.map((a) => a.email)).toEqual(['aanbod@crisisteam.example', 'b@x.nl']);
    expect(mail.date).toBe('2020-03-20T08:35:14.000Z');
    expect(mail.messageId).toBe('<a1@bedrijf.nl>');
    expect(mail.headers['subject']).toEqual(['Aanbod']);
  });

  it('regression: a message without a Date header has date null, not the time it was parsed', async () => {
    const mail = await parseMail(Buffer.from('From: jan@bedrijf.nl\r\nSubject: Aanbod\r\n\r\nWij leveren mondkapjes.\r\n'));
    expect(mail.date).toBeNull();
  });

  it('regression: a Date header mailparser cannot read gives date null, not the time it was parsed', async () => {
    const raw = 'From: jan@bedrijf.nl\r\nDate: Thursday, 28 October 2021 at 12:46\r\nSubject: Aanbod\r\n\r\nWij leveren mondkapjes.\r\n';
    const first = await parseMail(Buffer.from(raw));
    expect(first.date).toBeNull();
  });

  it('derives text from an HTML-only body and keeps the HTML', async () => {
    const raw = `${HEAD}Content-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p{}</style></head><body><p>Wij leveren&nbsp;maskers.</p><div>Groet,<br>Jan</div></body></html>`;
    const mail = await parseMail(Buffer.from(raw));
    expect(mail.text).toBe('Wij leveren maskers.\n\nGroet,\nJan');
    expect(mail.html).toContain('<p>');
  });

  it('hashes attachments with sha256 and records their size', async () => {
    const content = Buffer.from('%PDF-1.4 spec sheet');
    const raw = `${HEAD}Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n--x\r\nContent-Type: application/pdf; name="spec.pdf"\r\nContent-Disposition: attachment; filename="spec.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${content.toString('base64')}\r\n--x--\r\n`;
    const mail = await parseMail(Buffer.from(raw));
    expect(mail.contentType).toBe('multipart/mixed');
    expect(mail.attachments).toHaveLength(1);
    const [a] = mail.attachments;
    expect(a).toMatchObject({ filename: 'spec.pdf', contentType: 'application/pdf', size: content.length, inline: false });
    expect(a?.sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('refuses empty and oversized input with clear codes', async () => {
    await expectCode(parseMail(Buffer.alloc(0)), 'OT_ERR_EMPTY');
    await expectCode(parseMail(Buffer.from(' \r\n\r\n ')), 'OT_ERR_EMPTY');
    await expectCode(parseMail(Buffer.alloc(2048, 0x41), { maxBytes: 1024 }), 'OT_ERR_TOO_LARGE');
  });

  it('gives up with OT_ERR_PARSE_TIMEOUT when parsing outlasts the limit', async () => {
    const big = `${HEAD}Content-Type: text/plain\r\n\r\n${'regel tekst\r\n'.repeat(400_000)}`;
    await expectCode(parseMail(Buffer.from(big), { timeoutMs: 1 }), 'OT_ERR_PARSE_TIMEOUT');
  });

  it('times out only the parse that outlasts its own limit, whatever else is in flight', async () => {
    const big = `${HEAD}Content-Type: text/plain\r\n\r\n${'regel tekst\r\n'.repeat(400_000)}`;
    const small = Buffer.from(`${HEAD}Content-Type: text/plain\r\n\r\nWij leveren mondkapjes.\r\n`);
    // a long-lived parse first arms the shared watchdog late; the short limit after it must still fire
    const patient = parseMail(Buffer.from(big), { timeoutMs: 60_000 });
    const hasty = parseMail(Buffer.from(big), { timeoutMs: 5 });
    const ordinary = parseMail(small);
    await expectCode(hasty, 'OT_ERR_PARSE_TIMEOUT');
    expect((await ordinary).text.trim()).toBe('Wij leveren mondkapjes.');
    expect((await patient).text.length).toBeGreaterThan(1_000_000);
    // and the watchdog is armed again for the next parse
    await expectCode(parseMail(Buffer.from(big), { timeoutMs: 1 }), 'OT_ERR_PARSE_TIMEOUT');
  });

  it('truncates a message with too many parts and says so', async () => {
    const parts = Array.from({ length: 50 }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\ndeel ${i}\r\n`).join('');
    const raw = Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary="p"\r\n\r\n${parts}--p--\r\n`);
    const mail = await parseMail(raw, { maxParts: 10 });
    expect(mail.warnings.join()).toMatch(/more than 10 MIME parts/);
    expect(mail.text).toContain('deel 0');
    expect(mail.text).not.toContain('deel 20');
  });

  it('cuts nesting deeper than maxDepth and closes the open multiparts', () => {
    let raw = HEAD;
    for (let i = 0; i < 30; i++) raw += `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n`;
    raw += 'Content-Type: text/plain\r\n\r\ndiep\r\n';
    const { bytes, warnings } = capStructure(Buffer.from(raw), { ...DEFAULT_LIMITS, maxDepth: 5 });
    expect(warnings[0]).toMatch(/deeper than 5/);
    expect(bytes.toString()).toMatch(/--n0--\r\n$/);
  });

  it('reads an Outlook .msg given as the raw message', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const msg = fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared/corpora/mime/spamscope-mail-parser/mail_outlook_1'));
    const mail = await parseMail(msg);
    expect(mail.from?.email).toBe('nueblingv@w-vwa.de');
    expect(mail.subject).toMatch(/^Newsletter/);
    expect(mail.date).toBe('2017-09-18T10:00:18.000Z');
  });
});

describe('body text', () => {
  it('htmlToText drops scripts and comments and decodes entities', () => {
    expect(htmlToText('<script>x()</script><!-- c --><b>5&#37; &euro;3 &amp; &#x263A;</b>')).toBe('5% €3 & ☺');
  });

  it('offerBody strips reply history and disclaimers but keeps the signature', () => {
    const text = [
      'Wij leveren 10.000 schorten per week.',
      '',
      'Met vriendelijke groet,',
      'Jan Jansen | Bedrijf B.V. | 06-12345678',
      '',
      'Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde.',
      '',
      'Op 19 mrt. 2020 om 10:00 schreef Crisisteam <aanbod@crisisteam.example>:',
      '> Dank voor uw aanbod.',
    ].join('\n');
    const body = offerBody(text);
    expect(body).toContain('Bedrijf B.V.');
    expect(body).not.toContain('vertrouwelijk');
    expect(body).not.toContain('Dank voor uw aanbod');
    expect(offerBody('> alleen geciteerd')).toBe('> alleen geciteerd');
  });

  it('offerBody keeps the KvK statement of a disclaimer it drops', () => {
    const text = 'Wij leveren plat elastiek voor oorlusjes, 2 miljoen meter per maand.\n\nGroet,\nGerard Wolters\n\nDit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde. Wolters B.V. is ingeschreven bij de Kamer van Koophandel onder nummer 17093321.';
    const body = offerBody(text);
    expect(body).not.toContain('vertrouwelijk');
    expect(body).toContain('Wolters B.V. is ingeschreven bij de Kamer van Koophandel onder nummer 17093321.');
  });

  it('decodes an 8-bit ISO-8859-1 body with its charset', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: Niels <niels@example.nl>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      Buffer.from('Groet,\r\nNiels Br\u00f6ker\r\n', 'latin1'),
    ]);
    expect((await parseMail(raw)).text).toContain('Niels Bröker');
  });
});

describe('text parts that stand in for the HTML', () => {
  // Bug: a text part saying only "Dit bericht is in HTML-formaat" was taken as the mail; the offer (and its KvK
  // number) in the HTML part was never read.
  it('regression: a stub text part gives way to its HTML alternative', async () => {
    const html = '<p>Wij hebben 50.000 sneltesten op voorraad.</p><p>Met vriendelijke groet,<br>Jan<br>Sneltest B.V.<br>KvK 69012345</p>'.repeat(2);
    const raw = Buffer.from(
      `${HEAD}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
        `Dit bericht is in HTML-formaat.\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--b--\r\n`,
    );
    const mail = await parseMail(raw);
    expect(mail.text).toContain('KvK 69012345');
    const same = Buffer.from(
      `${HEAD}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
        `Wij hebben maskers.\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Wij hebben <b>maskers</b>.</p>\r\n--b--\r\n`,
    );
    expect((await parseMail(same)).text.trim()).toBe('Wij hebben maskers.');
  });

  // Bug: a GroupWise reply quoted the crisis team's call below ">>> name date >>>", and its "direct leverbaar uit
  // voorraad" referred a production offer on as stock.
  it('regression: offerBody cuts the history below a GroupWise quote line', () => {
    const body = offerBody(
      'Wij kunnen vanaf juni maskers maken.\n\nGroet,\nPeter\n\n>>> "Crisisteam" <aanbod@crisisteam.example> 30-3-2020 14:00 >>>\nProducten die direct leverbaar zijn uit voorraad...',
    );
    expect(body).not.toContain('voorraad');
    expect(body).toContain('Peter');
  });
});
