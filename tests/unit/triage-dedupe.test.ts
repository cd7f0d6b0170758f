import { describe, expect, it } from 'vitest';
import { isSameOffer, similarity, textFingerprint } from '../../src/triage/dedupe.js';

const OFFER = `Geachte heer, mevrouw,

Wij zijn een textielbedrijf uit Tilburg en kunnen vanaf volgende week 20.000 isolatiejassen per week
produceren volgens EN 14126. Monsters kunnen wij binnen twee dagen sturen.

Met vriendelijke groet,
Jan de Vries
Textiel Tilburg B.V.`;

// The same offer as two associations passed it on: different quoting, wrapping, header block and signature.
const VIA_FME = `Van: Jan de Vries <jan@textiel-tilburg.nl>
Verzonden: vrijdag 20 maart 2020 10:12
Aan: desk@fme.nl
Onderwerp: Aanbod isolatiejassen

Geachte heer, mevrouw,
Wij zijn een textielbedrijf uit Tilburg en kunnen vanaf volgende week 20.000 isolatiejassen per week produceren volgens EN 14126.
Monsters kunnen wij binnen twee dagen sturen.
Met vriendelijke groet,
Jan de Vries | Textiel Tilburg B.V. | 013 123 45 67`;

const VIA_VNO = OFFER.split('\n')
  .map((line) => `> ${line}`)
  .join('\n')
  .concat('\n> --\n> Verzonden vanaf mijn iPhone');

const OTHER_OFFER = `Wij hebben 50.000 FFP2 mondkapjes op voorraad in Venlo en kunnen morgen leveren.
Met vriendelijke groet, Piet`;

describe('textFingerprint', () => {
  it('is the same across quoting, wrapping, forward headers and signatures', () => {
    expect(textFingerprint(VIA_FME)).toBe(textFingerprint(OFFER));
    expect(textFingerprint(VIA_VNO)).toBe(textFingerprint(OFFER));
    expect(textFingerprint(OFFER)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs for a different offer', () => {
    expect(textFingerprint(OTHER_OFFER)).not.toBe(textFingerprint(OFFER));
  });
});

describe('similarity', () => {
  it('is 1 for the same offer however passed on, low for another offer', () => {
    expect(similarity(OFFER, VIA_FME)).toBe(1);
    expect(similarity(VIA_FME, VIA_VNO)).toBe(1);
    expect(similarity(OFFER, OTHER_OFFER)).toBeLessThan(0.1);
  });

  it('stays high for a lightly edited resend and is symmetric', () => {
    const edited = OFFER.replace('20.000', '25.000');
    expect(similarity(OFFER, edited)).toBeGreaterThan(0.6);
    expect(similarity(OFFER, edited)).toBe(similarity(edited, OFFER));
  });
});

describe('isSameOffer', () => {
  const company = 'jan@textiel-tilburg.nl';

  it('merges the same offer forwarded by two associations with different notes', () => {
    expect(
      isSameOffer(
        { senderEmail: company, originalMessageId: null, text: VIA_FME },
        { senderEmail: 'Jan@Textiel-Tilburg.nl', originalMessageId: null, text: VIA_VNO },
      ),
    ).toBe(true);
  });

  it('merges on the original Message-ID alone', () => {
    expect(
      isSameOffer(
        { senderEmail: null, originalMessageId: '<a@x>', text: 'kort' },
        { senderEmail: company, originalMessageId: '<a@x>', text: 'anders' },
      ),
    ).toBe(true);
  });

  it('merges a colleague at the same company, and an offer whose sender was not found', () => {
    expect(
      isSameOffer(
        { senderEmail: company, originalMessageId: null, text: OFFER },
        { senderEmail: 'info@textiel-tilburg.nl', originalMessageId: null, text: VIA_FME },
      ),
    ).toBe(true);
    expect(
      isSameOffer(
        { senderEmail: null, originalMessageId: null, text: OFFER },
        { senderEmail: company, originalMessageId: null, text: VIA_VNO },
      ),
    ).toBe(true);
  });

  it('keeps different offers apart, even from one sender or with similar words from two companies', () => {
    expect(
      isSameOffer(
        { senderEmail: company, originalMessageId: null, text: OFFER },
        { senderEmail: company, originalMessageId: null, text: OTHER_OFFER },
      ),
    ).toBe(false);
    const short = 'Wij kunnen 20.000 isolatiejassen per week produceren.';
    expect(
      isSameOffer(
        { senderEmail: 'a@one.nl', originalMessageId: null, text: short },
        { senderEmail: 'b@two.nl', originalMessageId: null, text: short },
      ),
    ).toBe(false);
    expect(
      isSameOffer(
        { senderEmail: 'a@gmail.com', originalMessageId: null, text: OFFER.replace('Tilburg', 'Breda') },
        { senderEmail: 'b@gmail.com', originalMessageId: null, text: OFFER.replace('20.000', '5.000') },
      ),
    ).toBe(false);
  });
});
