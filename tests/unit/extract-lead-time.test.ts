import { describe, expect, it } from 'vitest';
import { findLeadTime } from '../../src/mail/lead-time.js';

describe('findLeadTime: stock', () => {
  it.each([
    'Wij hebben 200.000 mondkapjes direct leverbaar uit voorraad.',
    'De schorten zijn op voorraad.',
    'Uit voorraad leverbaar: 50.000 stuks.',
    'All items in stock.',
    'We deliver from stock in Rotterdam.',
    'The masks are ready to ship.',
    'Available immediately, 100,000 pieces.',
    'We can ship this week.',
    'Wij hebben een grote voorraad FFP2 maskers.',
    'Voorraad: 20.000 stuks',
    'Geen mondkapjes, wel handschoenen op voorraad.',
    'We do not make masks but have gowns in stock.',
    'Na inventarisatie van onze voorraad kunnen wij u 12.000 liter aanbieden.',
  ])('in stock: %j', (text) => {
    expect(findLeadTime(text).inStock).toBe(true);
  });

  it.each([
    ['niet op voorraad', 'Deze maskers zijn helaas niet op voorraad.'],
    ['not in stock', 'The gowns are not in stock at the moment.'],
    ['no stock available', 'There is no stock available.'],
    ['geen voorraad', 'We hebben geen voorraad.'],
    ['out of stock', 'Currently out of stock.'],
    ['a negation earlier in the clause', 'Wij hebben de maskers momenteel niet meer op voorraad.'],
    ["don't", "We don't have them in stock."],
    ['production capacity', 'We can produce 50.000 per week starting in 4 weeks.'],
    ['production available immediately', 'Production capacity available immediately for 10.000 gowns a week.'],
    ['nothing about stock', 'Wij bieden onze productiecapaciteit aan.'],
    ['stock sold', 'Onze huidige voorraad is verkocht; nieuwe productie start in mei.'],
    ['regression: "niets" negates', 'Er is nu nog niets op voorraad, wel 25.000 per week vanaf 20 april.'],
  ])('not in stock: %s', (_what, text) => {
    expect(findLeadTime(text).inStock).toBe(false);
  });

  it('names the denying phrase', () => {
    expect(findLeadTime('Helaas niet op voorraad.').text).toBe('niet op voorraad');
    expect(findLeadTime('There is no stock available.').text).toBe('no stock available');
    expect(findLeadTime('Onze huidige voorraad is verkocht.').text).toBe('voorraad is verkocht');
  });
});

describe('findLeadTime: days', () => {
  it.each([
    ['Levering binnen 3 dagen.', 3],
    ['Binnen 3 werkdagen geleverd.', 3],
    ['We deliver within 5 working days.', 5],
    ['Levertijd 2 weken.', 14],
    ['Levertijd: 2 weken', 14],
    ['De levertijd is ca. 3 weken', 21],
    ['We can deliver next week.', 7],
    ['Wij kunnen volgende week leveren.', 7],
    // a range counts by its far end: it is what the sender promises (see the regression below)
    ['Delivery in 6-8 weeks.', 56],
    ['Levering in 6 tot 8 weken.', 56],
    ['We deliver within 48 hours.', 2],
    ['Binnen 24 uur verzonden.', 1],
    ['Lead time: 10 days', 10],
    ['binnen een week geleverd', 7],
    ['within two weeks', 14],
    ['Levering binnen 1 maand', 30],
    ['We can deliver tomorrow.', 1],
    ['We can produce 50.000 per week starting in 4 weeks.', 28],
  ])('%j → %d', (text, days) => {
    expect(findLeadTime(text).days).toBe(days);
  });

  it('takes the earliest of several stated deliveries', () => {
    const lead = findLeadTime('10.000 stuks binnen 2 dagen uit voorraad, de rest in 6 weken.');
    expect(lead).toEqual({ inStock: true, days: 2, text: 'uit voorraad; binnen 2 dagen' });
  });

  it.each([
    ['no delivery words', 'Let us meet next week.'],
    ['a week number', 'Productie vanaf week 16.'],
    ['a duration that is not delivery', 'We have 20 years of experience.'],
    ['nothing', 'Wij maken mondkapjes.'],
  ])('no days for %s', (_what, text) => {
    expect(findLeadTime(text).days).toBeNull();
  });

  it('is empty for a message without stock or time', () => {
    expect(findLeadTime('Wij maken mondkapjes.')).toEqual({ inStock: false, days: null, text: null });
  });
});

describe('findLeadTime: a promised range and a labelled destination', () => {
  // Bug: a broker's "ready stock" in Shenzhen, "Delivery to Amsterdam: 7-10 days after 100% payment", was
  // referred to the ministry as deliverable within days: the label was not read, and a range counted from its
  // near end.
  it('regression: "Delivery to Amsterdam: 7-10 days" is ten days', () => {
    expect(findLeadTime('- Delivery to Amsterdam: 7-10 days after 100% payment').days).toBe(10);
    expect(findLeadTime('Levering naar Nederland: 2 weken').days).toBe(14);
    expect(findLeadTime('Levering binnen 2 tot 3 werkdagen.').days).toBe(3);
  });
});

describe('findLeadTime: German stock wording (blind set zi)', () => {
  // Bug: 30,000 gowns "ab Lager Münster", "Lieferung in 2-3 Tagen", "sofort verfügbar" went to review:
  // no German stock or delivery words were known.
  it('regression: "ab Lager", "auf Lager" and "sofort lieferbar" are stock; "in 2-3 Tagen" is three days', () => {
    expect(findLeadTime('wir bieten Ihnen folgende Ware ab Lager Münster an. Lieferung in 2-3 Tagen frei Haus.')).toEqual({
      inStock: true,
      days: 3,
      text: 'ab Lager; in 2-3 Tagen',
    });
    expect(findLeadTime('FFP2-Masken auf Lager in Düsseldorf').inStock).toBe(true);
    expect(findLeadTime('Die Ware ist sofort lieferbar.').inStock).toBe(true);
    expect(findLeadTime('Lieferzeit 2 Wochen nach Auftragseingang').days).toBe(14);
    expect(findLeadTime('Lieferung innerhalb von 5 Werktagen').days).toBe(5);
  });
});
