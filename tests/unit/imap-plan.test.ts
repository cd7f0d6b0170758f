import { describe, expect, it } from 'vitest';
import { backoffMs, planBatches, uidSet } from '../../src/mailbox/imap-plan.js';
import { parseImapUrl } from '../../src/mailbox/imap-url.js';
import { leaderLockKey } from '../../src/mailbox/imap-leader.js';
import { imapLimits } from '../../src/mailbox/imap-session.js';

describe('parseImapUrl', () => {
  it('decodes user, password and mailbox path, and keeps the password out of the label', () => {
    const t = parseImapUrl('imaps://desk%40assoc.nl:p%40ss%3Aw%2Frd%25@mail.example.org:1993/Offers/Incoming%2F2020');
    expect(t).toEqual({
      host: 'mail.example.org',
      port: 1993,
      secure: true,
      user: 'desk@assoc.nl',
      pass: 'p@ss:w/rd%',
      mailbox: 'Offers/Incoming/2020',
      label: 'imaps://desk%40assoc.nl@mail.example.org:1993/Offers/Incoming/2020',
    });
    expect(t.label).not.toContain('p%40ss');
  });

  it('defaults to INBOX and the protocol port', () => {
    expect(parseImapUrl('imap://u:p@127.0.0.1')).toMatchObject({ port: 143, secure: false, mailbox: 'INBOX' });
    expect(parseImapUrl('imaps://u:p@[::1]/')).toMatchObject({ host: '::1', port: 993, secure: true, mailbox: 'INBOX' });
  });

  it('refuses what it cannot use, naming the problem', () => {
    expect(() => parseImapUrl('pop3://u:p@h/INBOX')).toThrow(/imap:\/\/ or imaps:\/\//);
    expect(() => parseImapUrl('imap://h/INBOX')).toThrow(/user name/);
    expect(() => parseImapUrl('not a url')).toThrow(/not a URL/);
  });
});

describe('planBatches', () => {
  const e = (uid: number, size = 10) => ({ uid, size });

  it('cuts by count', () => {
    expect(planBatches([e(1), e(2), e(3), e(5), e(8)], 2, 1e9).map((b) => b.map((x) => x.uid))).toEqual([[1, 2], [3, 5], [8]]);
  });

  it('cuts by bytes, but a single large message still goes alone', () => {
    const plan = planBatches([e(1, 40), e(2, 40), e(3, 500), e(4, 10)], 100, 100);
    expect(plan.map((b) => b.map((x) => x.uid))).toEqual([[1, 2], [3], [4]]);
  });

  it('plans nothing for nothing', () => {
    expect(planBatches([], 10, 10)).toEqual([]);
  });
});

describe('uidSet', () => {
  it('compresses runs and sorts', () => {
    expect(uidSet([10, 9, 1, 2, 3, 7, 3])).toBe('1:3,7,9:10');
    expect(uidSet([42])).toBe('42');
  });
});

describe('backoffMs', () => {
  it('doubles up to the cap, with jitter in the upper half', () => {
    expect(backoffMs(0, 500, 60_000, () => 0)).toBe(250);
    expect(backoffMs(0, 500, 60_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 60_000, () => 1)).toBe(4000);
    expect(backoffMs(40, 500, 60_000, () => 1)).toBe(60_000);
    expect(backoffMs(40, 500, 60_000, () => 0)).toBe(30_000);
  });
});

describe('leader lock key and IMAP limits', () => {
  it('gives each mailbox its own stable signed 64-bit key', () => {
    const a = leaderLockKey('imap://u@h:143/INBOX');
    expect(a).toBe(leaderLockKey('imap://u@h:143/INBOX'));
    expect(a).not.toBe(leaderLockKey('imap://u@h:143/Other'));
    const n = BigInt(a);
    expect(n >= -(2n ** 63n) && n < 2n ** 63n).toBe(true);
  });

  it('lowers imapflow limits to the message size, with room for response framing', () => {
    const l = imapLimits(10 * 1024 * 1024);
    expect(l.maxLiteralSize).toBe(10 * 1024 * 1024);
    expect(l.maxResponseSize).toBeGreaterThan(l.maxLiteralSize);
    expect(l.maxLineLength).toBeLessThan(1024 * 1024 * 1024);
  });
});
