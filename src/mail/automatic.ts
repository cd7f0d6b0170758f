import type { AutomaticMail, ReplySafety } from '../core/types.js';
import type { ParsedMail } from './types.js';

/**
 * Mail written by a machine: auto-replies (RFC 3834 and vendor headers, out-of-office subjects), bounces
 * and delivery reports (RFC 3464), mailing lists and bulk mail (RFC 2369/2919, Precedence). None of these
 * is ever answered. Spam and unrelated mail are judged by triage, not here.
 */

function first(mail: ParsedMail, name: string): string | null {
  return mail.headers[name]?.[0]?.trim() ?? null;
}

const OUT_OF_OFFICE =
  /^\s*(automatisch antwoord|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|afwezig|afwezigheidsbericht|niet aanwezig|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|absence)\b/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliver(ed|able)( mail)?( returned to sender)?|mail delivery (failed|failure|subsystem)|delivery status notification \((failure|delay)\)|returned mail|onbestelbaar|niet bezorgd|kan niet worden bezorgd|failure notice)\b/i;
const DAEMON_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mail\.delivery\.subsystem)@/i;
// Webmail and Exchange send some read receipts as plain mail without the MDN structure; subject and the
// receipt sentence together are what no person writes.
const RECEIPT_SUBJECT = /^\s*(read|gelezen|gelesen|lu|le|not read|niet gelezen)\s*:/i;
const RECEIPT_BODY = /\b(was read on|is gelezen op|wurde am\b.{1,60}\bgelesen|a été lu le)\b/i;
// Out-of-office text sent without any header or subject marker (some clients, rules and ticket systems).
// Only short mail counts: an offer that mentions someone's holiday is long and about something else.
const OUT_OF_OFFICE_BODY =
  /\b(ik ben (tot en met|t\/m|tot)\b.{1,40}\b(afwezig|op vakantie|niet (aanwezig|op kantoor|bereikbaar))|ik ben (momenteel |helaas )?(afwezig|op vakantie|met verlof|niet (aanwezig|op kantoor|bereikbaar))\b.{0,40}\b(tot|t\/m)\b|i am (currently )?(out of (the )?office|away|on (holiday|vacation|leave|annual leave))\b.{0,40}\b(until|till|returning)\b|i('m| am) out of (the )?office)/i;
const SHORT_TEXT = 600;
/** It is said up front ("Dank voor uw bericht. Ik ben ..."), not in passing further down. */
const OPENING_CHARS = 200;

export function detectAutomatic(mail: ParsedMail): AutomaticMail | null {
  const autoSubmitted = first(mail, 'auto-submitted');
  const contentType = mail.contentType;
  const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(first(mail, 'content-type') ?? '')?.[1]?.toLowerCase();
  const hasDeliveryStatus = mail.attachments.some((a) => a.contentType === 'message/delivery-status');

  if (contentType === 'multipart/report' && reportType !== 'disposition-notification') {
    return { kind: 'bounce', reason: `multipart/report (${reportType ?? 'no report-type'})` };
  }
  if (hasDeliveryStatus) return { kind: 'bounce', reason: 'message/delivery-status part' };
  if (mail.from && DAEMON_SENDER.test(mail.from.email)) return { kind: 'bounce', reason: `sender ${mail.from.email}` };
  if (mail.subject && BOUNCE_SUBJECT.test(mail.subject)) return { kind: 'bounce', reason: `subject "${mail.subject}"` };
  if (contentType === 'multipart/report') return { kind: 'auto-reply', reason: 'read receipt (disposition-notification)' };

  if (autoSubmitted && autoSubmitted.toLowerCase() !== 'no') {
    return { kind: 'auto-reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  }
  for (const h of ['x-autoreply', 'x-autorespond', 'x-autoresponder']) {
    if (mail.headers[h]) return { kind: 'auto-reply', reason: `${h} header` };
  }
  if (mail.subject && OUT_OF_OFFICE.test(mail.subject)) {
    return { kind: 'auto-reply', reason: `out-of-office subject "${mail.subject}"` };
  }
  const own = ownWords(mail.text);
  if (mail.subject && RECEIPT_SUBJECT.test(mail.subject) && RECEIPT_BODY.test(own)) {
    return { kind: 'auto-reply', reason: `read receipt without MDN structure ("${mail.subject}")` };
  }
  const away = own.length <= SHORT_TEXT ? OUT_OF_OFFICE_BODY.exec(own.replace(/\s+/g, ' ')) : null;
  if (away && away.index < OPENING_CHARS) {
    return { kind: 'auto-reply', reason: 'out-of-office text without auto-reply headers' };
  }

  const listId = first(mail, 'list-id');
  if (listId) return { kind: 'list', reason: `List-Id: ${listId}` };
  if (mail.headers['list-unsubscribe']) return { kind: 'list', reason: 'List-Unsubscribe header' };
  const precedence = first(mail, 'precedence')?.toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk') {
    return { kind: 'list', reason: `Precedence: ${precedence}` };
  }
  return null;
}

/** The text above any quoted history: an auto-reply may quote the long mail it answers. */
function ownWords(text: string): string {
  const quoted = /^\s*(>|(From|Van|On|Op)\b.{0,200}(:|wrote|schreef)\s*$)/im.exec(text);
  return (quoted ? text.slice(0, quoted.index) : text).trim();
}

/** The header facts reply rules need later, kept so the raw message never has to be parsed again. */
export function replySafety(mail: ParsedMail): ReplySafety {
  const returnPath = first(mail, 'return-path');
  const bare = returnPath?.replace(/^<|>$/g, '').trim().toLowerCase() ?? null;
  return {
    // "<>" is the null reverse path of bounces and auto-replies: kept as "" so it differs from "absent".
    returnPath: bare,
    autoSubmitted: first(mail, 'auto-submitted'),
    autoResponseSuppress: first(mail, 'x-auto-response-suppress'),
    listId: first(mail, 'list-id'),
    precedence: first(mail, 'precedence'),
  };
}

// Role and robot mailboxes that never read mail, or answer it automatically.
const ROBOT_LOCAL =
  /^(?:mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|bounces?|auto[-_.]?(?:reply|responder)|listserv|majordomo|owner-.+|.+-(?:request|bounces|owner))(?:[+=].*)?$/i;

/** A machine's address (mailer-daemon, no-reply, list robots): no company behind it, and never to be answered. */
export function isMachineAddress(email: string): boolean {
  return ROBOT_LOCAL.test(email.slice(0, email.lastIndexOf('@')));
}
