import type { AutomaticMail, Category, LeadTime, Quantity, Route } from '../core/types.js';
import type { Classification } from './classify.js';
import { TermMatcher, type Match } from './matcher.js';
import { isNegated } from './negation.js';
import { fold, tokenized, type Token } from './tokens.js';
import { BULK_UNITS, PERIOD_WORDS } from './cues.js';
import { namesCategory } from './evidence.js';

/**
 * DESIGN §4 routes. Finished goods on the shelf, deliverable within days, go straight to the ministry's
 * buyers (redirect); everything else a person must weigh (review); automatic mail, spam and unrelated
 * mail is kept but never answered (ignore). When unsure, review: a real offer lost costs more than a
 * reviewer's minute.
 */

export interface RouteInput {
  /** automatic mail (RFC 3834 and friends) or detectUnwanted's spam/unrelated verdict */
  automatic: AutomaticMail | null;
  classification: Classification;
  leadTime: LeadTime;
  quantities: Quantity[];
  text: string;
}

export interface RouteDecision {
  route: Route;
  /** null exactly when the route is ignore */
  category: Category | null;
  reasons: string[];
}

/** "within days": a week is the longest lead time the ministry's buyers treat as ready stock. */
const MAX_DAYS = 7;
const FINISHED: ReadonlySet<Category> = new Set(['masks', 'gowns', 'tests', 'ventilators']);

const READY = new TermMatcher<true>(
  [
    'uit voorraad',
    'op voorraad',
    'voorraad',
    'in stock',
    'on stock',
    'from stock',
    'stock',
    'direct leverbaar',
    'per direct leverbaar',
    'direct beschikbaar',
    'per direct beschikbaar',
    'ready to ship',
    'ready for shipment',
    'ready for shipping',
    'ready for delivery',
    'available immediately',
    'immediately available',
    'immediate delivery',
    'for immediate shipment',
    'in ons magazijn',
    // "Ze liggen in ons centraal magazijn in Gouda en kunnen morgen opgehaald worden"
    'ons centraal magazijn',
    'onze magazijnen',
    'liggen in ons',
    'ligt in ons',
    'kunnen opgehaald',
    'morgen opgehaald',
    // "opgeslagen in onze loods ... Kunnen morgen al worden opgehaald"
    'worden opgehaald',
    'in onze loods',
    'opgeslagen in onze',
    'op te halen',
    'can be collected',
    'can be picked up',
    'in our warehouse',
    'in warehouse',
    'liggen klaar',
    'ligt klaar',
    'klaarliggen',
    'klaarligt',
    'klaar liggen',
    'klaar voor verzending',
    'klaar voor levering',
    'gereed voor verzending',
    'gereed voor levering',
    'on the shelf',
    'op de plank',
    'ready for collection',
    'ready for pickup',
    'per omgaande',
    'onmiddellijk leverbaar',
    'meteen leverbaar',
    'available now',
    'ready stock',
    'spot stock',
    'spot voorraad',
    'can ship this week',
    'deliver tomorrow',
    'morgen leveren',
    'morgen geleverd',
  ].map((term) => [term, true] as const),
);

/** Finished supplies within `other`; services, capacity and vague help stay in review. */
const FINISHED_OTHER = new TermMatcher<true>(
  [
    'handschoen*',
    '*handschoenen',
    'glove*',
    'gelaatsscherm*',
    'face shield*',
    'faceshield*',
    'spatbril*',
    'goggles',
    'veiligheidsbril*',
    'safety glasses',
    'desinfect*',
    'disinfectant*',
    'sanitizer*',
    'sanitiser*',
    'handgel*',
    'handdesinfect*',
    'hand gel*',
    'handalcohol',
    'alcoholgel*',
    'alcohol gel*',
    'gezichtsscherm*',
    'oogbescherm*',
    'eye protection',
    'luchtreinig*',
    'air purifier*',
    'ventilatoren',
    'fans',
    'zuurstofconcentrator*',
    'oxygen concentrator*',
    'spatscherm*',
    'kuchscherm*',
    'body bag*',
    'lijkzak*',
    'thermomet*',
    'schoenhoes*',
    'shoe cover*',
    'haarnet*',
    'hair net*',
    'visor*',
    'zeep',
    'soap',
    'papr*',
    'powered air*',
    'respirator hood*',
    'patientmonitor*',
    'patient monitor*',
    'saturatiemeter*',
    'pulse oximet*',
    'pulsoximet*',
    'infuuspomp*',
    'infusion pump*',
    'defibrillat*',
  ].map((term) => [term, true] as const),
);

/**
 * "capacity: approx. 1,500 machine hours per week, available immediately": what is available at once is the
 * capacity named before it in the sentence, not goods. Only for words of availability; "in stock" and
 * "op voorraad" are goods whatever capacity the sentence also names.
 */
const CAPACITY = new Set(['capacity', 'capaciteit', 'productiecapaciteit', 'capaciteiten', 'machinecapaciteit']);
const STOCK_WORDS = new Set(['stock', 'voorraad', 'magazijn', 'magazijnen', 'warehouse', 'shelf', 'plank']);

function capacityAvailable(tokens: readonly Token[], words: readonly string[], match: Match<true>): boolean {
  for (let i = match.start; i < match.end; i += 1) if (STOCK_WORDS.has(words[i]!)) return false;
  const { sentence } = tokens[match.start]!;
  for (let i = match.start - 1; i >= 0 && tokens[i]!.sentence === sentence; i -= 1)
    if (CAPACITY.has(words[i]!)) return true;
  return false;
}

/**
 * What an `other` offer is mainly about, when that is a service: a matching platform that lists the gloves and
 * masks it tracks, and "stock" that suppliers register in it, offers software, not gloves from stock.
 */
const SERVICES = new TermMatcher<true>(
  [
    'software',
    'app',
    'platform',
    'logistie*',
    'logistic*',
    'transport',
    'vervoer',
    'koeltransport*',
    'warehous*',
    'opslag*',
    'storage space',
    'distributie*',
    'distribution cent*',
    'fulfilment',
    'fulfillment',
    'certific*',
    'certificering*',
    'keuring*',
    'testlab',
    'machines',
    '3d print*',
  ].map((term) => [term, true] as const),
);

function isServiceTerm(term: string | null): boolean {
  return term !== null && SERVICES.test(term.split(' '));
}

/**
 * "this batch is currently reserved for a hospital group in Germany; if they do not confirm by Friday ...":
 * stock held for another buyer is not available. Not "reserved for you" or "for the Netherlands".
 */
const RESERVED = new TermMatcher<true>(['reserved for', 'gereserveerd voor', 'reserved by'].map((term) => [term, true] as const));
const OTHER_BUYER = new Set([
  'customer',
  'client',
  'buyer',
  'hospital',
  'group',
  'party',
  'klant',
  'afnemer',
  'ziekenhuis',
  'ziekenhuisgroep',
  'partij',
  'another',
  'andere',
]);
const RESERVED_REACH = 4;

function reservedForAnother(words: readonly string[]): string | null {
  for (const match of RESERVED.matchAll(words)) {
    const after = words.slice(match.end, match.end + RESERVED_REACH);
    if (after.some((w) => OTHER_BUYER.has(w))) return words.slice(match.start, match.end + RESERVED_REACH).join(' ');
  }
  return null;
}

/** "samples available now", "monsters direct beschikbaar": a sample is no stock of the goods. */
const SAMPLES = new Set(['samples', 'sample', 'monsters', 'monster', 'proefmodel', 'proefmodellen', 'prototype', 'prototypes']);

/** "onze voorraad is verkocht", "stock sold out": stock named to say it is gone. */
const GONE = new Set([
  'verkocht',
  'uitverkocht',
  'op',
  'leeg',
  'weg',
  'sold',
  'gone',
  'depleted',
  'exhausted',
  'empty',
]);
const GONE_VERBS = new Set(['is', 'was', 'zijn', 'are', 'raakt', 'runs']);

/**
 * "Op voorraad hebben wij nog geen jassen", "uit voorraad: n.v.t." (which reaches the word list as "n"), "we had
 * stock but it is gone", "stock expected mid-April": a denial, or the goods gone or still to come, after the
 * stock words in the same sentence, where isNegated (which looks before a product) does not look. The words
 * of GONE count too, but "op" only right after ("voorraad is op", saysGone): further on it is "op maat".
 */
const DENIED_AFTER = new Set([
  'geen',
  'niets',
  'niet',
  'nothing',
  'none',
  'not',
  'zero',
  'nul',
  'n',
  'nvt',
  'expected',
  'verwacht',
  // "mocht er later weer voorraad binnenkomen", "stock is no longer available"
  'binnenkomen',
  'binnenkomt',
  'incoming',
  'longer',
  // "onze huidige voorraad is al naar vaste klanten gegaan", "stock is committed to existing customers"
  'gegaan',
  'toegezegd',
  'vergeven',
  'allocated',
  'committed',
  'promised',
  ...[...GONE].filter((word) => word !== 'op'),
]);
/**
 * A bare answer right after the stock words ("Ready stock: no", "Voorraad: nee"), ending its clause: "no" is
 * anything elsewhere ("ready stock, no waiting list").
 */
const DENIED_NEXT = new Set(['no', 'nee']);
// "Op voorraad hebben we ze nog niet", "onze voorraad mondmaskers is gisteren in zijn geheel verkocht"
const DENIAL_REACH = 8;

function deniedAfter(tokens: readonly Token[], words: readonly string[], match: Match<true>): boolean {
  const next = tokens[match.end];
  if (next && DENIED_NEXT.has(next.word) && tokens[match.end + 1]?.clause !== next.clause) return true;
  // The sentence, not the clause: a form's "Uit voorraad: n.v.t." puts a colon between.
  const { sentence } = tokens[match.start]!;
  const last = Math.min(words.length, match.end + DENIAL_REACH);
  for (let i = match.end; i < last && tokens[i]!.sentence === sentence; i += 1)
    if (DENIED_AFTER.has(words[i]!)) return true;
  return false;
}

function saysGone(words: readonly string[], end: number): boolean {
  const next = words[end] ?? '';
  return GONE.has(next) || (GONE_VERBS.has(next) && GONE.has(words[end + 1] ?? ''));
}

/**
 * "Op voorraad hebben wij slechts een kleine partij van 500 stuks" beside "10.000 per week vanaf week 17": a
 * remainder named beside production capacity, which is the offer. Stock said to be small counts as ready
 * stock only when no production rate is offered.
 */
const MINOR = new Set([
  'slechts',
  'alleen',
  'only',
  'just',
  'klein',
  'kleine',
  'small',
  'beperkt',
  'beperkte',
  'limited',
]);

function isMinorStock(tokens: readonly Token[], words: readonly string[], match: Match<true>): boolean {
  const sentence = tokens[match.start]!.sentence;
  for (let i = match.start - 1; i >= 0 && tokens[i]!.sentence === sentence; i -= 1)
    if (MINOR.has(words[i]!)) return true;
  for (let i = match.end; i < words.length && tokens[i]!.sentence === sentence; i += 1)
    if (MINOR.has(words[i]!)) return true;
  return false;
}

/**
 * "Stof hebben wij voor de eerste 10.000 stuks op voorraad": the stock is the material a maker sews from, not
 * finished goods. A stock sentence naming a material and none of the offered product's words is such a stock.
 * Not "materiaal" alone: a rental firm's "materiaal in ons magazijn" is its equipment.
 */
const MATERIAL_WORDS = new Set([
  'stof',
  'stoffen',
  'grondstof',
  'grondstoffen',
  'fabric',
  'fabrics',
  'textile',
  'textiel',
  'vlies',
  'garen',
  'yarn',
  'polyester',
  'katoen',
  'cotton',
  'nonwoven',
  'spunbond',
  'meltblown',
  'elastiek',
  'elastic',
  'granulaat',
  'granulate',
  ...BULK_UNITS,
]);

function isInputStock(
  tokens: readonly Token[],
  words: readonly string[],
  match: Match<true>,
  category: Category,
): boolean {
  const { sentence } = tokens[match.start]!;
  let from = match.start;
  while (from > 0 && tokens[from - 1]!.sentence === sentence) from -= 1;
  let to = match.end;
  while (to < words.length && tokens[to]!.sentence === sentence) to += 1;
  const said = words.slice(from, to);
  if (sizedByOutput(said)) return true;
  return said.some((word) => MATERIAL_WORDS.has(word)) && !namesCategory(said, category);
}

/**
 * "reagentia voor ongeveer 10.000 testen op voorraad", "onze eigen voorraad is voldoende voor ongeveer 8.000
 * testen": a stock measured by what it will make is a lab's or maker's input. Not a date or a period ("voor 1
 * april", "for 3 days").
 */
const SIZING_FILLERS = new Set(['ongeveer', 'circa', 'ca', 'about', 'approximately', 'de', 'eerste', 'the', 'first']);
const NOT_OUTPUT = new Set([
  ...PERIOD_WORDS,
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
]);

function sizedByOutput(said: readonly string[]): boolean {
  for (let i = 0; i < said.length; i += 1) {
    if (said[i] !== 'voor' && said[i] !== 'for') continue;
    let k = i + 1;
    while (k < said.length && k <= i + 3 && SIZING_FILLERS.has(said[k]!)) k += 1;
    if (/^\d/.test(said[k] ?? '') && !NOT_OUTPUT.has(said[k + 1] ?? '') && !NOT_OUTPUT.has(said[k + 2] ?? ''))
      return true;
  }
  return false;
}

const COUNT_WORDS = new Set([
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'acht',
  'two',
  'three',
  'four',
  'five',
  'six',
  'eight',
  'few',
  'paar',
  'enkele',
  'several',
  'aantal',
]);
/**
 * "Ready stock in our Shenzhen warehouse, FOB Shenzhen": stock far away, sold for the buyer to ship, is no
 * delivery within days. Said by an origin outside Europe with a term that leaves the transport to the buyer,
 * and no stock sentence naming the Netherlands or elsewhere in Europe.
 */
const FAR_ORIGINS = new TermMatcher<true>(
  [
    'china',
    'chinese',
    'shenzhen',
    'guangzhou',
    'shanghai',
    'hong kong',
    'chengdu',
    'wuhan',
    'tianjin',
    'beijing',
    'xiamen',
    'ningbo',
    'dongguan',
    'korea',
    'seoul',
    'malaysia',
    'port klang',
    'kuala lumpur',
    'vietnam',
    'ho chi minh',
    'hanoi',
    'india',
    'mumbai',
    'delhi',
    'pakistan',
    'karachi',
    'lahore',
    'taiwan',
    'dubai',
    'thailand',
    'indonesia',
  ].map((term) => [term, true] as const),
);
const EXPORT_TERMS = new TermMatcher<true>(
  // Terms that leave the transport from abroad to the buyer; CIF, DAP and DDP (the seller ships) do not count.
  ['fob', 'exw', 'ex works', 'ex factory', 'fca', 'buyer arranges'].map(
    (term) => [term, true] as const,
  ),
);
const NEAR_STOCK = new TermMatcher<true>(
  ['nederland', 'netherlands', 'holland', 'rotterdam', 'venlo', 'schiphol', 'amsterdam', 'tilburg', 'europe', 'europa', 'eu warehouse', 'germany', 'duitsland', 'belgium', 'belgie', 'antwerp', 'antwerpen', 'ddp'].map(
    (term) => [term, true] as const,
  ),
);

function stockAbroad(tokens: readonly Token[], words: readonly string[], stockWords: readonly Match<true>[]): string | null {
  const far = FAR_ORIGINS.matchAll(words)[0];
  const terms = far ? EXPORT_TERMS.matchAll(words)[0] : undefined;
  if (!far || !terms) return null;
  // "delivery to the Netherlands" is where it goes; "in stock in Venlo" is where it is.
  const stockSentences = new Set(stockWords.map((match) => tokens[match.start]!.sentence));
  if (NEAR_STOCK.matchAll(words).some((near) => stockSentences.has(tokens[near.start]!.sentence))) return null;
  return `${words.slice(far.start, far.end).join(' ')}, ${words.slice(terms.start, terms.end).join(' ')}`;
}

const LONG_UNITS = new Set(['weeks', 'weken', 'week', 'maanden', 'months', 'maand', 'month']);

/** "de afgelopen vier weken hebben we schorten gemaakt": a period gone by, not a delivery time */
const PAST = new Set(['afgelopen', 'laatste', 'voorbije', 'past', 'last', 'previous']);

/** "three weeks by sea", "3 tot 4 weken", "2 maanden": a lead time longer than days, when the extractor gave none. */
function longLeadTime(words: readonly string[]): string | null {
  for (let i = 1; i < words.length; i += 1) {
    if (!LONG_UNITS.has(words[i]!)) continue;
    const before = words[i - 1]!;
    if (PAST.has(words[i - 2] ?? '')) continue;
    const count = /^\d+$/.test(before) ? Number(before) : COUNT_WORDS.has(before) ? 2 : 0;
    const isMonth = words[i]!.startsWith('maand') || words[i]!.startsWith('month');
    if (count >= 2 || (isMonth && count >= 1)) return `${before} ${words[i]}`;
  }
  return null;
}

/** Whether the extractor's stock phrase is one of the stock words found here, all of them denied. */
function deniedHere(phrase: string | null, stockWords: readonly Match<true>[], words: readonly string[]): boolean {
  if (phrase === null || stockWords.length === 0) return false;
  const folded = fold(phrase).replace(/[^a-z0-9]+/g, ' ');
  const said = ` ${folded.trim()} `;
  return stockWords.some((match) => said.includes(` ${words.slice(match.start, match.end).join(' ')} `));
}

export function decideRoute(input: RouteInput): RouteDecision {
  if (input.automatic) {
    return {
      route: 'ignore',
      category: null,
      reasons: [`ignore: ${input.automatic.kind} mail is kept but never answered`],
    };
  }
  const category = input.classification.categories[0]?.category ?? 'other';
  const review = (why: string): RouteDecision => ({ route: 'review', category, reasons: [`review: ${why}`] });

  if (category === 'materials') return review('materials are weighed by reviewers, never referred straight on');
  // The tokenizer's own (frozen, remembered) word list: the matcher reuses its scan of it from classification,
  // where a fresh copy of the words was scanned again by each term list below.
  const { tokens, words } = tokenized(input.text);
  if (category === 'other' && (!FINISHED_OTHER.test(words) || isServiceTerm(input.classification.mainTerm))) {
    return review('a service, capacity or general offer, not finished goods');
  }
  const stockWords = READY.matchAll(words);
  const producing = input.quantities.some((q) => q.per !== null);
  const minor = (match: Match<true>): boolean => producing && isMinorStock(tokens, words, match);
  const ready = stockWords.find(
    (match) =>
      !isNegated(tokens, match.start, match.end, 'nl') &&
      !(words[match.start - 2] === 'out' && words[match.start - 1] === 'of') &&
      !saysGone(words, match.end) &&
      !deniedAfter(tokens, words, match) &&
      !minor(match) &&
      !capacityAvailable(tokens, words, match) &&
      !isInputStock(tokens, words, match, category) &&
      !SAMPLES.has(words[match.start - 1] ?? '') &&
      !SAMPLES.has(words[match.start - 2] ?? ''),
  );
  const readyText = ready ? words.slice(ready.start, ready.end).join(' ') : null;
  // The extractor's stock claim is trusted unless every stock word here is denied and its own phrase is one
  // of them ("Er is nu nog niets op voorraad"): then it missed the negation.
  const inStock =
    input.leadTime.inStock && (ready !== undefined || !deniedHere(input.leadTime.text, stockWords, words));
  if (ready === undefined && stockWords.length > 0 && stockWords.every(minor)) {
    return review('only a small stock, named beside production capacity: the capacity is the offer');
  }
  if (!inStock && readyText === null) {
    return review(
      `no ${FINISHED.has(category) ? category : 'goods'} from stock: production capacity or an offer to assess`,
    );
  }
  const days = input.leadTime.days;
  if (days !== null && days > MAX_DAYS) {
    return review(`stock mentioned, but delivery takes ${days} days (more than ${MAX_DAYS})`);
  }
  const long = days === null ? longLeadTime(words) : null;
  if (long !== null) return review(`stock mentioned, but delivery takes '${long}'`);
  const reserved = reservedForAnother(words);
  if (reserved !== null) return review(`stock reserved for another buyer ('${reserved}')`);
  const abroad = stockAbroad(tokens, words, stockWords);
  if (abroad !== null) return review(`stock abroad, shipped on the buyer's terms ('${abroad}'): not deliverable within days`);
  const stock = inStock ? (input.leadTime.text ?? 'in stock') : readyText!;
  const amount = input.quantities[0] ? `, quantity '${input.quantities[0].text}'` : '';
  const when = days !== null ? `, delivery within ${days} day${days === 1 ? '' : 's'}` : '';
  return {
    route: 'redirect',
    category,
    reasons: [`redirect: finished ${category} available from stock ('${stock}')${amount}${when}`],
  };
}
