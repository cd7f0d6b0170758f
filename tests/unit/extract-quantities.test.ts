import { describe, expect, it } from 'vitest';
import { findQuantities, parseAmount } from '../../src/mail/quantities.js';

describe('parseAmount: Dutch and English number formats', () => {
  it.each([
    ['500.000', false, 500000],
    ['500,000', false, 500000],
    ['1.000.000', false, 1000000],
    ['1,000,000', false, 1000000],
    ['1.500', false, 1500],
    ['1,5', true, 1.5],
    ['2.5', true, 2.5],
    ['1.250.000,50', false, 1250000.5],
    ['1,250,000.50', false, 1250000.5],
    ['42', false, 42],
  ])('%s → %d', (written, scaled, value) => {
    expect(parseAmount(written, scaled)).toBe(value);
  });

  it.each(['12.34.5', '1,00,000', '1.2.3,4,5'])('rejects the malformed %s', (written) => {
    expect(parseAmount(written, false)).toBeNull();
  });
});

describe('findQuantities', () => {
  it.each([
    ['We leveren 500.000 per week.', { text: '500.000 per week', amount: 500000, per: 'week' }],
    ['Capacity: 500,000/week', { text: '500,000/week', amount: 500000, per: 'week' }],
    ['Wij maken 10k per dag', { text: '10k per dag', amount: 10000, per: 'day' }],
    ['Beschikbaar: 1 miljoen stuks', { text: '1 miljoen stuks', amount: 1000000, per: null }],
    ['20.000 per maand', { text: '20.000 per maand', amount: 20000, per: 'month' }],
    [
      'We have a capacity of 2 million masks a month.',
      { text: '2 million masks a month', amount: 2000000, per: 'month' },
    ],
    ['Er zijn 100.000 stuks op voorraad.', { text: '100.000 stuks', amount: 100000, per: null }],
    ['1,5 miljoen mondkapjes', { text: '1,5 miljoen mondkapjes', amount: 1500000, per: null }],
    ['2.5 million gowns', { text: '2.5 million gowns', amount: 2500000, per: null }],
    ['500.000 FFP2 maskers per week', { text: '500.000 FFP2 maskers per week', amount: 500000, per: 'week' }],
    ['50 ventilators', { text: '50 ventilators', amount: 50, per: null }],
    ['3M masks weekly', { text: '3M masks weekly', amount: 3000000, per: 'week' }],
    ['25.000 stuks per etmaal', { text: '25.000 stuks per etmaal', amount: 25000, per: 'day' }],
    ['1.500 stuks', { text: '1.500 stuks', amount: 1500, per: null }],
    ['40 test batches per week', { text: '40 test batches per week', amount: 40, per: 'week' }],
  ])('%j', (text, quantity) => {
    expect(findQuantities(text)).toEqual([quantity]);
  });

  it('finds several quantities in order and drops repeats', () => {
    const text =
      'Aanbod: 10.000 mondkapjes per dag.\n\nWe kunnen 10.000 mondkapjes per dag en 50.000 schorten per week leveren.';
    expect(findQuantities(text).map((q) => [q.amount, q.per])).toEqual([
      [10000, 'day'],
      [50000, 'week'],
    ]);
  });

  it.each([
    ['a price in euro', 'Prijs: € 0,50 per stuk'],
    ['a price written after', 'Prijs 0,50 euro per stuk'],
    ['a percentage', 'Filtration 95% masks'],
    ['a standard', 'Maskers volgens EN 14683 type IIR'],
    ['an ISO standard', 'ISO 13485 certified masks'],
    ['a mask class', 'FFP2 en KN95 maskers'],
    ['layers', '3 lagen mondkapjes en 3-ply masks'],
    ['a lead time', 'Levertijd 2 weken, binnen 3 dagen, in 6-8 weeks'],
    ['a phone number', 'Tel 06 12345678'],
    ['a year', 'In 2020 we made masks'],
    ['a postcode', '1234 AB Amsterdam'],
    ['COVID-19', 'COVID-19 tests'],
    ['a bare number', 'Order 12345678 received'],
  ])('ignores %s', (_what, text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it('keeps "en" between quantities as the Dutch word for "and"', () => {
    expect(findQuantities('5000 maskers en 200 schorten').map((q) => q.amount)).toEqual([5000, 200]);
  });
});

describe('findQuantities: counts of equipment', () => {
  // Bug: a service firm's "Capaciteit ca. 40 toestellen per week" was no rate, so its small stock of spare
  // parts ("een beperkte voorraad vervangingsonderdelen") was read as ready stock and referred on.
  it('regression: devices and machines are counted goods', () => {
    expect(findQuantities('Capaciteit ca. 40 toestellen per week.')).toEqual([{ text: '40 toestellen per week', amount: 40, per: 'week' }]);
    expect(findQuantities('We can refurbish 50 monitors a week.')[0]?.per).toBe('week');
  });
});
