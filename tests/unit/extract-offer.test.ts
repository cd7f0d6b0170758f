import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../src/mail/extract.js';

const DUTCH_OFFER = `Geachte heer, mevrouw,

Via FME bereikte ons uw oproep. Wij hebben 200.000 chirurgische mondkapjes type IIR (EN 14683) direct leverbaar uit
voorraad; levering binnen 3 dagen. Daarnaast kunnen wij vanaf april 1,5 miljoen stuks per maand produceren.
Onze FFP2-maskers zijn helaas niet op voorraad. CE-gecertificeerd, ISO 13485.

Met vriendelijke groet,

Sanne de Wit
Inkoop & Verkoop
De Wit Medical Supplies B.V.
Havenweg 4, 3011 AB Rotterdam
T +31 10 123 45 67 | M 06 12 34 56 78
www.dewitmedical.nl
KvK 24123456 | BTW NL812345678B01 | IBAN NL91ABNA0417164300
`;

const ENGLISH_OFFER = `Dear team,

Our factory can produce 500,000 KN95 masks per week, lead time 2 weeks after order. We have no stock available
at the moment. Certificates: CE, FDA registered, EN 149 FFP2 test report.

Best regards,
Li Wei
Export Manager
Shenzhen Bright Protective Co., Ltd.
Tel: +86 755 1234 5678
http://www.bright-protective.com.cn
`;

describe('extractOffer', () => {
  it('extracts a Dutch offer from stock', () => {
    const extracted = extractOffer({
      text: DUTCH_OFFER,
      from: { email: 'S.deWit@DeWitMedical.nl', name: 'Sanne de Wit' },
      subject: 'Aanbod mondkapjes',
    });
    expect(extracted).toEqual({
      sender: { email: 's.dewit@dewitmedical.nl', name: 'Sanne de Wit', organisation: 'De Wit Medical Supplies B.V.' },
      kvk: '24123456',
      phone: '+31101234567',
      website: 'https://www.dewitmedical.nl',
      quantities: [
        { text: '200.000 chirurgische mondkapjes', amount: 200000, per: null },
        { text: '1,5 miljoen stuks per maand', amount: 1500000, per: 'month' },
      ],
      leadTime: { inStock: true, days: 3, text: 'direct leverbaar uit\nvoorraad; binnen 3 dagen' },
      certifications: ['EN 14683 type IIR', 'EN 149 FFP2', 'CE', 'ISO 13485'],
    });
  });

  it('extracts an English production offer without stock', () => {
    const extracted = extractOffer({
      text: ENGLISH_OFFER,
      from: { email: 'liwei@bright-protective.com.cn', name: null },
      subject: 'KN95 offer',
    });
    expect(extracted.sender).toEqual({
      email: 'liwei@bright-protective.com.cn',
      name: 'Li Wei',
      organisation: 'Shenzhen Bright Protective Co., Ltd.',
    });
    expect(extracted.kvk).toBeNull();
    expect(extracted.phone).toBe('+8675512345678');
    expect(extracted.website).toBe('http://www.bright-protective.com.cn');
    expect(extracted.quantities).toEqual([{ text: '500,000 KN95 masks per week', amount: 500000, per: 'week' }]);
    expect(extracted.leadTime).toEqual({ inStock: false, days: 14, text: 'no stock available; lead time 2 weeks' });
    expect(extracted.certifications).toEqual(['KN95', 'CE', 'FDA', 'EN 149 FFP2']);
  });

  it('reads the offer in the subject too, but contact data only from the text', () => {
    const extracted = extractOffer({
      text: 'Zie onderwerp.\n\nGroet,\nJan',
      from: { email: 'jan@gmail.com', name: 'Jan Jansen' },
      subject: '50.000 FFP2 maskers direct uit voorraad, KvK 12345678',
    });
    expect(extracted.quantities.map((q) => q.amount)).toEqual([50000]);
    expect(extracted.leadTime.inStock).toBe(true);
    expect(extracted.certifications).toEqual(['EN 149 FFP2']);
    expect(extracted.kvk).toBeNull();
    expect(extracted.sender).toEqual({ email: 'jan@gmail.com', name: 'Jan Jansen', organisation: null });
    expect(extracted.website).toBeNull();
  });

  it('returns empty facts for an empty message', () => {
    expect(extractOffer({ text: '', from: null, subject: null })).toEqual({
      sender: null,
      kvk: null,
      phone: null,
      website: null,
      quantities: [],
      leadTime: { inStock: false, days: null, text: null },
      certifications: [],
    });
  });
});

describe('extractOffer on hostile input', () => {
  const MB = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const cases: [string, string][] = [
    ['digits', fill('1')],
    ['digit groups', fill('1.000,')],
    ['spaced digits', fill('12 ')],
    ['KvK labels', fill('KvK ')],
    ['KvK labels with short numbers', fill('KvK 1234 ')],
    ['letters without an @', fill('a')],
    ['dotted words', fill('a.')],
    ['@ signs', fill('a@b.')],
    ['www', fill('www.')],
    ['spaces', fill(' ')],
    ['newlines', fill('\n')],
    ['closings', fill('Groet,\n')],
    ['negations', fill('niet ')],
    ['lead-time cues', fill('binnen ')],
    ['ranges', fill('in 6-')],
    ['standards', fill('EN 14683 ')],
    ['quantities', fill('500.000 stuks per week ')],
    ['phone-like', fill('+31 (0)')],
    ['a vocabulary mix', fill('op voorraad 10k FFP2 niet KvK 06-12345678 www.x.nl levertijd 2 weken\n')],
  ];

  it.each(cases)('finishes 1 MB of %s in under 200 ms', (_what, text) => {
    const started = performance.now();
    extractOffer({ text, from: null, subject: text.slice(0, 1000), html: `<a href="${text}">` });
    expect(performance.now() - started).toBeLessThan(200);
  });
});
