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

describe('ownHistory: a reply quoting the sender under an attribution line (blind set p)', () => {
  // Bug: a company's short reply ("Correctie: het gaat om 50.000 stuks") above its own quoted first mail, introduced
  // by Gmail's "Op .. schreef Sanne <sanne@..>:" or Apple Mail's "On .., Oliver <o@..> wrote:", lost the KvK
  // number in that first mail's signature: only header blocks ("Van:") were read.
  it('regression: reads the sender\'s quoted mail under "Op .. schreef" and "On .. wrote"', () => {
    const gmail =
      'Correctie: het gaat om 50.000 stuks.\n\nGroet,\nSanne\n\nOp wo 1 apr. 2020 om 09:12 schreef Sanne Bakker <sanne@medsupply.example>:\n\n' +
      '> Wij hebben 500.000 mondmaskers op voorraad.\n>\n> Met vriendelijke groet,\n> Sanne Bakker\n> MedSupply B.V.\n> KvK: 75903110\n';
    expect(ownHistory(gmail, 'sanne@medsupply.example')).toContain('KvK: 75903110');
    const apple =
      'Yes, they are in our warehouse.\n\n> On 22 Apr 2020, at 17:15, Oliver Grant <oliver@lowlands.example> wrote:\n>\n' +
      '> We offer 50,000 rapid tests.\n> Oliver Grant | Lowlands B.V. | KvK 71125531\n';
    expect(ownHistory(apple, 'oliver@lowlands.example')).toContain('KvK 71125531');
    expect(ownHistory(apple, 'someone@else.example')).toBeNull();
  });
});
