import { randomUUID } from 'node:crypto';

/**
 * Every header value we build passes through here. Names and subjects come from untrusted mail, so CR, LF
 * and other control characters are removed before nodemailer sees them: a header can never be split in two,
 * whatever nodemailer's own encoding does.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

export function headerText(value: string, max = 200): string {
  const clean = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** A plain addr-spec we are willing to write into To or Cc, lower-cased; null for anything else. */
export function safeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  return v.length <= 254 && ADDRESS.test(v) ? v : null;
}

const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/** A Message-ID as `<left@right>`, or null when it is not one (then it is not threaded on). */
export function safeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const bracketed = v.startsWith('<') ? v : `<${v}>`;
  return bracketed.length <= 250 && MESSAGE_ID.test(bracketed) ? bracketed : null;
}

export function domainOf(addressOrId: string): string {
  return addressOrId.slice(addressOrId.lastIndexOf('@') + 1).replace(/>$/, '').toLowerCase();
}

/** Our own Message-ID, under the domain of FROM_ADDRESS so mail that comes back to us is recognisable. */
export function newMessageId(fromAddress: string, reference: string, template: string): string {
  const ref = reference.replace(/[^\w-]/g, '');
  return `<${ref}.${template}.${randomUUID()}@${domainOf(fromAddress)}>`;
}

// Reply and forward prefixes in the languages our senders write; repeated ones ("Re: RE: Fwd:") all go.
const PREFIXES = /^(?:\s*(?:re|aw|antw|antwoord|sv|fwd?|doorst|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** "Re: <original subject> [OT-000123]", never "Re: Re:", never the reference twice. */
export function replySubject(original: string | null, reference: string, fallback: string): string {
  const tag = `[${reference}]`;
  let base = headerText(original ?? '', 180).replace(PREFIXES, '').trim();
  base = base.split(tag).join('').replace(/\s+/g, ' ').trim();
  return `Re: ${base || fallback} ${tag}`;
}

/** In-Reply-To and References that make the reply thread under the company's own message, where known. */
export function threadHeaders(originalId: string | null, earlier: string[]): { inReplyTo: string | null; references: string[] } {
  const parent = safeMessageId(originalId);
  if (!parent) return { inReplyTo: null, references: [] };
  const chain = earlier.map((r) => safeMessageId(r)).filter((r): r is string => r !== null && r !== parent);
  // RFC 5322 §3.6.4: the parent's References followed by the parent; trimmed from the oldest end.
  return { inReplyTo: parent, references: [...new Set(chain)].slice(-10).concat(parent) };
}
