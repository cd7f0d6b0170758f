import { describe, expect, it } from 'vitest';
import type { AutomaticMail, Category, LeadTime, Quantity } from '../../src/core/types.js';
import type { Classification } from '../../src/triage/classify.js';
import { decideRoute } from '../../src/triage/route.js';

function classified(category: Category): Classification {
  return { categories: [{ category, score: 0.9 }], reasons: [], mainTerm: null };
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

describe('decideRoute: a small stock beside production capacity', () => {
  const weekly: Quantity = { text: '10.000 per week', amount: 10000, per: 'week' };
  const text =
    'Wij kunnen vanaf week 17 circa 10.000 overalls per week maken. Op voorraad hebben wij slechts een kleine partij van circa 500 stuks.';
  const decide = (quantities: Quantity[], leadTime: LeadTime = IN_STOCK) =>
    decideRoute({ automatic: null, classification: classified('gowns'), leadTime, quantities, text });

  // Bug: a coverall maker offering 10,000 a week from week 17 was referred on as ready stock, because it
  // mentioned a remainder of 500 "op voorraad".
  it('regression: reviews the capacity when the stock named is only a small remainder', () => {
    const decision = decide([weekly, { text: '500 stuks', amount: 500, per: null }]);
    expect(decision.route).toBe('review');
    expect(decision.reasons[0]).toMatch(/only a small stock/);
  });

  it('still refers a small stock on when no production is offered, and a stock not called small', () => {
    expect(decide([{ text: '500 stuks', amount: 500, per: null }]).route).toBe('redirect');
    const plain = 'Wij maken 10.000 overalls per week. Op voorraad: 8.000 stuks, levering binnen 2 dagen.';
    expect(
      decideRoute({
        automatic: null,
        classification: classified('gowns'),
        leadTime: IN_STOCK,
        quantities: [weekly],
        text: plain,
      }).route,
    ).toBe('redirect');
  });
});

describe('decideRoute: stock that is not on offer', () => {
  const decide = (text: string, leadTime: LeadTime = IN_STOCK, category: Category = 'masks') =>
    decideRoute({ automatic: null, classification: classified(category), leadTime, quantities: [quantity], text });

  // Bug: "Op voorraad hebben wij nog geen jassen" and "Op voorraad hebben wij niets" referred production offers
  // on as stock: the denial comes after the stock words, where the negation check did not look.
  it('regression: a denial after the stock words', () => {
    expect(decide('Wij kunnen 20.000 jassen per week maken. Op voorraad hebben wij nog geen jassen.', IN_STOCK, 'gowns').route).toBe('review');
    expect(decide('Vanaf juni 25.000 maskers per dag. Op voorraad hebben wij niets.').route).toBe('review');
    expect(decide('Direct leverbaar uit voorraad: n.v.t. (dienstverlening)', IN_STOCK, 'other').route).toBe('review');
  });

  // Bug: a sewing workshop with "stof voor de eerste 10.000 stuks op voorraad" was referred on as mask stock.
  it('regression: stock of the material a maker works from is no stock of the product', () => {
    const workshop = 'Wij naaien 3.000 mondkapjes per week. Stof hebben wij voor de eerste 10.000 stuks op voorraad.';
    expect(decide(workshop, { inStock: true, days: 7, text: 'op voorraad' }).route).toBe('review');
    expect(decide('Wij hebben 10.000 mondkapjes van katoenen stof op voorraad.').route).toBe('redirect');
  });
});

describe('decideRoute: what counts as material stock', () => {
  const decide = (text: string, category: Category) =>
    decideRoute({ automatic: null, classification: classified(category), leadTime: IN_STOCK, quantities: [quantity], text });

  // Bug: "het volgende materiaal staat in ons magazijn" (a rental firm's ventilators) was read as material stock.
  it('regression: "materiaal" alone is equipment, metres of a fabric are material', () => {
    const rental =
      'Het volgende materiaal staat onderhouden en getest in ons magazijn in Leeuwarden. Levering binnen 2 dagen: 4x Hamilton C1, 18x ResMed Stellar 150 beademing.';
    expect(decide(rental, 'ventilators').route).toBe('redirect');
    expect(decide('Wij naaien 4.000 operatiejassen per week. Op voorraad hebben wij 6.000 meter polyester.', 'gowns').route).toBe('review');
    expect(decide('Partij nitril handschoenen maat M en L, 500.000 paar, uit voorraad leverbaar.', 'other').route).toBe('redirect');
  });
});

describe('decideRoute: stock that is gone or still to come', () => {
  const decide = (text: string, category: Category) =>
    decideRoute({ automatic: null, classification: classified(category), leadTime: NO_LEAD_TIME, quantities: [quantity], text });

  // Bug: "We had stock but it is gone ... stock expected mid-April" and a supplier's form line "Ready stock: no"
  // referred pre-orders and production on as ready stock.
  it('regression: stock gone, expected, or answered "no"', () => {
    expect(decide('We had stock but it is gone. Stock expected mid-April; we offer an allocation of 100,000 tests.', 'tests').route).toBe('review');
    expect(decide('Capacity: 100,000 pcs/day\n\nReady stock: no, all goods are produced on order', 'gowns').route).toBe('review');
    expect(decide('Ready stock, no waiting list: 80,000 gowns in our Rotterdam warehouse.', 'gowns').route).toBe('redirect');
  });
});

describe("decideRoute: a lab's own stock", () => {
  // Bug: PCR labs offering test capacity and naming the reagents they hold for their own runs ("reagentia voor
  // ongeveer 10.000 testen op voorraad") were referred on as ready stock of tests.
  it('regression: stock measured by what it will make is input', () => {
    const decide = (text: string) =>
      decideRoute({ automatic: null, classification: classified('tests'), leadTime: IN_STOCK, quantities: [quantity], text });
    expect(decide('Capaciteit circa 2.000 PCR-testen per dag. Wij hebben PCR-reagentia voor ongeveer 10.000 testen op voorraad.').route).toBe('review');
    expect(decide('Tot 5.000 testen per dag. Onze eigen voorraad is voldoende voor ongeveer 8.000 testen.').route).toBe('review');
    expect(decide('Wij hebben 80.000 antigeentesten op voorraad, levering voor 1 april.').route).toBe('redirect');
  });
});

describe('decideRoute: finished supplies filed under other', () => {
  // Regression: powered respirator hoods from stock were kept in review once filed under other, not masks.
  it('regression: hoods and monitors from stock are finished goods', () => {
    expect(route('other', 'We have 600 PAPR units in stock, delivery in 4 days.').route).toBe('redirect');
    expect(route('other', 'Wij hebben 40 patiëntmonitoren op voorraad, levering binnen 3 dagen.').route).toBe('redirect');
  });
});

describe('decideRoute: goods waiting to be collected', () => {
  // Regression: "Ze liggen in ons centraal magazijn in Gouda en kunnen morgen opgehaald worden" was no stock.
  it('regression: goods in the central warehouse, to be collected tomorrow, are ready stock', () => {
    const text = 'Het gaat om 3.200 wegwerpoveralls. Ze liggen in ons centraal magazijn in Gouda en kunnen morgen opgehaald worden.';
    expect(route('gowns', text).route).toBe('redirect');
  });
});

describe('decideRoute: from blind set n and o', () => {
  // Regression: "Handdesinfectiegel ... 20 pallets op voorraad" was no finished supply ("handgel*" only).
  it('regression: hand disinfectant gel from stock is a finished supply', () => {
    const text = 'Handdesinfectiegel 70% alcohol, 20 pallets op voorraad in ons magazijn. Levering binnen 2 werkdagen.';
    expect(route('other', text).route).toBe('redirect');
  });

  // Regression: a swab maker's "samples available now" beside "we have no stock, everything is produced to order".
  it('regression: samples available now are no stock of the goods', () => {
    const text = 'Capacity 250,000 swabs per week. Samples available now. We have no stock available, everything is produced to order.';
    expect(route('tests', text).route).toBe('review');
  });
});

describe('decideRoute: stock gone, not yet there, or still to come (blind set p)', () => {
  it.each([
    // Regression: the denial stood five words or more after the stock words.
    ['other', 'Per 4 mei kunnen wij 10.000 gelaatsschermen per dag produceren. Op voorraad hebben we ze nog niet.'],
    ['masks', 'Helaas moet ik ons aanbod intrekken: onze voorraad chirurgische mondmaskers is gisteren in zijn geheel verkocht. Mocht er later weer voorraad binnenkomen, dan meld ik mij.'],
    ['masks', 'The 200,000 KN95 masks we had in stock in Rotterdam have been sold, so that stock is no longer available. We can now offer 300,000 per week from June.'],
  ] as const)('regression: %s "%s" is no ready stock', (category, text) => {
    expect(route(category, text).route).toBe('review');
  });
});

describe('decideRoute: stock abroad (blind set s)', () => {
  // Regression: "100,000 tests in stock in Guangzhou, EXW, 100% prepayment" was referred as deliverable within days.
  it('regression: stock far away, sold for the buyer to ship, is no delivery within days', () => {
    const exw = 'We have 100,000 antibody rapid tests in stock in our Guangzhou warehouse. Price USD 2.10 EXW Guangzhou, 100% prepayment.';
    expect(route('tests', exw).route).toBe('review');
    const cif = 'We have READY STOCK in our Mumbai warehouse. Goods can be dispatched by air within 3-5 days, CIF Amsterdam.';
    expect(route('masks', cif, { inStock: true, days: 5, text: 'READY STOCK' }).route).toBe('redirect');
    const venlo = 'KN95 masks from China, now in stock in our Venlo warehouse, FOB price on request, delivery in 2 days.';
    expect(route('masks', venlo).route).toBe('redirect');
  });
});

describe('decideRoute: capacity available at once (blind set v)', () => {
  // Regression: "capacity: approx. 1,500 machine hours per week in two shifts, available immediately" from a
  // contract manufacturer of ventilator parts was referred to the ministry as ventilators from stock.
  it('regression: capacity available immediately is no stock of goods', () => {
    const parts =
      'We can produce for ventilator manufacturers: machined parts, valve bodies, flow sensor housings. Capacity: approx. 1,500 machine hours per week in two shifts, available immediately.';
    const hours: Quantity = { text: '1,500 machine hours per week', amount: 1500, per: 'week' };
    const available: LeadTime = { inStock: true, days: null, text: 'available immediately' };
    const decided = decideRoute({
      automatic: null,
      classification: classified('ventilators'),
      leadTime: available,
      quantities: [hours],
      text: parts,
    });
    expect(decided.route).toBe('review');
    const stock = 'We have 5,000 FFP2 masks in stock besides a production capacity of 20,000 per week; the stock is available immediately.';
    expect(route('masks', stock).route).toBe('redirect');
  });
});

describe('decideRoute: a service that names goods (blind set v)', () => {
  // Regression: a free matching platform "where suppliers register stock ... of PPE (masks, gowns, gloves,
  // tests)", onboarding "within 2 working days", was referred to the ministry as finished goods from stock.
  it('regression: an offer mainly of software is reviewed, whatever goods and stock it names', () => {
    const text =
      'A hosted platform where suppliers register stock and production capacity of PPE (masks, gowns, gloves, tests). ' +
      'Onboarding within 2 working days. We do not supply medical products ourselves.';
    const as = (mainTerm: string) =>
      decideRoute({
        automatic: null,
        classification: { categories: [{ category: 'other', score: 0.7 }], reasons: [], mainTerm },
        leadTime: { inStock: false, days: 2, text: 'within 2 working days' },
        quantities: [],
        text,
      }).route;
    expect(as('software')).toBe('review');
    expect(as('gloves')).toBe('redirect');
  });
});

describe('decideRoute: a period gone by (blind set y)', () => {
  // Regression: "we hebben de afgelopen vier weken wasbare schorten gemaakt ... Er liggen er nu 600 klaar ...
  // deze week nog brengen" was reviewed for a delivery time of four weeks.
  it('regression: "the past four weeks" is no delivery time', () => {
    const text =
      'We hebben de afgelopen vier weken wasbare schorten gemaakt. Er liggen er nu 600 klaar, direct leverbaar; ik kan ze deze week nog brengen.';
    expect(route('gowns', text, IN_STOCK).route).toBe('redirect');
    expect(route('gowns', 'Er liggen 600 schorten klaar, levering over vier weken.', IN_STOCK).route).toBe('review');
  });
});

describe('decideRoute: stock held for another buyer (blind set zb)', () => {
  // Regression: "10,000 antigen rapid tests in our warehouse in Leiden ... currently reserved for a hospital
  // group in Germany. They have until Friday to confirm" was referred as tests from stock.
  it('regression: stock reserved for another buyer is not available', () => {
    const held =
      'We have 10,000 antigen rapid tests in our warehouse in Leiden. This batch is currently reserved for a hospital group in Germany; they have until Friday to confirm.';
    expect(route('tests', held, { inStock: true, days: 2, text: 'in our warehouse' }).route).toBe('review');
    const yours = 'We have 10,000 antigen rapid tests in our warehouse in Leiden, reserved for the Netherlands, delivery within two days.';
    expect(route('tests', yours, { inStock: true, days: 2, text: 'in our warehouse' }).route).toBe('redirect');
  });
});

describe('decideRoute: stock gone to regular customers (blind set z)', () => {
  // Regression: "dit is productiecapaciteit, geen voorraad; onze huidige voorraad is al naar vaste klanten gegaan"
  // was referred as hand disinfectant from stock.
  it('regression: stock already gone to other customers is no ready stock', () => {
    const text =
      'Wij kunnen vanaf volgende week handalcohol produceren: circa 10.000 liter per week. Let op: dit is productiecapaciteit, geen voorraad; onze huidige voorraad is al naar vaste klanten gegaan.';
    expect(route('other', text, { inStock: true, days: null, text: 'voorraad' }).route).toBe('review');
  });
});

describe('decideRoute: goods in the shed, to be collected (blind set za)', () => {
  // Regression: a grower's "3.500 wegwerpoveralls ... opgeslagen in onze loods ... Kunnen morgen al worden
  // opgehaald" was reviewed: none of the ways of saying the goods are ready was one the route knew.
  it('regression: goods stored in our shed that can be collected tomorrow are ready stock', () => {
    const text =
      '3.500 wegwerpoveralls met capuchon, type 5/6, in originele dozen van 25, opgeslagen in onze loods in Naaldwijk. Kunnen morgen al worden opgehaald.';
    expect(route('gowns', text).route).toBe('redirect');
  });
});
