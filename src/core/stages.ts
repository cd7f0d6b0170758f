import type { Address, Analysis, AttachmentInfo, AutomaticMail, Contact } from './types.js';
import type { ParsedAttachment, ParsedMail, Unwrapped } from '../mail/types.js';
import type { ParseLimits } from '../mail/parse.js';
import { unforwarded, unwrapForward } from '../mail/unwrap.js';
import { offerBody } from '../mail/body.js';
import { detectAutomatic, isMachineAddress, replySafety } from '../mail/automatic.js';
import { detectLanguage } from '../mail/language.js';
import { extractOffer, type Extracted } from '../mail/extract.js';
import { ownHistory } from '../mail/own-history.js';
import { classify, type Classification } from '../triage/classify.js';
import { detectUnwanted } from '../triage/spam.js';
import { decideRoute } from '../triage/route.js';

/**
 * The core's steps after parsing, each a function from what the message has become so far to the next
 * shape. analyse.ts runs every step over a whole group of messages before the next step.
 */

export interface Opened {
  mail: ParsedMail;
  automatic: AutomaticMail | null;
  unwrapped: Unwrapped;
}

export interface Read extends Opened {
  offerText: string;
  subject: string | null;
  extracted: Extracted;
  attachments: AttachmentInfo[];
}

export async function openEnvelope(mail: ParsedMail, limits?: Partial<ParseLimits>): Promise<Opened> {
  const automatic = detectAutomatic(mail);
  // An auto-reply quotes the mail it answers (often the team's own acknowledgement), a list digest the posts
  // it collects ("From: ... Subject: ..." per post): neither is a forward.
  const quotesOnly = automatic?.kind === 'auto-reply' || automatic?.kind === 'list';
  const unwrapped = quotesOnly ? unforwarded(mail) : await unwrapForward(mail, limits);
  return { mail, automatic, unwrapped };
}

export function readOffer(opened: Opened): Read {
  const { mail, unwrapped } = opened;
  const original = unwrapped.original;
  const offerText = offerBody(original.text);
  const subject = original.subject ?? mail.subject;
  const extracted = extractOffer({
    text: offerText,
    from: original.from,
    subject,
    html: original.html,
    // A company re-sending its own mail ("any news?") signs its new note on top, often with its KvK number.
    history:
      ownHistory(original.text, original.from?.email) ??
      (unwrapped.how && !unwrapped.forwarder ? unwrapped.note : null),
  });
  return {
    ...opened,
    offerText,
    subject,
    extracted,
    attachments: listAttachments(mail.attachments, original.attachments),
  };
}

const NO_CLASSIFICATION: Classification = Object.freeze({ categories: [], reasons: [], mainTerm: null });

/**
 * Language, category, unwanted mail and route. One step, as they read the same texts: the tokenizer keeps
 * the last few it split (src/triage/tokens.ts), so the body is folded and split once for all four.
 */
export function judge(offer: Read): Analysis {
  const { mail, unwrapped, extracted, offerText, subject } = offer;
  const original = unwrapped.original;
  const language = detectLanguage(offerText.length > 0 ? offerText : mail.text, subject);
  // Automatic mail is ignored whatever it talks about, so its classification would be thrown away.
  const classification = offer.automatic
    ? NO_CLASSIFICATION
    : classify({
        subject,
        text: offerText,
        forwarderNote: unwrapped.note,
        attachmentNames: offer.attachments.map((a) => a.filename ?? '').filter((n) => n.length > 0),
        language,
      });
  const unwanted =
    offer.automatic ?? detectUnwanted({ subject, text: offerText, from: original.from ?? mail.from, classification });
  const decision = decideRoute({
    automatic: unwanted,
    classification,
    leadTime: extracted.leadTime,
    quantities: extracted.quantities,
    text: offerText,
  });

  const forwardedBy = unwrapped.forwarder ? lowerAddress(unwrapped.forwarder) : null;
  const sender = chooseSender(extracted.sender, unwanted, forwardedBy);
  const reasons = [
    ...(unwrapped.how
      ? [
          forwardedBy
            ? `forward: ${unwrapped.how}; the offer is ${sender?.email ?? 'unknown'}'s, not the forwarder's`
            : `forward: ${unwrapped.how}; re-sent by its own author, no forwarder`,
        ]
      : []),
    ...(unwanted ? [`${unwanted.kind}: ${unwanted.reason}`] : []),
    ...(decision.route === 'ignore' ? [] : classification.reasons),
    ...decision.reasons,
    ...mail.warnings.map((w) => `parse warning: ${w}`),
  ];

  return {
    messageId: mail.messageId,
    subject: mail.subject,
    date: mail.date,
    language,
    sender,
    forwardedBy,
    kvk: extracted.kvk,
    category: decision.category,
    categories: decision.route === 'ignore' ? [] : classification.categories.filter((c) => c.score > 0),
    route: decision.route,
    reasons,
    attachments: offer.attachments,
    originalMessageId: unwrapped.forwarder ? original.messageId : null,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    automatic: unwanted,
    phone: extracted.phone,
    website: extracted.website,
    quantities: extracted.quantities,
    leadTime: extracted.leadTime,
    certifications: extracted.certifications,
    offerText,
    forwarderNote: unwrapped.note,
    offerHtml: original.html,
    replySafety: replySafety(mail),
  };
}

function lowerAddress(a: Address): Address {
  return { email: a.email.toLowerCase(), name: a.name };
}

function chooseSender(
  found: Contact | null,
  unwanted: AutomaticMail | null,
  forwardedBy: Address | null,
): Contact | null {
  if (!found) return null;
  const sender = { ...found, email: found.email.toLowerCase() };
  if (unwanted?.kind === 'bounce' || isMachineAddress(sender.email)) return null;
  // A forward whose header block lost the company's address must not name the association as the company.
  if (forwardedBy && sender.email === forwardedBy.email) return null;
  return sender;
}

/**
 * The files a reviewer sees: leaf attachments of the outer message and of the forwarded original. The
 * containers that carried the forward (message/rfc822, .msg, winmail.dat) are the forward, not attachments.
 */
function listAttachments(outer: ParsedAttachment[], inner: ParsedAttachment[]): AttachmentInfo[] {
  const seen = new Set<string>();
  const out: AttachmentInfo[] = [];
  for (const a of [...outer, ...inner]) {
    if (isContainer(a) || seen.has(a.sha256)) continue;
    seen.add(a.sha256);
    out.push({ filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256 });
  }
  return out;
}

function isContainer(a: ParsedAttachment): boolean {
  const name = (a.filename ?? '').toLowerCase();
  return (
    a.contentType === 'message/rfc822' ||
    a.contentType === 'application/ms-tnef' ||
    a.contentType === 'application/vnd.ms-outlook' ||
    name.endsWith('.msg') ||
    name === 'winmail.dat'
  );
}
