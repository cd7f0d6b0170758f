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

describe('replySafety', () => {
  it('keeps the header facts reply rules need', async () => {
    const m = await mail('Subject: x\r\nReturn-Path: <>\r\nAuto-Submitted: auto-generated\r\nX-Auto-Response-Suppress: OOF\r\nList-Id: <l.example>\r\nPrecedence: bulk');
    expect(replySafety(m)).toEqual({ returnPath: '', autoSubmitted: 'auto-generated', autoResponseSuppress: 'OOF', listId: '<l.example>', precedence: 'bulk' });
    expect(replySafety(await mail('Subject: x'))).toEqual({ returnPath: null, autoSubmitted: null, autoResponseSuppress: null, listId: null, precedence: null });
  });
});
