import type { Address } from '../core/types.js';
import { emailDomain, isFreeMailDomain, registrableDomain } from './extract-domain.js';

/** A company's offer an association passed on in its own message (this file, member-offer.ts). */
export interface PassedOnOffer {
  from: Address;
  /** the association's text around the fields: its note above, its signature below */
  note: string | null;
  /** the fields and the offer they hold, up to a closing rule ("--- einde aanbod ---") */
  text: string;
}

const EMAIL_FIELD =
  /^[ \t]*(?:e-?mail(?:[ -]?(?:adres|address))?|email address|mailadres)[ \t]*:[ \t]*<?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?[ \t]*$/i;
const EMAIL_FIELD_ANYWHERE = new RegExp(EMAIL_FIELD.source, 'im');
const NAME_FIELD =
  /^[ \t]*(?:contactpersoon|contact person|contact name|naam|name|voor- en achternaam)[ \t]*:[ \t]*(.+)$/i;
const FIELD =
  /^[ \t]*(?:bedrijfsnaam|bedrijf|organisatie|organisation|organization|company(?: name)?|contactpersoon|contact person|contact name|naam|name|functie|function|job title|telefoon(?:nummer)?|phone|tel|mobiel|kvk(?:-?nummer)?|chamber of commerce|website|adres|address|plaats|city|categorie|category|e-?mail(?:[ -]?(?:adres|address))?|email address|mailadres)[ \t]*:/i;
/** A rule of dashes, equals or underscores closes the pasted entry. */
const RULE = /^[ \t]*[-=_*]{3,}/;
/** Fields a form has beside the address: enough that a signature with an e-mail line is not one. */
const MIN_OTHER_FIELDS = 2;
const REACH = 8;

/**
 * An association pasting what its web form received: no forward header, but a block of labelled fields
 * ("Bedrijfsnaam:", "Contactpersoon:", "E-mailadres:") naming the company and its own address, below the
 * association's note. The company is the one in the fields, the association its forwarder.
 */
export function findFormForward(text: string, outer: Address | null): PassedOnOffer | null {
  // Most mail has no e-mail field line at all: one scan says so before anything else is looked at.
  if (!EMAIL_FIELD_ANYWHERE.test(text)) return null;
  // An association writes from its own domain; a company on a free-mail address listing its office address
  // is writing itself.
  const outerDomain = outer ? emailDomain(outer.email.toLowerCase()) : null;
  if (!outerDomain || isFreeMailDomain(outerDomain)) return null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const email = EMAIL_FIELD.exec(lines[i]!)?.[1]?.toLowerCase();
    if (!email) continue;
    const domain = emailDomain(email);
    if (!domain || registrableDomain(domain) === registrableDomain(outerDomain)) continue;
    let start = i;
    while (start > 0 && i - start < REACH && FIELD.test(lines[start - 1]!)) start -= 1;
    const fields = lines.slice(start, Math.min(lines.length, i + REACH)).filter((line) => FIELD.test(line));
    if (fields.length - 1 < MIN_OTHER_FIELDS) continue;
    let end = i + 1;
    while (end < lines.length && !RULE.test(lines[end]!)) end += 1;
    const name = fields.map((line) => NAME_FIELD.exec(line)?.[1]?.trim()).find((n) => n !== undefined) ?? null;
    const note = [...lines.slice(0, start), ...lines.slice(end)].join('\n').trim();
    return {
      from: { email, name },
      note: note.length > 0 ? note : null,
      text: lines.slice(start, end).join('\n').trim(),
    };
  }
  return null;
}
