import { TermMatcher } from './matcher.js';

/**
 * Words around a product word that change what it is worth: an offer verb or a quantity makes it the
 * thing offered, a negation removes it, a "for use in" makes it a passing mention (the customer's
 * product, not ours). Dutch and English side by side; terms use the lexicon syntax.
 */

export const NEGATORS = new Set([
  'geen',
  'niet',
  'not',
  'no',
  'nor',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'never',
  'nooit',
  'zonder',
  'without',
  'unable',
  'neither',
  'noch',
  'isnt',
  'arent',
  'wont',
  'niets',
  'nothing',
  'none',
]);

/** "not only masks", "niet alleen": the opposite of a negation. */
export const NEGATION_UNDONE = new Set([
  'only',
  'alleen',
  'just',
  'enkel',
  'slechts',
  'problem',
  'probleem',
  'minimum',
  // "niets anders dan mondkapjes", "nothing else but masks"
  'anders',
  'else',
  // "niet-medische mondkapjes", "not medical grade": a kind of the product, not its denial
  'medisch',
  'medische',
  'medical',
]);

/** Words that start a new clause: "we do not make masks but gowns", "geen mondkapjes, wel schorten". */
export const CLAUSE_BREAKS = new Set(['but', 'maar', 'wel', 'however', 'echter', 'instead', 'daarentegen', 'though']);

export const OFFER = new TermMatcher<true>(
  [
    'leveren',
    'leverbaar',
    'lever',
    'levert',
    'produceren',
    'produceert',
    'produceer',
    'maken',
    'maakt',
    'vervaardig*',
    'fabricer*',
    'aanbieden',
    'bieden',
    'bied',
    'biedt',
    'aangeboden',
    'beschikbaar',
    'voorraad',
    'verkopen',
    'capaciteit',
    'productiecapaciteit',
    'ombouwen',
    'omschakelen',
    'omzetten',
    'omgezet',
    'supply',
    'supplies',
    'deliver',
    'delivery',
    'produce',
    'producing',
    'manufactur*',
    'make',
    'making',
    'offer',
    'offering',
    'offers',
    'available',
    'stock',
    'sell',
    'capacity',
    'can provide',
    'provide',
    'we have',
    'wij hebben',
    'we hebben',
    'ship',
    'per week',
    'per dag',
    'per day',
    'per maand',
    'per month',
    'stuks',
    'pieces',
    'pcs',
    'units',
    'levertijd',
    'lead time',
  ].map((term) => [term, true] as const),
);

/**
 * Before a product word: "meltblown for the production of masks", "geschikt voor mondkapjes". Matched on
 * the few words just before it, so it has to end right where the product word begins.
 */
export const PASSING_BEFORE = new TermMatcher<true>(
  [
    'for use in',
    'used in',
    'used for',
    'use in',
    'for the production of',
    'for the manufacture of',
    'for the manufacturing of',
    'suitable for',
    'as used for',
    'as used in',
    'needed for',
    'required for',
    'applied in',
    'application in',
    'for manufacturers of',
    'for producers of',
    'to manufacturers of',
    'to producers of',
    'to makers of',
    'makers van',
    'testing of',
    'test capacity for',
    'testing capacity for',
    'testcapaciteit voor',
    // Dutch puts the lab's verb before its object in a main clause: "Wij testen mondkapjes volgens EN 14683".
    'wij testen',
    'we testen',
    'testen wij',
    'wij keuren',
    'keuren wij',
    'wij certificeren',
    'certificeren wij',
    'keuringscapaciteit voor',
    'test',
    'testing',
    'certify',
    'certifying',
    'certification of',
    'voor gebruik in',
    'gebruikt voor',
    'gebruikt in',
    'bestemd voor',
    'geschikt voor',
    'voor de productie van',
    'voor de fabricage van',
    'voor het maken van',
    'voor het produceren van',
    'voor de vervaardiging van',
    'toepassing in',
    'toegepast in',
    'grondstof* voor',
    'materiaal voor',
    'materialen voor',
    'nodig voor',
    'producenten van',
    'fabrikanten van',
    'testen van',
    'keuren van',
    'certificeren van',
    'onderdelen voor',
    'fabric for',
    'material for',
    'materials for',
    'stof voor',
    'volgens',
    'according to',
    'conform',
    'against',
    'filter for',
    'machines for',
    'machine for',
    'machines voor',
    'machine voor',
    'inzetbaar voor',
    'vervoer van',
    'transport van',
    'transport of',
    'opslag van',
    'storage of',
    'distributie van',
    'distribution of',
  ].map((term) => [term, true] as const),
);

/** After a product word: "mask manufacturers", "mondkapjesproducenten" is handled by the lexicon suffixes. */
export const PASSING_AFTER = new Set([
  'manufacturers',
  'manufacturer',
  'producers',
  'producer',
  'makers',
  'producenten',
  'fabrikanten',
  'industry',
  'industrie',
  'machine',
  'machines',
  'machinery',
  'testing',
  'certification',
  'certificering',
  'keuren',
  'testen',
  'certificeren',
  'test',
]);

/**
 * A plain "for"/"voor" before a product marks a passing mention only shortly after another product word
 * ("neusbeugels (ijzerdraad, 3 mm) voor mondkapjes"): the thing before "for" is offered, the other is its use.
 */
export const WEAK_PASSING = new Set(['for', 'voor']);
/** "ook voor mondkapjes zorgen", "also for masks": a second offer, not the first one's use. */
export const WEAK_PASSING_UNDONE = new Set(['ook', 'also', 'too', 'zorgen', 'zorg']);

/**
 * A condition names what a company needs to make its product, not what it offers: "5.000 jassen per week,
 * als er geschikte stof (polypropyleen) geleverd kan worden", "provided that we get meltblown". A fronted
 * condition ends at its comma ("If you need meltblown, we have 5 tons"); a trailing one runs to the end of
 * the sentence. Only materials are read this way: a condition on a finished product ("if there is demand
 * for masks, we convert a line") still names the company's own product.
 */
export const CONDITIONS = new TermMatcher<true>(
  [
    'als er',
    // "2.000 stuks per week, als wij katoen en elastiek kunnen kopen"
    'als wij',
    'als we',
    'mits',
    'indien er',
    'wanneer er',
    'zodra er',
    'zolang er',
    'op voorwaarde dat',
    'provided that',
    'provided we',
    'providing that',
    'on condition that',
    'as long as',
    'if we can get',
    'if we get',
    'if we receive',
    'if we can source',
    'if we can obtain',
    'if we can buy',
    'if there is',
    'if there are',
    'if someone',
    'if somebody',
    'if anyone',
  ].map((term) => [term, true] as const),
);

/**
 * "We do not make or sell masks ourselves", "mondkapjes verkopen wij zelf niet": a denial of making or selling
 * a product disowns it in the whole message, so its other mentions (the products a lab tests, a form's
 * category) are no offer either. Not while it says "yet" or "now": "we do not make masks yet" announces them.
 */
export const OWN_PRODUCTION_VERBS = new Set([
  'make',
  'makes',
  'sell',
  'sells',
  'produce',
  'produces',
  'manufacture',
  'manufactures',
  'maken',
  'maakt',
  'verkopen',
  'verkoopt',
  'produceren',
  'produceert',
  'fabriceren',
  'vervaardigen',
]);
/**
 * "Wij leveren zelf geen mondmaskers": a lab or a materials maker saying what it does not deliver. Not for
 * ventilators: "nieuwe beademingsapparaten leveren wij niet" comes from those who service or make their parts.
 */
export const SUPPLY_VERBS = new Set(['leveren', 'levert', 'supply', 'supplies']);
export const NOT_YET = new Set(['yet', 'nog', 'still', 'currently', 'momenteel', 'nu', 'now', 'today', 'vandaag']);

/** "Wij bieden een dienst aan, geen producten": a service, and every product named is its object. */
export const NOT_PRODUCTS = new TermMatcher<true>(
  ['geen producten', 'geen product', 'not products', 'no products', 'not a product'].map((term) => [term, true] as const),
);

/**
 * "Meltblown hebben wij ingekocht", "we are still looking for meltblown", "voorraad grondstof voor 1,5 miljoen
 * mondkapjes": a maker naming the material it buys, lacks or holds for its own line. A material in such a
 * sentence is the maker's input, not what it offers.
 */
export const SOURCING = new TermMatcher<true>(
  [
    'ingekocht',
    'inkopen',
    'kopen wij',
    'kopen we',
    'wij kopen',
    'we kopen',
    'zoeken wij',
    'zoeken we',
    'wij zoeken',
    'we zoeken',
    'op zoek naar',
    'hebben wij nodig',
    'hebben we nodig',
    'tekort aan',
    // "Voor de stof zijn we afhankelijk van gecoat polypropyleen"
    'afhankelijk van',
    'dependent on',
    'looking for',
    'we need',
    'we still need',
    'we are sourcing',
    'we source',
    'we buy',
    'we bought',
    'we have bought',
    'we purchased',
    'we have purchased',
    'shortage of',
    // "Het doek kunnen wij via onze vaste leverancier in Twente betrekken"
    'betrekken',
    'onze leverancier',
    'onze vaste leverancier',
    'onze leveranciers',
    'our supplier',
    'our suppliers',
    'voorraad grondstof',
    'voorraad grondstoffen',
    'grondstof op voorraad',
    'grondstoffen op voorraad',
    'raw material in stock',
    'raw materials in stock',
    'stock of raw material',
    'stock of raw materials',
  ].map((term) => [term, true] as const),
);

/**
 * A sentence that opens with what the sender needs ("What we need: guidance ... a route through a notified
 * body", "Wij zoeken iemand die ...") names no product on offer. Words, not matcher terms: they are read at
 * sentence starts only, and "we"/"wij" as first words in the matchers' shared index would slow every list.
 */
export const NEEDS: ReadonlyArray<readonly string[]> = [
  'what we need',
  'what we are looking for',
  'we are looking for',
  'we need',
  'we still need',
  'wat wij nodig hebben',
  'wat we nodig hebben',
  'wat wij zoeken',
  'wat we zoeken',
  'wij zoeken',
  'we zoeken',
  'wij hebben nodig',
  'we hebben nodig',
].map((phrase) => phrase.split(' '));

/**
 * "leveren aan confectiebedrijven die isolatiejassen maken", "to companies that make face masks": a product
 * in a relative clause about a customer (a preposition, a noun, then "die"/"that") is the customer's, when
 * the clause says the customer makes, needs or uses it.
 */
export const CUSTOMER_PREPOSITIONS = new Set(['aan', 'to', 'for', 'voor']);
export const RELATIVE_PRONOUNS = new Set(['die', 'dat', 'that', 'who', 'which']);
export const CUSTOMER_VERBS = new Set([
  'maken',
  'maakt',
  'produceren',
  'produceert',
  'vervaardigen',
  'vervaardigt',
  'fabriceren',
  'fabriceert',
  'naaien',
  'confectioneren',
  'assembleren',
  'gebruiken',
  'gebruikt',
  'verwerken',
  'verwerkt',
  'nodig',
  'zoeken',
  'make',
  'makes',
  'produce',
  'produces',
  'manufacture',
  'manufactures',
  'sew',
  'sews',
  'assemble',
  'assembles',
  'use',
  'uses',
  'need',
  'needs',
  'convert',
  'converts',
]);

/** "capacity for the production of masks" is an offer, not a passing mention. */
export const CAPACITY_WORDS = new Set([
  'capacity',
  'capaciteit',
  'productiecapaciteit',
  'able',
  'ready',
  'line',
  'lines',
  'lijn',
  'lijnen',
  'klaar',
  'staat',
  'equipped',
  'uitgerust',
]);

export const CLOSINGS = new TermMatcher<true>(
  [
    'met vriendelijke groet*',
    'vriendelijke groet*',
    'hartelijke groet*',
    'kind regards',
    'best regards',
    'warm regards',
    'regards',
    'mvg',
    'sincerely',
    'hoogachtend',
    'groeten',
  ].map((term) => [term, true] as const),
);

/** Number words and units that make a number a quantity rather than a standard, a year or a phone number. */
export const QUANTITY_UNITS = new Set([
  'stuks',
  'stuk',
  'st',
  'pcs',
  'pieces',
  'piece',
  'units',
  'unit',
  'per',
  'a',
  'each',
  'paar',
  'pairs',
  'rollen',
  'rolls',
  'kg',
  'ton',
  'tons',
  'tonnes',
  'meter',
  'meters',
  'm',
  'm2',
  'liter',
  'liters',
  'litres',
  'l',
  'miljoen',
  'million',
  'mln',
  'duizend',
  'thousand',
  'k',
  'dozen',
  'boxes',
  'flessen',
  'bottles',
]);

/** Goods counted right after a number ("20,000 gowns"): they make it an amount, but are not its unit. */
export const COUNTED_GOODS = new Set([
  'kits',
  'tests',
  'testen',
  'masks',
  'maskers',
  'mondkapjes',
  'gowns',
  'schorten',
  'ventilators',
  'gloves',
  'handschoenen',
  'swabs',
  'overalls',
  'isolatiejassen',
  'sneltesten',
  'mondmaskers',
  'respirators',
  'beademingsapparaten',
  'ventilatoren',
  'coveralls',
  'monitors',
  'concentrators',
]);

/**
 * Units that count a material by size or weight, not pieces: "2 miljoen meter per week" is elastic, "6.000 meter
 * polyester op voorraad" a fabric. Not "m": it is also a size ("maat M en L").
 */
export const BULK_UNITS: ReadonlySet<string> = new Set([
  'meter',
  'meters',
  'metre',
  'metres',
  'm2',
  'ton',
  'tons',
  'tonnes',
  'kg',
  'kilo',
  'rollen',
  'rolls',
]);

/** Periods a rate or a lead time is counted in. */
export const PERIOD_WORDS: ReadonlySet<string> = new Set([
  'uur',
  'hours',
  'dag',
  'dagen',
  'day',
  'days',
  'werkdagen',
  'week',
  'weken',
  'weeks',
  'maand',
  'maanden',
  'month',
  'months',
]);

export const NOT_QUANTITY_BEFORE = new Set([
  // "COVID-19 tests", "SARS-CoV-2 antigen": the disease's name, not 19 tests
  'covid',
  'cov',
  'en',
  'iso',
  'iec',
  'nen',
  'type',
  'tel',
  'telefoon',
  'phone',
  'kvk',
  'nr',
  'ffp',
  // a price, not an amount of goods: "EUR 4,000 per unit", "prijsindicatie € 185.000 per machine"
  'eur',
  'euro',
  'euros',
  'usd',
  'chf',
  'gbp',
  'dollar',
  'dollars',
  'prijs',
  'prijsindicatie',
  'price',
]);
