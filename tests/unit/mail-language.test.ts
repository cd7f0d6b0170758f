import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { detectLanguage } from '../../src/mail/language.js';

describe('detectLanguage', () => {
  it.each([
    ['Geachte heer, wij kunnen 100.000 mondkapjes per week leveren. Met vriendelijke groet', 'nl'],
    ['Dear Sir, we can supply 100,000 masks per week from stock. Kind regards', 'en'],
    ['Hierbij ons aanbod voor isolatiejassen, graag horen wij van u.', 'nl'],
    ['Please find attached our offer for ventilator parts, thank you.', 'en'],
    ['', 'nl'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('lets the subject tip a short body', () => {
    expect(detectLanguage('FFP2 KN95', 'Offer of masks for the team')).toBe('en');
    expect(detectLanguage('FFP2 KN95', 'Aanbod van maskers voor het team')).toBe('nl');
  });
});

describe('detectLanguage: from blind set o', () => {
  // Bug: a bilingual out-of-office (Dutch, then the same in English) and an offer that is only a Dutch subject
  // ("Aanbod productiecapaciteit isolatiejassen 40.000 st/week") were read as English: "week" counted as English.
  it('regression: a bilingual mail leads with its main language; "week" is no English word', () => {
    const ooo =
      'Dank voor uw bericht. Ik ben afwezig tot en met dinsdag 14 april (Pasen) en heb beperkt toegang tot mijn e-mail. ' +
      'Voor dringende zaken over bestellingen en levertijden kunt u contact opnemen met onze verkoop binnendienst: ' +
      'verkoop@hollandia-medical.example of 0318 64 90 00.\n\nThank you for your message. I am out of the office until ' +
      'Tuesday 14 April (Easter) with limited access to e-mail. For urgent matters regarding orders and delivery times ' +
      'please contact our sales office: verkoop@hollandia-medical.example or +31 318 64 90 00.\n\nMet vriendelijke groet / Kind regards,';
    expect(detectLanguage(ooo, 'Automatisch antwoord: Ontvangstbevestiging')).toBe('nl');
    expect(detectLanguage('', 'Aanbod productiecapaciteit isolatiejassen 40.000 st/week')).toBe('nl');
    expect(detectLanguage('We can deliver 40,000 gowns per week.', 'Offer')).toBe('en');
  });
});

describe('detectLanguage: from blind set zi', () => {
  // Bug: a German supplier's offer ("wir bieten Ihnen folgende Ware ab Lager Münster an") was answered in Dutch:
  // "die", "de" ("USt-IdNr.: DE 813...") and "in" counted, and German counted for neither language.
  it('regression: mail mostly in German gets English, a Dutch mail signed in German stays Dutch', async () => {
    const raw = readFileSync(join(import.meta.dirname, '../fixtures/blind/messages/zi-04-kittel-ab-lager.eml'));
    expect((await analyse(raw)).language).toBe('en');
    const dutch =
      'Beste heer, mevrouw,\n\nWij kunnen vanuit ons magazijn in Kleve 20.000 mondmaskers per week leveren. ' +
      'Graag horen wij van u wat de volgende stap is.\n\nMet vriendelijke groet\n\nMit freundlichen Grüßen, Klaus Becker';
    expect(detectLanguage(dutch, 'Aanbod mondmaskers')).toBe('nl');
  });
});
