/**
 * The Dutch Chamber of Commerce (KvK) number: exactly eight digits, taken only right after a KvK label.
 * Phone numbers, IBANs, VAT numbers, postcodes and order numbers share the digits but not the label, and
 * a digit run that is not exactly eight digits long (a phone number with its area code) never qualifies.
 */

const LABEL =
  /(?<![\p{L}\p{N}])(?:k\.?\s?v\.?\s?k\.?|kamer\s+van\s+koophandel|chamber\s+of\s+commerce|coc(?![\p{L}])|handelsregister)/giu;

/** How far after a label its number may stand ("KvK-nummer: ", "ingeschreven onder nummer "). */
const MAX_GAP = 48;

/**
 * A run of digit groups joined by single spaces, dots or hyphens ("1234 5678", "12.34.56.78"), not glued
 * to letters (NL91ABNA..., NL123456789B01) or a leading plus (+31 ...).
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}+])\d+(?:[ .-]\d+)*(?![\p{L}\p{N}])/gu;

/** dd-mm-yyyy and dd.mm.yyyy also have eight digits. */
const DATE = /^(?:0?[1-9]|[12]\d|3[01])[.-](?:0?[1-9]|1[0-2])[.-](?:19|20)\d\d$/;

const CORRECTED = /(?<![\p{L}])(?:correct|correcte|juiste|juist|goede|correctie|should\s+be|moet\s+zijn|right)(?![\p{L}])[^\n.]{0,20}$/iu;
const CORRECTION_REACH = 40;

/** A message names its KvK number a few times at most; a flood of labels is not worth reading. */
const MAX_LABELS = 200;

export function findKvk(text: string): string | null {
  return readKvk(text).digits;
}

/** A KvK number the text gives as the correction of another ("ons juiste KvK-nummer is ..."), or null. */
export function correctedKvk(text: string): string | null {
  const found = readKvk(text);
  return found.corrected ? found.digits : null;
}

function readKvk(text: string): { digits: string | null; corrected: boolean } {
  let best: { digits: string; gap: number } | null = null;
  LABEL.lastIndex = 0;
  let labels = 0;
  for (let label = LABEL.exec(text); label && labels < MAX_LABELS; label = LABEL.exec(text)) {
    labels++;
    const from = label.index + label[0].length;
    const number = firstNumberAfter(text, from);
    // "The correct KvK number is 65432187", "ons juiste KvK-nummer": a correction of a number given elsewhere.
    if (number && CORRECTED.test(text.slice(Math.max(0, label.index - CORRECTION_REACH), label.index)))
      return { digits: number.digits, corrected: true };
    if (number && (best === null || number.gap < best.gap)) best = number;
  }
  return { digits: best?.digits ?? null, corrected: false };
}

/**
 * The sentences or lines of a text that state a KvK number. Dutch companies often state theirs only in
 * the legal disclaimer ("X B.V. is ingeschreven bij de Kamer van Koophandel onder nummer ..."), which
 * is otherwise boilerplate to drop.
 */
export function kvkStatements(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})|\n/u).filter((s) => findKvk(s) !== null).map((s) => s.trim());
}

function firstNumberAfter(text: string, from: number): { digits: string; gap: number } | null {
  const window = text.slice(from, from + MAX_GAP + 16);
  DIGIT_RUN.lastIndex = 0;
  const run = DIGIT_RUN.exec(window);
  if (!run || run.index > MAX_GAP) return null;
  // Filler between label and number is words and punctuation; another label means this one is empty.
  const filler = window.slice(0, run.index);
  if (/\n\s*\n|\b(?:btw|vat|iban|tel|telefoon|fax|phone)\b/i.test(filler)) return null;
  const digits = run[0].replace(/\D/g, '');
  if (digits.length !== 8 || DATE.test(run[0])) return null;
  return { digits, gap: filler.replace(/[\s:.#-]+/g, ' ').trim().length };
}
