import { isOfferTriageError } from '../errors.js';
import type { Address } from '../core/types.js';
import { findFormForward } from './form-forward.js';
import { findMemberOffer } from './member-offer.js';
import { addressIn, findInlineForward, type InlineForward } from './inline-forward.js';
import { splitTrailingNote } from './note-below.js';
import {
  decodeTnef,
  isOutlookMsgAttachment,
  isTnefAttachment,
  parseOutlookMsg,
} from './outlook-attachments.js';
import { parseMail, resolveLimits, type ParseLimits } from './parse.js';
import type { ForwardedOriginal, ParsedAttachment, ParsedMail, Unwrapped } from './types.js';

/**
 * Finds the company's original inside a forward. Order of trust: an attached message (message/rfc822,
 * Outlook .msg, or one inside winmail.dat) over a forward written into the body, text body over HTML.
 * Attached messages are unwrapped again, so the innermost original wins; the forwarder is always the outer
 * sender. A nested message that cannot be parsed is skipped with a warning, never fatal.
 */
export async function unwrapForward(mail: ParsedMail, limits?: Partial<ParseLimits>): Promise<Unwrapped> {
  const lim = resolveLimits(limits);
  // A report's attached message is the mail it reports on (a bounce, a read receipt), not a forward.
  if (mail.contentType === 'multipart/report') return unforwarded(mail);
  const found = await unwrap(mail, lim, lim.maxDepth, mail.warnings);
  const passed = passedOn(found?.original ?? asOriginal(mail));
  if (passed) {
    const note = [found?.note, passed.note].filter((n): n is string => Boolean(n)).join('\n\n') || null;
    const how = found ? `${found.how}, then ${passed.how}` : passed.how;
    return { forwarder: mail.from, note, original: passed.original, how };
  }
  if (!found) return { forwarder: resentBy(mail), note: null, original: asOriginal(mail), how: resentBy(mail) ? 'Resent-From header (redirected)' : null };
  const sameSender = found.original.from !== null && found.original.from.email === mail.from?.email;
  // A company re-sending its own earlier mail is the company writing directly.
  return { forwarder: sameSender ? null : mail.from, note: found.note, original: found.original, how: found.how };
}

function sameName(a: string, b: string | null): boolean {
  return b !== null && a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The message as its own original: what unwrapping gives a message that forwards nothing. */
export function unforwarded(mail: ParsedMail): Unwrapped {
  return { forwarder: null, note: null, original: asOriginal(mail), how: null };
}

/** A redirect (RFC 5322 Resent-*) keeps the company's From and names whoever passed it on in Resent-From. */
function resentBy(mail: ParsedMail): Address | null {
  const value = mail.headers['resent-from']?.[0];
  const by = value ? addressIn(value) : null;
  return by && by.email !== mail.from?.email ? by : null;
}

interface Found {
  original: ForwardedOriginal;
  note: string | null;
  how: string;
}

/** Mailboxes that relay a web form rather than write: the person is in Reply-To. */
const FORM_RELAY = /^(?:no-?reply|do-?not-?reply|wordpress|webmaster|website|web|forms?|webforms?|formulier|contactformulier|contact-?form)(?:[+.-][^@]*)?@/i;

/**
 * The author: the From address, except for a web form relayed by a no-reply mailbox, whose Reply-To is
 * the person who filled it in. The form echoes that address in its body, which no newsletter does.
 */
function author(mail: ParsedMail): ParsedMail['from'] {
  const { from, replyTo } = mail;
  if (!from || !replyTo || !FORM_RELAY.test(from.email) || replyTo.email === from.email) return from;
  return mail.text.toLowerCase().includes(replyTo.email) ? replyTo : from;
}

function asOriginal(mail: ParsedMail): ForwardedOriginal {
  return {
    from: author(mail),
    subject: mail.subject,
    date: mail.date,
    messageId: mail.messageId,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
  };
}

function isRfc822(a: ParsedAttachment): boolean {
  return a.contentType === 'message/rfc822' || /\.eml$/i.test(a.filename ?? '');
}

async function unwrap(mail: ParsedMail, lim: ParseLimits, depth: number, warnings: string[]): Promise<Found | null> {
  if (depth <= 0) {
    warnings.push(`forward nesting deeper than ${lim.maxDepth}: unwrapping stopped`);
    return null;
  }
  const attached = await attachedOriginal(mail, lim, depth, warnings);
  if (attached) return attached;
  return inlineOriginal(mail, depth);
}

/**
 * A company's offer an association passed on in its own message (the innermost one found): a web-form entry
 * pasted into it, or a member's offer retold with the member's contact line. A form's own relay mailbox
 * (FORM_RELAY) is the company writing, not an association.
 */
function passedOn(author: ForwardedOriginal): Found | null {
  if (!author.from || FORM_RELAY.test(author.from.email)) return null;
  const form = findFormForward(author.text, author.from);
  const member = form ? null : findMemberOffer(author.text, author.from);
  const found = form ?? member;
  if (!found) return null;
  return {
    original: { ...author, from: found.from, messageId: null, text: found.text },
    note: found.note,
    how: form ? 'web-form entry pasted in the body' : "a member's offer passed on with its contact line",
  };
}

async function attachedOriginal(
  mail: ParsedMail,
  lim: ParseLimits,
  depth: number,
  warnings: string[],
): Promise<Found | null> {
  const note = mail.text.trim() || null;
  for (const a of mail.attachments) {
    let inner: ParsedMail | null = null;
    let how = '';
    try {
      if (isRfc822(a)) {
        inner = await parseMail(a.content, lim);
        how = 'message/rfc822 attachment';
      } else if (isOutlookMsgAttachment(a)) {
        inner = await parseOutlookMsg(a.content, lim.maxParts);
        how = 'Outlook .msg attachment';
      } else if (isTnefAttachment(a)) {
        const fromTnef = await tnefOriginal(mail, a, lim, depth, warnings);
        if (fromTnef) return fromTnef;
      }
    } catch (err) {
      if (!isOfferTriageError(err)) throw err;
      warnings.push(`attached message ${a.filename ?? a.contentType} skipped: ${err.message}`);
    }
    if (!inner || (!inner.from && !inner.text.trim())) continue;
    const deeper = await unwrap(inner, lim, depth - 1, warnings);
    if (deeper) return { ...deeper, note, how: `${how}, then ${deeper.how}` };
    return { original: asOriginal(inner), note, how };
  }
  return null;
}

/** winmail.dat carries the outer message's own body and files; an attached message inside it is the forward. */
async function tnefOriginal(
  mail: ParsedMail,
  a: ParsedAttachment,
  lim: ParseLimits,
  depth: number,
  warnings: string[],
): Promise<Found | null> {
  const tnef = decodeTnef(a.content);
  if (!tnef) return null;
  // The body is already the message's own: parseMail took winmail.dat's when the message had none.
  const expanded: ParsedMail = {
    ...mail,
    html: mail.html ?? tnef.html,
    attachments: [...mail.attachments.filter((x) => x !== a), ...tnef.attachments],
  };
  const found = await unwrap(expanded, lim, depth, warnings);
  return found ? { ...found, how: `winmail.dat, then ${found.how}` } : null;
}

function fromInline(mail: ParsedMail, f: InlineForward): ForwardedOriginal {
  return {
    // "Van: Gerrit Boersma" with no address under Gerrit Boersma's own "FW:": the author re-sending his mail.
    from: f.from ?? (mail.from && f.fromName && sameName(f.fromName, mail.from.name) ? mail.from : null),
    subject: f.subject,
    date: f.date,
    messageId: null,
    text: f.text,
    // The forwarded part cannot be cut out of HTML reliably; reviewers see the whole forwarded mail.
    html: mail.html,
    attachments: mail.attachments,
  };
}

/** The body's text: parseMail made it from the HTML when there was no text part or only a stub (parse.ts). */
function inlineOriginal(mail: ParsedMail, depth: number): Found | null {
  const f = findInlineForward(mail.text, mail.subject, mail.from?.email);
  if (!f) return null;
  let original = fromInline(mail, f);
  let chain = `${f.how} in the body`;
  // A forward of a forward: keep going while the inner body is itself a forward. A block written by the
  // forwarder themselves is their own earlier mail in a thread they forward (they asked, the company
  // answered), not another forward: the company's answer above it is the offer.
  for (let level = 1; level < depth; level++) {
    const next = findInlineForward(original.text, original.subject);
    if (!next?.from || next.from.email === mail.from?.email) break;
    original = { ...fromInline(mail, next), html: original.html };
    chain += `, then ${next.how}`;
  }
  // A company re-sending its own mail ("FW:" by the author) writes no forwarder's note: its tail is its signature.
  const below = original.from?.email === mail.from?.email ? null : splitTrailingNote(original.text, mail.from);
  if (below) {
    original = { ...original, text: below.text };
    chain += ', note below the forwarded mail';
  }
  const note = [f.note, below?.note].filter((n): n is string => Boolean(n)).join('\n\n') || null;
  return { original, note, how: chain };
}
