import { describe, expect, it } from 'vitest';
import { findCertifications } from '../../src/mail/certifications.js';

describe('findCertifications', () => {
  it.each([
    ['CE-gecertificeerd', ['CE']],
    ['CE marked', ['CE']],
    ['volgens EN 14683', ['EN 14683']],
    ['EN14683 Type IIR', ['EN 14683 type IIR']],
    ['NEN-EN 14683:2019+AC:2019 type II', ['EN 14683 type II']],
    ['EN 14683 type 2R', ['EN 14683 type IIR']],
    ['EN 14683 Type I', ['EN 14683 type I']],
    ['chirurgische mondkapjes type IIR', ['EN 14683 type IIR']],
    ['EN 149:2001+A1:2009 FFP2', ['EN 149 FFP2']],
    ['FFP2', ['EN 149 FFP2']],
    ['ffp3 maskers', ['EN 149 FFP3']],
    ['FFP-1', ['EN 149 FFP1']],
    ['EN 149', ['EN 149']],
    ['KN95', ['KN95']],
    ['KN 95 masks', ['KN95']],
    ['N95', ['N95']],
    ['EN 13795 gowns', ['EN 13795']],
    ['EN 14126', ['EN 14126']],
    ['EN ISO 13485:2016', ['ISO 13485']],
    ['ISO9001', ['ISO 9001']],
    ['CE IVD marked rapid tests', ['CE IVD']],
    ['CE-IVD', ['CE IVD']],
    ['IVDD 98/79/EC', ['IVDD']],
    ['FDA approved', ['FDA']],
    ['NIOSH approved', ['NIOSH']],
    ['nitrile gloves EN 455', ['EN 455']],
  ])('%j → %j', (text, certifications) => {
    expect(findCertifications(text)).toEqual(certifications);
  });

  it('lists several in order of first mention, once each', () => {
    const text = 'FFP2 (EN 149) en KN95, CE. Ook FFP2 en FFP3. ISO 13485 gecertificeerd. CE!';
    expect(findCertifications(text)).toEqual(['EN 149 FFP2', 'KN95', 'CE', 'EN 149 FFP3', 'ISO 13485']);
  });

  it('drops a generic mention when a specific one of the same standard is present', () => {
    expect(findCertifications('Masks to EN 14683, type IIR version: EN 14683 type IIR')).toEqual(['EN 14683 type IIR']);
  });

  it.each([
    ['geen CE', 'Deze maskers hebben geen CE.'],
    ['not FDA', 'They are not FDA approved.'],
    ['without CE', 'Delivered without CE marking.'],
    ['CE pending', 'CE certification pending.'],
    ['CE in aanvraag', 'CE is in aanvraag.'],
  ])('leaves out %s', (_what, text) => {
    expect(findCertifications(text)).toEqual([]);
  });

  it('keeps what follows a contrast', () => {
    expect(findCertifications('Geen FFP2, maar wel KN95')).toEqual(['KN95']);
  });

  it.each([
    ['the Dutch word "en" before a number', '500 maskers en 149 schorten'],
    ['a lower-case "ce"', 'ce produit est disponible'],
    ['a word containing CE', 'PRICE and CERTIFICATE'],
    ['a model number', 'Model XN95B'],
  ])('ignores %s', (_what, text) => {
    expect(findCertifications(text)).toEqual([]);
  });
});
