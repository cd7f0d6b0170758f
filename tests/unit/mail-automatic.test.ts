import { describe, expect, it } from 'vitest';
import { detectAutomatic, replySafety } from '../../src/mail/automatic.js';
import { parseMail } from '../../src/mail/parse.js';

async function mail(headers: string, body = 'Tekst.') {
  const base = headers.includes('From:') ? '' : 'From: Jan <jan@bedrijf.nl>\r\n';
  return parseMail(Buffer.from(`${base}To: aanbod@crisisteam.example\r\n${headers}\r\n\r\n${body}\r\n`));
}

describe('detectAutomatic', () => {
  it.each([
    ['Subject: Aanbod\r\nAuto-Submitted: auto-replied', 'auto-reply'],
    ['Subject: Aanbod\r\nX-Autoreply: yes', 'auto-reply'],
    ['Subject: Aanbod\r\nX-Autorespond: yes', 'auto-reply'],
    ['Subject: Afwezig: Uw aanbod', 'auto-reply'],
    ['Subject: Automatisch antwoord: Aanbod', 'auto-reply'],
    ['Subject: Out of Office: offer', 'auto-reply'],
    ['Subject: Automatic reply: offer', 'auto-reply'],
    ['Subject: Autoreply', 'auto-reply'],
    ['From: MAILER-DAEMON@mx.example\r\nSubject: failure', 'bounce'],
    ['From: postmaster@mx.example\r\nSubject: x', 'bounce'],
    ['Subject: Undelivered Mail Returned to Sender', 'bounce'],
    ['Subject: x\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"', 'bounce'],
    ['Subject: Nieuwsbrief\r\nList-Id: <news.fme.nl>', 'list'],
    ['Subject: Nieuwsbrief\r\nList-Unsubscribe: <mailto:u@fme.nl>', 'list'],
    ['Subject: x\r\nPrecedence: bulk', 'list'],
    ['Subject: x\r\nPrecedence: junk', 'list'],
  ])('%s → %s', async (headers, kind) => {
    const m = await mail(headers, headers.includes('multipart/report') ? '--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--' : 'Tekst.');
    const found = detectAutomatic(m);
    expect(found?.kind).toBe(kind);
    expect(found?.reason.length).toBeGreaterThan(0);
  });

  it.each([
    'Subject: Aanbod mondkapjes\r\nAuto-Submitted: no',
    'Subject: Aanbod mondkapjes\r\nX-Auto-Response-Suppress: All',
    'Subject: Re: Aanbod\r\nPrecedence: first-class',
  ])('treats a person writing (%s) as not automatic', async (headers) => {
    expect(detectAutomatic(await mail(headers))).toBeNull();
  });
});

describe('automatic mail without headers', () => {
  it.each([
    ['Subject: RE: Aanbod nitril handschoenen', 'Dank voor uw bericht. Ik ben op vakantie tot en met 17 april en lees mijn e-mail niet.'],
    ['Subject: Re: offer', 'Hello,\r\n\r\nI am out of the office until 14 April with limited access to email.'],
    ['Subject: Read: Acknowledgement of your offer', 'Your message\r\n\r\n  To: Marco\r\n\r\nwas read on Tuesday, March 31, 2020 11:59:58 AM.'],
    ['Subject: Gelezen: Ontvangstbevestiging', 'Uw bericht\r\n\r\nis gelezen op dinsdag 24 maart 2020 12:31.'],
  ])('%s is an auto-reply by its words', async (headers, body) => {
    expect(detectAutomatic(await mail(headers, body))?.kind).toBe('auto-reply');
  });

  it('leaves an offer that mentions an absence, and a long mail, to a person', async () => {
    const offer = 'Wij hebben 10.000 mondkapjes op voorraad. Ik ben volgende week afwezig tot dinsdag, bel dan mijn collega.';
    expect(detectAutomatic(await mail('Subject: Aanbod', offer))).toBeNull();
    const long = `Ik ben afwezig tot 14 april. ${'Wij maken isolatiejassen in onze fabriek. '.repeat(20)}`;
    expect(detectAutomatic(await mail('Subject: Re: Aanbod', long))).toBeNull();
    expect(detectAutomatic(await mail('Subject: Read: our offer', 'Please read our offer of 5.000 gowns.'))).toBeNull();
  });
});

describe('replySafety', () => {
  it('keeps the header facts reply rules need', async () => {
    const m = await mail('Subject: x\r\nReturn-Path: <>\r\nAuto-Submitted: auto-generated\r\nX-Auto-Response-Suppress: OOF\r\nList-Id: <l.example>\r\nPrecedence: bulk');
    expect(replySafety(m)).toEqual({ returnPath: '', autoSubmitted: 'auto-generated', autoResponseSuppress: 'OOF', listId: '<l.example>', precedence: 'bulk' });
    expect(replySafety(await mail('Subject: x'))).toEqual({ returnPath: null, autoSubmitted: null, autoResponseSuppress: null, listId: null, precedence: null });
  });
});
