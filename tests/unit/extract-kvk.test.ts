import { describe, expect, it } from 'vitest';
import { findKvk } from '../../src/mail/kvk.js';

describe('findKvk: labelled Chamber of Commerce numbers', () => {
  it.each([
    ['KvK 1234 5678', '12345678'],
    ['KvK: 12345678', '12345678'],
    ['KVK 12345678', '12345678'],
    ['KvK-nummer: 12345678', '12345678'],
    ['Kvk nummer 12345678', '12345678'],
    ['KvK nr. 12345678', '12345678'],
    ['K.v.K. nr. 12345678', '12345678'],
    ['Ingeschreven bij de Kamer van Koophandel onder nummer 12345678.', '12345678'],
    ['Chamber of Commerce 12345678', '12345678'],
    ['Chamber of Commerce (no.) 12345678', '12345678'],
    ['Chamber of Commerce no: 12 34 56 78', '12345678'],
    ['CoC: 12345678', '12345678'],
    ['CoC-nr 12345678', '12345678'],
    ['Handelsregister 12345678', '12345678'],
    ['KvK 12.34.56.78', '12345678'],
    ['KvK 02012345', '02012345'],
    ['KvK-nummer\n12345678', '12345678'],
    ['Acme B.V. | KvK 12345678 | BTW NL123456789B01', '12345678'],
  ])('%j → %s', (text, kvk) => {
    expect(findKvk(text)).toBe(kvk);
  });
});

describe('findKvk: numbers that are not a KvK number', () => {
  it.each([
    ['a mobile phone', 'T +31 6 12345678'],
    ['a mobile phone written nationally', 'Mobiel: 06-12345678'],
    ['a landline', 'Tel 020-1234567'],
    ['an IBAN', 'IBAN NL91ABNA0417164300'],
    ['a VAT number', 'BTW-nummer: NL123456789B01'],
    ['a VAT number in English', 'VAT NL123456789B01'],
    ['a postcode', 'Hoofdstraat 1, 1234 AB Amsterdam'],
    ['an order number', 'Uw ordernummer 12345678 is verwerkt'],
    ['a bare eight-digit number', 'Referentie 87654321'],
    ['a seven-digit number after the label', 'KvK 1234567'],
    ['a nine-digit number after the label', 'KvK 123456789'],
    ['a phone right after an empty label', 'KvK: Tel 06 12345678'],
    ['a date after the label', 'KvK uittreksel van 12-03-2020'],
    ['a number far from the label', `KvK ${'x'.repeat(80)} 12345678`],
    ['a word containing coc', 'cocoa 12345678'],
  ])('not %s', (_what, text) => {
    expect(findKvk(text)).toBeNull();
  });

  it('ignores the phone number next to a KvK number', () => {
    expect(findKvk('Tel: +31 20 123 4567 - KvK: 33445566 - IBAN NL91ABNA0417164300')).toBe('33445566');
  });

  it('takes the number nearest its label when there are several', () => {
    const text = 'Kamer van Koophandel Amsterdam, dossier 11112222\nKvK: 33334444';
    expect(findKvk(text)).toBe('33334444');
  });

  it('reads the number from a signature among other registrations', () => {
    const signature = [
      'Acme Medical B.V.',
      'Industrieweg 12, 2600 AA Delft',
      'T: 015-2345678',
      'KvK nr.: 27 12 34 56',
      'BTW nr.: NL8123.45.678.B01',
    ].join('\n');
    expect(findKvk(signature)).toBe('27123456');
  });
});

describe('findKvk: a corrected number (blind set t)', () => {
  // Bug: "P.S. The Chamber of Commerce number in my signature is wrong. The correct KvK number is 65432187." and a
  // re-send whose note says "41287365 is onjuist, ons juiste KvK-nummer is 41287356" kept the wrong number.
  it('regression: the number given as the correct one wins', () => {
    expect(findKvk('Chamber of Commerce: 65432178\n\nP.S. The number in my signature is wrong. The correct KvK number is 65432187.')).toBe('65432187');
    expect(findKvk('Helaas stond daarin een verkeerd KvK-nummer: 41287365 is onjuist, ons juiste KvK-nummer is 41287356.')).toBe('41287356');
    expect(findKvk('KvK 12345678')).toBe('12345678');
  });
});
