import type { LeadTime } from '../core/types.js';
import { isNegated } from './extract-negation.js';

/**
 * Whether finished goods are on the shelf, and how many days until delivery. This decides the route
 * (DESIGN §4: stock deliverable within days is referred to the ministry), so stock is only claimed on
 * explicit words, never on production capacity ("we can produce 50.000 per week starting in 4 weeks").
 */

/**
 * Explicit stock words; positive unless a negation precedes them in the same clause. German suppliers near the
 * border write "ab Lager", "auf Lager", "sofort lieferbar", "Lieferung in 2-3 Tagen".
 */
const STOCK =
  /(?<![\w\u00C0-\u024F])(?:(?:direct\s+)?leverbaar\s+uit\s+(?:eigen\s+)?voorraad|uit\s+(?:eigen\s+)?voorraad(?:\s+leverbaar)?|op\s+voorraad|voorradig|in\s+stock|from\s+stock|ex[\s-]stock|on\s+stock|available\s+from\s+stock|(?:stock|voorraad)\s+(?:is\s+)?(?:available|beschikbaar)|(?:hebben|heb|heeft|have|has)\s+(?:(?:een|a|large|big|grote|ruime|enige|some|flinke|beperkte|limited)\s+){0,2}(?:voorraad|stock)|(?:uit|van|from|of)\s+(?:onze|ons|eigen|our|own)\s+(?:eigen\s+|own\s+)?(?:voorraad|stock)|(?:voorraad|stock)\s*:\s*(?=\d)|ab\s+lager|auf\s+lager|lagernd|vorr[äa]tig)(?![A-Za-z\u00C0-\u024F])/gi;

/** Words that deny stock by themselves. */
const NO_STOCK =
  /(?<![\w\u00C0-\u024F])(?:geen\s+voorraad|no\s+stock|out\s+of\s+stock|uitverkocht|sold\s+out|niet\s+(?:meer\s+)?(?:op|uit)\s+voorraad|not\s+(?:in|from)\s+stock|(?:voorraad|stock)\s+is\s+(?:(?:uit)?verkocht|op|leeg|sold(?:\s+out)?|depleted|exhausted|gone))(?![A-Za-z\u00C0-\u024F])/gi;

/** Ready-to-ship wording: stock too, unless the clause is about producing. */
const READY =
  /(?<![\w\u00C0-\u024F])(?:ready\s+to\s+ship|ready\s+for\s+(?:shipment|shipping|delivery)|available\s+immediately|immediately\s+available|(?:per\s+)?direct\s+(?:leverbaar|beschikbaar)|(?:can|could)\s+(?:ship|deliver)\s+(?:this\s+week|immediately|today|tomorrow)|(?:kunnen|kan)\s+(?:direct|deze\s+week|morgen|vandaag)\s+(?:leveren|verzenden|geleverd\s+worden)|deze\s+week\s+(?:nog\s+)?(?:leverbaar|leveren|verzenden)|sofort\s+(?:lieferbar|verf[üu]gbar|versandbereit))(?![A-Za-z\u00C0-\u024F])/gi;
const PRODUCING = /produc|capacit|capaciteit|fabricer|manufactur|maken|make\b|starting/i;

const NUMBER_WORDS: Record<string, number> = {
  een: 1,
  één: 1,
  a: 1,
  an: 1,
  one: 1,
  twee: 2,
  two: 2,
  drie: 3,
  three: 3,
  vier: 4,
  four: 4,
  vijf: 5,
  five: 5,
  zes: 6,
  six: 6,
  zeven: 7,
  seven: 7,
  acht: 8,
  eight: 8,
  tien: 10,
  ten: 10,
};
const NUM = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT =
  '(uur|uren|hours?|hrs?|(?:werk|working\\s+|business\\s+|work\\s+)?(?:dagen|dag|days?)|(?:werk|arbeits)?(?:tagen|tage)|weken|weeks?|wochen|woche|wk|wks|maanden|maand|months?)';
// "Delivery to Amsterdam: 7-10 days", "Levering naar Nederland: 2 weken": a delivery label naming the place.
const CUE =
  '(?:binnen|within|innerhalb(?:\\s+von)?|in|over|na|after|lieferzeit|levertijd|leveringstijd|levertermijn|leveringstermijn|lead\\s*-?\\s*time|delivery(?:\\s+time)?|productietijd|production\\s+time|(?:delivery|levering|shipping|verzending)\\s+(?:to|naar|in|aan)\\s+[\\w\\u00C0-\\u024F-]+(?:\\s+[\\w\\u00C0-\\u024F-]+)?(?=\\s*:))';
const FILLER =
  '(?:\\s*[:\\-]?\\s*(?:is|are|of|van|bedraagt|ca\\.?|circa|approx\\.?|approximately|about|around|ongeveer|roughly|max\\.?|maximaal|maximum|slechts|only|just|±|~)(?![A-Za-z\\u00C0-\\u024F]))';
const LEAD = new RegExp(
  `(?<![\\w\\u00C0-\\u024F])${CUE}${FILLER}{0,2}\\s*[:\\-]?\\s*${NUM}(?:\\s*(?:-|–|to|tot|à|a)\\s*${NUM})?\\s*${UNIT}(?![A-Za-z\\u00C0-\\u024F])`,
  'gi',
);

const RELATIVE =
  /(?<![\w\u00C0-\u024F])(?:(next|volgende|komende)\s+week|(this|deze)\s+week|(tomorrow|morgen)|(today|vandaag|same\s+day|dezelfde\s+dag))(?![A-Za-z\u00C0-\u024F])/gi;
const DELIVERY_WORD = /lever|deliver|ship|verzend|verzonden|beschikbaar|available|dispatch/i;

// Words without which a pattern cannot match (its letters are ASCII, so lower-casing the text is exact):
// one lower-cased copy and a few substring searches spare most offers most of the patterns.
const STOCK_WORDS = ['stock', 'voorra', 'lager', 'vorr'];
const NO_STOCK_WORDS = ['stock', 'voorraad', 'uitverkocht', 'sold'];
const READY_WORDS = ['ready', 'immediately', 'direct', 'ship', 'deliver', 'lever', 'verzenden', 'sofort'];
const UNIT_WORDS = ['uur', 'uren', 'hour', 'hr', 'dag', 'day', 'tage', 'weken', 'week', 'woche', 'wk', 'maand', 'month'];
const RELATIVE_WORDS = ['week', 'tomorrow', 'morgen', 'today', 'vandaag', 'same', 'dezelfde'];

function mentions(lower: string, words: string[]): boolean {
  return words.some((w) => lower.includes(w));
}

export function findLeadTime(text: string): LeadTime {
  const lower = text.toLowerCase();
  const stock = findStock(text, lower);
  const lead = findDays(text, lower);
  const parts = [stock.text, lead?.text].filter((t): t is string => t !== null && t !== undefined);
  return { inStock: stock.inStock, days: lead?.days ?? null, text: parts.length > 0 ? parts.join('; ') : null };
}

function findStock(text: string, lower: string): { inStock: boolean; text: string | null } {
  const denials = mentions(lower, NO_STOCK_WORDS) ? noStockSpans(text) : [];
  const insideDenial = (at: number) => denials.some(([from, to]) => at >= from && at < to);
  let denied: string | null = null;
  STOCK.lastIndex = 0;
  for (let m = mentions(lower, STOCK_WORDS) ? STOCK.exec(text) : null; m; m = STOCK.exec(text)) {
    if (!isNegated(text, m.index) && !insideDenial(m.index) && !insideDenial(m.index + m[0].length - 1)) {
      return { inStock: true, text: m[0] };
    }
    denied ??= phraseAround(text, m.index, m[0]);
  }
  READY.lastIndex = 0;
  for (let m = mentions(lower, READY_WORDS) ? READY.exec(text) : null; m; m = READY.exec(text)) {
    if (isNegated(text, m.index)) continue;
    if (PRODUCING.test(clauseAround(text, m.index, m[0].length))) continue;
    return { inStock: true, text: m[0] };
  }
  return { inStock: false, text: denied ?? (denials[0] ? text.slice(denials[0][0], denials[0][1]) : null) };
}

/** Where stock is denied outright ("onze voorraad is verkocht"); a few are enough to decide. */
function noStockSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  NO_STOCK.lastIndex = 0;
  for (let m = NO_STOCK.exec(text); m && spans.length < 20; m = NO_STOCK.exec(text))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

interface Days {
  days: number;
  text: string;
}

/** The earliest delivery stated: offers often give stock now and more production later. */
function findDays(text: string, lower: string): Days | null {
  let best: Days | null = null;
  const consider = (days: number, phrase: string) => {
    if (best === null || days < best.days) best = { days, text: phrase };
  };
  LEAD.lastIndex = 0;
  for (let m = mentions(lower, UNIT_WORDS) ? LEAD.exec(text) : null; m; m = LEAD.exec(text)) {
    // "7-10 days after payment" promises ten: a range counts by its far end.
    const amount = toNumber(m[2] ?? m[1] ?? '');
    const unit = (m[3] ?? '').toLowerCase();
    if (amount !== null && amount > 0) consider(toDays(amount, unit), m[0]);
  }
  RELATIVE.lastIndex = 0;
  for (let m = mentions(lower, RELATIVE_WORDS) ? RELATIVE.exec(text) : null; m; m = RELATIVE.exec(text)) {
    if (!DELIVERY_WORD.test(clauseAround(text, m.index, m[0].length))) continue;
    consider(m[1] || m[2] ? 7 : m[3] ? 1 : 0, m[0]);
  }
  return best;
}

function toNumber(written: string): number | null {
  const lower = written.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  return NUMBER_WORDS[lower] ?? null;
}

function toDays(amount: number, unit: string): number {
  if (/^(?:uur|uren|hour|hr)/.test(unit)) return Math.ceil(amount / 24);
  if (/dag|day|tage/.test(unit)) return amount;
  if (/^(?:we|wk|woche)/.test(unit)) return amount * 7;
  if (/^(?:maand|month)/.test(unit)) return amount * 30;
  return amount;
}

/** The sentence part around a match, for context words such as "produce" or "deliver". */
function clauseAround(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 60);
  const to = Math.min(text.length, index + length + 40);
  const window = text.slice(from, to);
  const at = index - from;
  const start = Math.max(window.lastIndexOf('. ', at), window.lastIndexOf('\n', at), window.lastIndexOf(';', at)) + 1;
  const endCandidates = ['. ', '\n', ';'].map((sep) => window.indexOf(sep, at + length)).filter((i) => i >= 0);
  const end = endCandidates.length > 0 ? Math.min(...endCandidates) : window.length;
  return window.slice(start, end);
}

/** The denied stock phrase with its negation, as written: "niet op voorraad". */
function phraseAround(text: string, index: number, phrase: string): string {
  const before = text.slice(Math.max(0, index - 40), index);
  const negation = /(?:niet|geen|not|no|don't|do\s+not|nothing)(?:\s+\S+){0,4}\s*$/i.exec(before);
  return (negation ? negation[0] : '') + phrase;
}
