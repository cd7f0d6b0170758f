import type { Signature } from './extract-signature.js';

/**
 * The company's phone number, normalised to international form (+31201234567). The signature is searched
 * first, where any number shaped like a phone counts; elsewhere only numbers labelled as a phone do, so an
 * order number or a quantity is never taken.
 */

const CANDIDATE = /(?<![\w+./,-])(?:\+|00)?\s?\(?\d[\d\s()./-]{6,22}\d(?![\w])/g;
const PHONE_LABEL =
  /(?:\b(?:tel(?:efoon)?(?:nummer)?|telephone|phone|ph|mob(?:iel|ile)?|gsm|cell(?:phone)?|direct|bel|call|whatsapp)\b(?:\s+(?:ons|us|me|mij))?(?:\s+(?:at|op|on))?|(?:^|[\s|•])[TMP])\s*(?:nr\.?|no\.?)?\s*[.:]?\s*$/i;
/** Where a labelled number may start in the body; single-letter labels count only in signatures. */
const BODY_LABEL = /(?<![A-Za-z])(?:tel|telefoon|telephone|phone|mob|mobiel|mobile|gsm|bel|call|whatsapp)(?![a-z])/gi;
const NOT_PHONE_LABEL =
  /\b(?:fax|f|kvk|k\.v\.k|coc|btw|vat|iban|bic|postbus|p\.?o\.?\s?box|order|ref|art)\b[^\d]{0,12}$/i;

/** Calling codes for national numbers, by the sender's TLD; generic TLDs default to the Netherlands. */
const COUNTRY_BY_TLD: Record<string, string> = {
  nl: '31',
  com: '31',
  net: '31',
  org: '31',
  eu: '31',
  info: '31',
  biz: '31',
  be: '32',
  de: '49',
  fr: '33',
  uk: '44',
  at: '43',
  ch: '41',
  dk: '45',
  se: '46',
  it: '39',
  es: '34',
};

export function findPhone(signature: Signature, text: string, domain: string | null): string | null {
  const country = countryCode(domain);
  for (const line of signature.lines) {
    const phone = firstPhone(line, country, false);
    if (phone) return phone;
  }
  BODY_LABEL.lastIndex = 0;
  for (let m = BODY_LABEL.exec(text); m; m = BODY_LABEL.exec(text)) {
    const end = text.indexOf('\n', m.index);
    const phone = firstPhone(text.slice(m.index, Math.min(end < 0 ? text.length : end, m.index + 60)), country, true);
    if (phone) return phone;
  }
  return null;
}

function firstPhone(line: string, country: string | null, labelled: boolean): string | null {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(line); m; m = CANDIDATE.exec(line)) {
    const before = line.slice(Math.max(0, m.index - 24), m.index);
    if (NOT_PHONE_LABEL.test(before)) continue;
    if (labelled && !PHONE_LABEL.test(before)) continue;
    // Two numbers run together ("020 1234567 / 06 12345678") form one candidate: try each part.
    for (const part of [m[0], ...m[0].split(/\s*\/\s*|\s{2,}/)]) {
      const phone = normalisePhone(part, country);
      if (phone) return phone;
    }
  }
  return null;
}

function countryCode(domain: string | null): string | null {
  const tld = domain?.slice(domain.lastIndexOf('.') + 1) ?? 'nl';
  return COUNTRY_BY_TLD[tld] ?? null;
}

/**
 * "+31 (0)20 123 45 67" → "+31201234567", "020-1234567" → "+31201234567", "0049 89 1234567" →
 * "+49891234567". National numbers get the country code of `country`; without one they stay national.
 */
export function normalisePhone(raw: string, country: string | null = '31'): string | null {
  const international = /^\s*(?:\+|00)/.test(raw);
  const digits = raw.replace(/\((0)\)/, '').replace(/\D/g, '');
  let e164: string;
  if (raw.trimStart().startsWith('+')) e164 = digits;
  else if (international) e164 = digits.slice(2);
  else if (digits.startsWith('0') && country !== null) e164 = country + digits.slice(1);
  else if (digits.startsWith('0')) return digits.length >= 9 && digits.length <= 12 ? digits : null;
  else return null;
  if (e164.length < 9 || e164.length > 15 || e164.startsWith('0')) return null;
  // Closed numbering plans have one length: a company or order number cut to fit does not pass.
  if ((e164.startsWith('31') && e164.length !== 11) || (e164.startsWith('44') && e164.length !== 12)) return null;
  return `+${e164}`;
}
