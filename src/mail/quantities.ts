import type { Quantity } from '../core/types.js';

/**
 * Quantities and rates offered: "500.000 per week", "10k per dag", "1 miljoen stuks", "capacity of 2
 * million masks a month". A number counts only with a scale word, a unit or product noun, or a rate after
 * it, so years, prices, standards (EN 14683) and phone numbers stay out.
 */

const MAX_QUANTITIES = 20;

/** Starts only where a number is not glued to letters, other numbers or currency (KN95, 6-8, €5). */
const NUMBER = /(?<![\w\u00C0-\u024F.,\-/€$£+#])\d(?:[\d.,]*\d)?/g;
/** A price list pasted into a mail has thousands of numbers; offers state their quantities long before. */
const MAX_NUMBERS = 5000;
/** What may follow a number that is a quantity: a letter (scale, unit, noun, rate) or "/" ("500,000/week"). */
const QUANTITY_NEXT = /\s{0,3}[\p{L}/]/uy;

/** Case matters for "M" only: a lower-case "m" is a metre. */
const SCALE =
  /\s?(k|K|[Dd]uizend|[Tt]housand|[Mm]ln\.?|[Mm]iljoen|[Mm]illions?|[Mm]io\.?|M|[Mm]iljard|[Bb]illion)(?![\p{L}\p{N}])/uy;
const SCALE_FACTOR: Record<string, number> = {
  k: 1e3,
  duizend: 1e3,
  thousand: 1e3,
  mln: 1e6,
  miljoen: 1e6,
  million: 1e6,
  millions: 1e6,
  mio: 1e6,
  m: 1e6,
  miljard: 1e9,
  billion: 1e9,
};

const NOUNS =
  'stuks|stuk|st\\.|stk|pcs\\.?|pc|pieces?|units?|items?|eenheden|pairs?|paar|sets?|boxes|box|dozen|doosjes?|cartons?|pallets?|rolls?|rollen|rol|bottles?|flessen|liters?|litres?|tons?|tonnes?|kg|kilo|meters?|m2|m²|' +
  'mondkapjes?|mondmaskers?|mond-neusmaskers?|maskers?|masks?|respirators?|gowns?|schorten|isolatiejassen|jassen|overalls|coveralls?|pakken|suits?|' +
  'handschoenen|gloves?|gelaatsschermen|spatschermen|face\\s?shields?|shields?|brillen|goggles|' +
  'tests?|testen|sneltesten|testkits?|kits?|wattenstaafjes|swabs?|reagents?|reagentia|samples?|' +
  'beademingsapparaten|ventilators?|apparaten|toestellen|devices?|monitors?|monitoren|concentrators?|concentratoren|machines?';

/** Words between number and noun that make the number a size, not a count ("3 lagen", "25 gsm"). */
const MEASURE =
  'ply|laags|lagen|laagse|layers?|mm|cm|micron|gram|gr|g|gsm|jaar|years?|dagen|days?|weken|weeks?|maanden|months?|uur|hours?|euro|eur|cent|dollars?|usd|procent|percent|keer|times|per|a|an|de|het|een|the|in|op|of|van|to|tot|en|and|or|x';

/** Up to two modifier words then a unit or product noun: " FFP2 maskers", " surgical masks", " stuks". */
const NOUN = new RegExp(
  `(?:\\s+(?!(?:${MEASURE})(?![\\p{L}\\p{N}]))[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,24}){0,2}?\\s*(?:${NOUNS})(?![\\p{L}\\p{N}])`,
  'iuy',
);

const RATE =
  /\s*(?:(?:per|a|an|each|every|elke|iedere|p\.|p\/|\/)\s*(dag|day|etmaal|week|wk|maand|month|mnd|mth)|(daily|dagelijks|weekly|wekelijks|monthly|maandelijks))(?![\p{L}\p{N}])/iuy;

const NEXT_WORD = /\s+[\p{L}-]{2,20}/uy;

const PER: Record<string, Quantity['per']> = {
  dag: 'day',
  day: 'day',
  etmaal: 'day',
  daily: 'day',
  dagelijks: 'day',
  week: 'week',
  wk: 'week',
  weekly: 'week',
  wekelijks: 'week',
  maand: 'month',
  month: 'month',
  mnd: 'month',
  mth: 'month',
  monthly: 'month',
  maandelijks: 'month',
};

/** Standards, model and reference numbers: the word before the number says it is not an amount. */
const NOT_AMOUNT_BEFORE =
  /(?:\b(?:type|model|art|artikel|nr|no|nummer|number|ref|order|kvk|coc|postbus|versie|version|covid|week|ffp|eur|euro|usd)\W{0,2}|[€$£]\s?)$/i;
/** Standards are upper case; a lower-case "en" is Dutch for "and". */
const STANDARD_BEFORE = /\b(?:EN|ISO|NEN|DIN|ASTM|GB|YY)[\s-]?$/;
const MONEY_AFTER = /\s*(?:euro|eur|€|dollars?|usd|\$|%|procent|percent)/iy;

export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const seen = new Set<string>();
  NUMBER.lastIndex = 0;
  let examined = 0;
  for (let m = NUMBER.exec(text); m && found.length < MAX_QUANTITIES && examined < MAX_NUMBERS; m = NUMBER.exec(text)) {
    examined++;
    QUANTITY_NEXT.lastIndex = m.index + m[0].length;
    if (!QUANTITY_NEXT.test(text)) continue;
    const quantity = readQuantity(text, m.index, m[0]);
    if (!quantity) continue;
    const key = `${quantity.amount}/${quantity.per}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(quantity);
  }
  return found;
}

function readQuantity(text: string, start: number, digits: string): Quantity | null {
  const before = text.slice(Math.max(0, start - 10), start);
  if (NOT_AMOUNT_BEFORE.test(before) || STANDARD_BEFORE.test(before)) return null;
  let pos = start + digits.length;

  SCALE.lastIndex = pos;
  const scale = SCALE.exec(text);
  const factor = scale ? (SCALE_FACTOR[(scale[1] ?? '').toLowerCase().replace('.', '')] ?? 1) : 1;
  const value = parseAmount(digits, scale !== null);
  if (value === null) return null;
  if (scale) pos = SCALE.lastIndex;

  MONEY_AFTER.lastIndex = pos;
  if (MONEY_AFTER.test(text)) return null;

  NOUN.lastIndex = pos;
  const noun = NOUN.exec(text);
  if (noun) pos = NOUN.lastIndex;

  RATE.lastIndex = pos;
  let rate = RATE.exec(text);
  if (!rate && noun) {
    // One more word may stand between noun and rate: "40 test batches per week".
    NEXT_WORD.lastIndex = pos;
    if (NEXT_WORD.test(text)) {
      RATE.lastIndex = NEXT_WORD.lastIndex;
      rate = RATE.exec(text);
    }
  }
  if (rate) pos = RATE.lastIndex;

  if (!scale && !rate && (!noun || isYear(digits))) return null;
  const amount = Math.round(value * factor);
  if (amount <= 0) return null;
  const per = rate ? (PER[(rate[1] ?? rate[2] ?? '').toLowerCase()] ?? null) : null;
  return { text: text.slice(start, pos).replace(/\s+/g, ' ').trim(), amount, per };
}

/** "in 2020 we made masks" names a year, not a count. */
function isYear(digits: string): boolean {
  return /^20(?:1[5-9]|2[0-5])$/.test(digits);
}

/**
 * Reads Dutch and English number formats. A separator followed by exactly three digits groups thousands
 * in both languages ("500.000", "500,000", "1.500"); otherwise it is a decimal point ("1,5", "2.5"). When
 * both occur, the last one is the decimal point ("1.250.000,50", "1,250,000.50").
 */
export function parseAmount(written: string, scaled: boolean): number | null {
  const lastDot = written.lastIndexOf('.');
  const lastComma = written.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return Number(written);
  let integer: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    integer = written.slice(0, decimalAt);
    fraction = written.slice(decimalAt + 1);
    if (!/^\d{1,3}(?:[.,]\d{3})*$/.test(integer) || /[.,]/.test(fraction)) return null;
  } else {
    const sep = lastDot >= 0 ? '.' : ',';
    const groups = written.split(sep);
    const tail = groups[groups.length - 1] ?? '';
    const grouped = groups.length > 2 || (tail.length === 3 && !(scaled && groups[0] === '0'));
    if (grouped) {
      if (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => g.length !== 3)) return null;
      integer = written;
    } else {
      if (groups.length !== 2) return null;
      integer = groups[0] ?? '';
      fraction = tail;
    }
  }
  const value = Number(`${integer.replace(/[.,]/g, '')}.${fraction || '0'}`);
  return Number.isFinite(value) ? value : null;
}
