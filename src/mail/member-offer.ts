import type { Address } from '../core/types.js';
import { emailDomain, isFreeMailDomain, registrableDomain } from './extract-domain.js';
import { isClosingLine } from './extract-signature.js';
import type { PassedOnOffer } from './form-forward.js';

/**
 * An association passing on a member's offer in its own words, with no header block: "Namens ons lid
 * Horecagroothandel Jansen B.V. geven wij het volgende aanbod door ... Contact: Peter Jansen,
 * p.jansen@horecajansen.nl, 06-51847720". The member in the contact line is the company; the association's
 * signature (with its own KvK number) is not the offer.
 */
const ON_BEHALF =
  /\b(?:namens\s+(?:ons|onze|een\s+van\s+onze)\s+(?:lid|leden|lidbedrijf|lidbedrijven|achterban)|on\s+behalf\s+of\s+(?:our|one\s+of\s+our)\s+members?|een\s+van\s+onze\s+leden|one\s+of\s+our\s+members)\b/i;
/** ON_BEHALF cannot match without one of these (either case of the first letter is left out) */
const ON_BEHALF_WORDS = ['amens', 'ehalf', 'nze leden', 'ur member', 'NAMENS', 'BEHALF'];
const CONTACT_LINE = /^[ \t]*(?:contact(?:persoon|gegevens)?|contact\s+person|contact\s+details)[ \t]*:[ \t]*(.+)$/gim;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** "Peter Jansen" before the address; not "commercieel directeur" or a phone number */
const NAME = /^\p{Lu}[\p{L}'.-]*(?:\s+[\p{L}'.-]+){0,4}$/u;

export function findMemberOffer(text: string, author: Address | null): PassedOnOffer | null {
  // Plain substring searches first: the pattern, tried at every word, is the costlier test.
  if (!ON_BEHALF_WORDS.some((word) => text.includes(word)) || !ON_BEHALF.test(text)) return null;
  const authorDomain = author ? emailDomain(author.email.toLowerCase()) : null;
  if (!authorDomain || isFreeMailDomain(authorDomain)) return null;
  for (const line of text.matchAll(CONTACT_LINE)) {
    const value = line[1]!;
    const email = EMAIL.exec(value)?.[0].toLowerCase();
    const domain = email ? emailDomain(email) : null;
    if (!email || !domain || registrableDomain(domain) === registrableDomain(authorDomain)) continue;
    const first = value.split(',')[0]!.trim();
    const lines = text.split('\n');
    const closing = lines.findLastIndex((l) => isClosingLine(l.trim()));
    const end = closing > 0 ? closing : lines.length;
    return {
      from: { email, name: NAME.test(first) && !first.includes('@') ? first : null },
      note: lines.slice(end).join('\n').trim() || null,
      text: lines.slice(0, end).join('\n').trim(),
    };
  }
  return null;
}
