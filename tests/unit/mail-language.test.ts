import { describe, expect, it } from 'vitest';
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
