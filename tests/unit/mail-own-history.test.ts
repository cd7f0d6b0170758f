import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../src/mail/extract.js';
import { ownHistory } from '../../src/mail/own-history.js';

const company = 'j.smit@textiel.example';
const body = [
  'Ja, wij kunnen 20.000 schorten per week maken.',
  '',
  'Groet, Jan',
  '',
  '> Van: Ilse Maas <i.maas@modint.example>',
  '> Verzonden: dinsdag 31 maart 2020 10:00',
  '> Onderwerp: RE: Schorten',
  '>',
  '> Hoeveel per week? Wat is uw KvK-nummer?',
  '> KvK Modint 40409090',
  '>',
  '> From: Jan Smit <J.Smit@textiel.example>',
  '> Sent: Monday, March 30, 2020 9:00 AM',
  '> Subject: Schorten',
  '>',
  '> Wij kunnen isolatieschorten maken.',
  '>',
  '> Met vriendelijke groet,',
  '> Jan Smit',
  '> Smit Textiel B.V.',
  '> KvK 12345678',
].join('\n');

describe('ownHistory', () => {
  it("keeps the sender's own quoted messages, without their header blocks or quote marks", () => {
    const own = ownHistory(body, company);
    expect(own).toBe(
      'Wij kunnen isolatieschorten maken.\n\nMet vriendelijke groet,\nJan Smit\nSmit Textiel B.V.\nKvK 12345678',
    );
  });

  it("never returns another writer's message, nor anything for mail without the sender's quoted mail", () => {
    expect(ownHistory(body, 'i.maas@modint.example')).toContain('Hoeveel per week?');
    expect(ownHistory(body, 'i.maas@modint.example')).not.toContain('Smit Textiel');
    expect(ownHistory('Wij maken schorten.\n\nJan', company)).toBeNull();
    expect(ownHistory(body, null)).toBeNull();
  });
});

describe("extractOffer with the sender's history", () => {
  const offer = 'Ja, wij kunnen 20.000 schorten per week maken.\n\nGroet, Jan';
  const from = { email: company, name: 'Jan Smit' };

  it('takes the KvK number and organisation from there when the answer on top has none', () => {
    const found = extractOffer({ text: offer, from, subject: 'RE: Schorten', history: ownHistory(body, company) });
    expect(found.kvk).toBe('12345678');
    expect(found.sender?.organisation).toBe('Smit Textiel B.V.');
  });

  it('prefers what the message on top says', () => {
    const top = `${offer}\nSmit Confectie B.V.\nKvK 87654321`;
    const found = extractOffer({ text: top, from, subject: null, history: ownHistory(body, company) });
    expect(found.kvk).toBe('87654321');
    expect(found.sender?.organisation).toBe('Smit Confectie B.V.');
  });
});
