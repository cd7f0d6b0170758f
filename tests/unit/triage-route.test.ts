import { describe, expect, it } from 'vitest';
import type { AutomaticMail, Category, LeadTime, Quantity } from '../../src/core/types.js';
import type { Classification } from '../../src/triage/classify.js';
import { decideRoute } from '../../src/triage/route.js';

function classified(category: Category): Classification {
  return { categories: [{ category, score: 0.9 }], reasons: [] };
}

const NO_LEAD_TIME: LeadTime = { inStock: false, days: null, text: null };
const IN_STOCK: LeadTime = { inStock: true, days: null, text: 'op voorraad' };
const quantity: Quantity = { text: '50.000 stuks', amount: 50000, per: null };

function route(
  category: Category,
  text: string,
  leadTime: LeadTime = NO_LEAD_TIME,
  automatic: AutomaticMail | null = null,
) {
  return decideRoute({ automatic, classification: classified(category), leadTime, quantities: [quantity], text });
}

describe('decideRoute', () => {
  it('ignores automatic and unwanted mail, with no category', () => {
    for (const kind of ['auto-reply', 'bounce', 'list', 'spam', 'unrelated'] as const) {
      const decision = route('masks', '50.000 FFP2 maskers op voorraad', IN_STOCK, { kind, reason: 'test' });
      expect(decision).toEqual({
        route: 'ignore',
        category: null,
        reasons: [`ignore: ${kind} mail is kept but never answered`],
      });
    }
  });

  it.each<[Category, string, LeadTime]>([
    ['masks', 'Wij hebben 50.000 FFP2 maskers op voorraad.', IN_STOCK],
    ['gowns', 'Direct leverbaar uit voorraad: 6000 overalls.', NO_LEAD_TIME],
    [
      'tests',
      'We have 80,000 antigen tests in stock, delivery within 2 days.',
      { inStock: true, days: 2, text: 'in stock' },
    ],
    ['ventilators', 'We have 25 ICU ventilators in our warehouse.', NO_LEAD_TIME],
    ['masks', 'Met mijn naaiclub heb ik 500 katoenen mondkapjes gemaakt die klaarliggen.', NO_LEAD_TIME],
    ['gowns', 'Er staan 4.000 overalls gereed voor verzending in Venlo.', NO_LEAD_TIME],
    ['other', 'Wij hebben 300.000 nitril onderzoekshandschoenen op voorraad.', IN_STOCK],
    [
      'other',
      'We have 10,000 litres of hand sanitizer ready to ship this week.',
      { inStock: false, days: 5, text: 'this week' },
    ],
  ])('redirects finished %s from stock: %s', (category, text, leadTime) => {
    const decision = route(category, text, leadTime);
    expect(decision.route).toBe('redirect');
    expect(decision.category).toBe(category);
    expect(decision.reasons[0]).toMatch(new RegExp(`^redirect: finished ${category} available from stock`));
  });

  it.each<[Category, string, LeadTime, RegExp]>([
    ['materials', 'Wij hebben 20 ton meltblown op voorraad.', IN_STOCK, /materials/],
    ['masks', 'Wij kunnen 100.000 mondkapjes per week produceren.', NO_LEAD_TIME, /no masks from stock/],
    ['masks', 'We can convert our line to make masks.', NO_LEAD_TIME, /no masks from stock/],
    ['masks', '3 million KN95 in stock in Shenzhen; shipping by sea takes three weeks.', IN_STOCK, /three weeks/],
    ['masks', 'Er ligt 2 miljoen stuks voorraad in de fabriek; levertijd 3 tot 4 weken.', NO_LEAD_TIME, /4 weken/],
    [
      'gowns',
      'Schorten op voorraad, levering over 21 dagen.',
      { inStock: true, days: 21, text: 'op voorraad' },
      /21 days/,
    ],
    ['gowns', 'Schorten zijn helaas niet op voorraad, wel te produceren.', NO_LEAD_TIME, /no gowns from stock/],
    ['masks', 'Our FFP2 masks are out of stock, new production in May.', NO_LEAD_TIME, /no masks from stock/],
    // The extractor's claim when it missed a negation the router reads: "niets op voorraad" is no stock.
    [
      'masks',
      'Wij kunnen 25.000 stuks per week produceren vanaf 20 april. Er is nu nog niets op voorraad.',
      IN_STOCK,
      /no masks from stock/,
    ],
    [
      'masks',
      'We make 10,000 masks a week; there is nothing in stock yet.',
      { ...IN_STOCK, text: 'in stock' },
      /no masks/,
    ],
    [
      'other',
      'Wij bieden logistiek en opslag aan, per direct beschikbaar.',
      NO_LEAD_TIME,
      /service, capacity or general offer/,
    ],
    ['other', 'We have idle capacity, how can we help?', NO_LEAD_TIME, /service, capacity or general offer/],
  ])('reviews %s: %s', (category, text, leadTime, why) => {
    const decision = route(category, text, leadTime);
    expect(decision.route).toBe('review');
    expect(decision.category).toBe(category);
    expect(decision.reasons[0]).toMatch(why);
  });
});
