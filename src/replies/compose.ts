import type { Config } from '../config.js';
import type { Language } from '../core/types.js';
import { domainOf, headerText, newMessageId, replySubject, safeAddress, threadHeaders } from './headers.js';
import type { LeadContext } from './lead-context.js';
import type { NewOutboxRow } from './outbox.js';
import { planRecipients, type ReplyRules } from './recipients.js';
import { CATEGORY_NAMES, render, type TemplateName, type TemplateVars } from './templates.js';

/** Pure: turns a lead into the outbox row of one reply to the company, or a withheld row saying why not. */
export type ReplyConfig = Pick<
  Config,
  'fromAddress' | 'ministryAddress' | 'teamName' | 'defaultLanguage' | 'replyCcForwarder' | 'forwardRedirectsToMinistry'
>;

export type CompanyTemplate = Exclude<TemplateName, 'ministry-forward'>;

const FALLBACK_SUBJECT: Record<Language, string> = { nl: 'Uw aanbod', en: 'Your offer' };
const FALLBACK_COMPANY: Record<Language, string> = { nl: 'uw organisatie', en: 'your organisation' };

export function rulesOf(config: ReplyConfig): ReplyRules {
  return { fromAddress: config.fromAddress, ministryAddress: config.ministryAddress, ccForwarder: config.replyCcForwarder };
}

export function languageOf(ctx: LeadContext, config: ReplyConfig): Language {
  return ctx.language === 'nl' || ctx.language === 'en' ? ctx.language : config.defaultLanguage;
}

export function templateVars(ctx: LeadContext, language: Language, config: ReplyConfig): TemplateVars {
  const company = headerText(ctx.organisation ?? '', 120) || (ctx.sender ? domainOf(ctx.sender.email) : '') || FALLBACK_COMPANY[language];
  return {
    company,
    contact: headerText(ctx.sender?.name ?? '', 100) || null,
    category: CATEGORY_NAMES[language][ctx.category],
    reference: ctx.reference,
    team: config.teamName,
    replySubject: replySubject(ctx.subject, ctx.reference, FALLBACK_SUBJECT[language]),
    ministryAddress: config.ministryAddress,
    offer: {
      senderEmail: ctx.sender?.email ?? '',
      phone: ctx.phone ?? '',
      website: ctx.website ?? '',
      kvk: ctx.kvk ?? '',
      quantities: ctx.quantities.map((q) => q.text).join('; '),
      leadTime: ctx.leadTime?.text ?? '',
      certifications: ctx.certifications.join(', '),
      forwardedBy: ctx.forwarder ? [ctx.forwarder.name, `<${ctx.forwarder.email}>`].filter(Boolean).join(' ') : '',
      text: ctx.offerText.length > 4000 ? `${ctx.offerText.slice(0, 4000)}…` : ctx.offerText,
    },
  };
}

/** The company's own Message-ID: the forwarded original's, or the message's own when it came directly. */
function companyThread(ctx: LeadContext): { inReplyTo: string | null; references: string[] } {
  const a = ctx.analysis;
  if (ctx.originalMessageId) return threadHeaders(ctx.originalMessageId, []);
  if (a?.originalMessageId) return threadHeaders(a.originalMessageId, []);
  if (a && !a.forwardedBy && a.messageId) return threadHeaders(a.messageId, a.references);
  return threadHeaders(null, []);
}

export function composeReply(ctx: LeadContext, template: CompanyTemplate, config: ReplyConfig): NewOutboxRow {
  const language = languageOf(ctx, config);
  const rendered = render(template, language, templateVars(ctx, language, config));
  const plan = planRecipients(ctx.sender, ctx.forwarder, ctx.analysis, rulesOf(config));
  const thread = companyThread(ctx);
  const base = {
    leadId: ctx.leadId,
    template,
    language,
    ...rendered,
    messageId: newMessageId(config.fromAddress, ctx.reference, template),
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    attachMessageId: null,
  };
  if (!plan.ok) {
    // the intended address is kept (when it is one) so a person can see who was not answered
    const intended = safeAddress(ctx.sender?.email);
    return { ...base, withheldReason: plan.reason, to: intended ? { email: intended, name: null } : null, cc: null };
  }
  return { ...base, withheldReason: null, to: plan.recipients.to, cc: plan.recipients.cc };
}
