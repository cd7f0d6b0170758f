import type { Address, Analysis } from '../core/types.js';
import { isMachineAddress } from '../mail/automatic.js';
import { domainOf, headerText, safeAddress } from './headers.js';

/**
 * Who gets an automatic reply, and when nobody does (RFC 3834 §2, with the extra rules Zammad and Request
 * Tracker apply). Pure: the caller records a refusal as a 'withheld' outbox row with the reason returned.
 */
export interface ReplyRules {
  fromAddress: string;
  ministryAddress: string;
  ccForwarder: boolean;
}

export interface Recipients {
  to: Address;
  cc: Address | null;
}

export type RecipientPlan = { ok: true; recipients: Recipients } | { ok: false; reason: string };

const SUPPRESS = new Set(['all', 'autoreply', 'oof']);
const LIST_PRECEDENCE = new Set(['bulk', 'list', 'junk']);

/** Why the message that caused the lead must not be answered at all, or null. */
export function messageRefusal(analysis: Analysis | null, rules: ReplyRules): string | null {
  if (!analysis) return null;
  if (analysis.automatic) return `automatic mail (${analysis.automatic.kind}): ${headerText(analysis.automatic.reason)}`;
  const s = analysis.replySafety;
  if (s.autoSubmitted && s.autoSubmitted.trim().toLowerCase() !== 'no') return `Auto-Submitted: ${headerText(s.autoSubmitted)}`;
  if (s.returnPath !== null && s.returnPath.replace(/[\s<>]/g, '') === '') return 'empty Return-Path (bounce)';
  if (s.listId) return `mailing list (List-Id ${headerText(s.listId)})`;
  if (s.precedence && LIST_PRECEDENCE.has(s.precedence.trim().toLowerCase())) return `Precedence: ${headerText(s.precedence)}`;
  if (s.autoResponseSuppress) {
    const tokens = s.autoResponseSuppress.split(/[\s,]+/).map((t) => t.toLowerCase());
    if (tokens.some((t) => SUPPRESS.has(t))) return `X-Auto-Response-Suppress: ${headerText(s.autoResponseSuppress)}`;
  }
  const ours = domainOf(rules.fromAddress);
  for (const id of [analysis.messageId, analysis.originalMessageId]) {
    if (id && domainOf(id) === ours) return `Message-ID ${headerText(id)} is our own`;
  }
  return null;
}

/** Why one address must never receive an automatic reply, or null. */
export function addressRefusal(email: string, rules: ReplyRules): string | null {
  const address = email.toLowerCase();
  if (address === rules.fromAddress || domainOf(address) === domainOf(rules.fromAddress)) return `${address} is our own address`;
  if (address === rules.ministryAddress) return `${address} is the ministry address`;
  if (isMachineAddress(address)) return `${address} is a robot or role address`;
  return null;
}

/**
 * The company that sent the offer, never the association that forwarded it; the forwarder in Cc when
 * configured and when it is itself a safe address (an unsafe forwarder is dropped from Cc, not a reason to
 * stay silent to the company).
 */
export function planRecipients(
  sender: Address | null,
  forwarder: Address | null,
  analysis: Analysis | null,
  rules: ReplyRules,
): RecipientPlan {
  const refusal = messageRefusal(analysis, rules);
  if (refusal) return { ok: false, reason: refusal };
  const to = safeAddress(sender?.email);
  if (!to) return { ok: false, reason: sender?.email ? 'company address is not a valid address' : 'no company address found' };
  const forwardEmail = safeAddress(forwarder?.email);
  if (forwardEmail === to) return { ok: false, reason: 'the only address found is the forwarder, not the company' };
  const toRefusal = addressRefusal(to, rules);
  if (toRefusal) return { ok: false, reason: toRefusal };
  const cc = rules.ccForwarder && forwardEmail && !addressRefusal(forwardEmail, rules) ? { email: forwardEmail, name: cleanName(forwarder?.name) } : null;
  return { ok: true, recipients: { to: { email: to, name: cleanName(sender?.name) }, cc } };
}

function cleanName(name: string | null | undefined): string | null {
  const n = headerText(name ?? '', 100);
  return n === '' ? null : n;
}
