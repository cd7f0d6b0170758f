import { TermMatcher } from './matcher.js';

/**
 * Words around a product word that change what it is worth: an offer verb or a quantity makes it the
 * thing offered, a negation removes it, a "for use in" makes it a passing mention (the customer's
 * product, not ours). Dutch and English side by side; terms use the lexicon syntax.
 */

export const NEGATORS = new Set([
  'geen', 'niet', 'not', 'no', 'nor', 'cannot', 'cant', 'dont', 'doesnt', 'never', 'nooit', 'zonder', 'without',
  'unable', 'neither', 'noch', 'isnt', 'arent', 'wont',
]);

/** "not only masks", "niet alleen": the opposite of a negation. */
export const NEGATION_UNDONE = new Set(['only', 'alleen', 'just', 'enkel', 'slechts', 'problem', 'probleem', 'minimum']);

/** Words that start a new clause: "we do not make masks but gowns", "geen mondkapjes, wel schorten". */
export const CLAUSE_BREAKS = new Set(['but', 'maar', 'wel', 'however', 'echter', 'instead', 'daarentegen', 'though']);

export const OFFER = new TermMatcher<true>(
  [
    'leveren', 'leverbaar', 'lever', 'levert', 'produceren', 'produceert', 'produceer', 'maken', 'maakt', 'vervaardig*',
    'fabricer*', 'aanbieden', 'bieden', 'bied', 'biedt', 'aangeboden', 'beschikbaar', 'voorraad', 'verkopen',
    'capaciteit', 'productiecapaciteit', 'ombouwen', 'omschakelen', 'supply', 'supplies', 'deliver', 'delivery',
    'produce', 'producing', 'manufactur*', 'make', 'making', 'offer', 'offering', 'offers', 'available', 'stock',
    'sell', 'capacity', 'can provide', 'provide', 'we have', 'wij hebben', 'we hebben', 'ship', 'per week',
    'per dag', 'per day', 'per maand', 'per month', 'stuks', 'pieces', 'pcs', 'units', 'levertijd', 'lead time',
  ].map((term) => [term, true] as const),
);

/**
 * Before a product word: "meltblown for the production of masks", "geschikt voor mondkapjes". Matched on
 * the few words just before it, so it has to end right where the product word begins.
 */
export const PASSING_BEFORE = new TermMatcher<true>(
  [
    'for use in', 'used in', 'used for', 'use in', 'for the production of', 'for the manufacture of',
    'for the manufacturing of',
    'suitable for', 'as used for', 'as used in', 'needed for', 'required for', 'applied in', 'application in',
    'for manufacturers of', 'for producers of', 'testing of', 'test', 'testing', 'certify', 'certifying',
    'certification of', 'voor gebruik in', 'gebruikt voor', 'gebruikt in', 'bestemd voor', 'geschikt voor',
    'voor de productie van', 'voor de fabricage van', 'voor het maken van', 'voor het produceren van',
    'voor de vervaardiging van', 'toepassing in', 'toegepast in', 'grondstof voor', 'materiaal voor',
    'materialen voor', 'nodig voor', 'producenten van', 'fabrikanten van', 'testen van', 'keuren van',
    'certificeren van', 'onderdelen voor', 'fabric for', 'material for', 'materials for', 'stof voor',
    'volgens', 'according to', 'conform', 'against', 'filter for', 'machines for', 'machine for', 'machines voor', 'machine voor', 'inzetbaar voor',
  ].map((term) => [term, true] as const),
);

/** After a product word: "mask manufacturers", "mondkapjesproducenten" is handled by the lexicon suffixes. */
export const PASSING_AFTER = new Set([
  'manufacturers', 'manufacturer', 'producers', 'producer', 'makers', 'producenten', 'fabrikanten', 'industry',
  'industrie', 'machine', 'machines', 'machinery', 'testing', 'certification', 'certificering', 'keuren',
  'testen', 'certificeren', 'test',
]);

/** A plain "for"/"voor" before a product marks a passing mention only right after another product word. */
export const WEAK_PASSING = new Set(['for', 'voor']);

/** "capacity for the production of masks" is an offer, not a passing mention. */
export const CAPACITY_WORDS = new Set([
  'capacity', 'capaciteit', 'productiecapaciteit', 'able', 'ready', 'line', 'lines', 'lijn', 'lijnen', 'klaar',
  'staat', 'equipped', 'uitgerust',
]);

export const CLOSINGS = new TermMatcher<true>(
  [
    'met vriendelijke groet*', 'vriendelijke groet*', 'hartelijke groet*', 'kind regards', 'best regards',
    'warm regards', 'regards', 'mvg', 'sincerely', 'hoogachtend', 'groeten',
  ].map((term) => [term, true] as const),
);

/** Number words and units that make a number a quantity rather than a standard, a year or a phone number. */
export const QUANTITY_UNITS = new Set([
  'stuks', 'stuk', 'st', 'pcs', 'pieces', 'piece', 'units', 'unit', 'per', 'a', 'each', 'paar', 'pairs', 'rollen',
  'rolls', 'kg', 'ton', 'tons', 'tonnes', 'meter', 'meters', 'm', 'm2', 'liter', 'liters', 'litres', 'l', 'miljoen',
  'million', 'mln', 'duizend', 'thousand', 'k', 'dozen', 'boxes', 'flessen', 'bottles',
]);

/** Goods counted right after a number ("20,000 gowns"): they make it an amount, but are not its unit. */
export const COUNTED_GOODS = new Set([
  'kits', 'tests', 'testen', 'masks', 'maskers', 'mondkapjes', 'gowns', 'schorten', 'ventilators', 'gloves',
  'handschoenen', 'swabs', 'overalls', 'isolatiejassen', 'sneltesten', 'mondmaskers', 'respirators',
]);

export const NOT_QUANTITY_BEFORE = new Set(['en', 'iso', 'nen', 'type', 'tel', 'telefoon', 'phone', 'kvk', 'nr', 'ffp']);
