import type { Analysis } from '../../src/core/types.js';
import type { LeadContext } from '../../src/replies/lead-context.js';
import type { ReplyConfig } from '../../src/replies/compose.js';
import { loadConfig } from '../../src/config.js';

/** Plain-data builders shared by the replies tests: a person's offer, forwarded by an association. */
export function analysisOf(over: Partial<Analysis> = {}): Analysis {
  return {
    messageId: '<fwd-1@association.example>',
    subject: 'Fwd: Aanbod mondkapjes',
    date: '2020-03-20T10:00:00.000Z',
    language: 'nl',
    sender: { email: 'info@maskers.example', name: 'Jan de Vries', organisation: 'Maskers BV' },
    forwardedBy: { email: 'leden@association.example', name: 'Brancheorganisatie' },
    kvk: '12345678',
    category: 'masks',
    categories: [{ category: 'masks', score: 1 }],
    route: 'review',
    reasons: [],
    attachments: [],
    originalMessageId: '<orig-1@maskers.example>',
    inReplyTo: null,
    references: [],
    automatic: null,
    phone: null,
    website: null,
    quantities: [],
    leadTime: { inStock: false, days: null, text: null },
    certifications: [],
    offerText: 'Wij kunnen 100.000 mondkapjes per week maken.',
    forwarderNote: null,
    offerHtml: null,
    replySafety: { returnPath: '<leden@association.example>', autoSubmitted: null, autoResponseSuppress: null, listId: null, precedence: null },
    ...over,
  };
}

export function contextOf(over: Partial<LeadContext> = {}): LeadContext {
  const analysis = over.analysis === undefined ? analysisOf() : over.analysis;
  return {
    leadId: 7,
    reference: 'OT-000007',
    language: 'nl',
    category: 'masks',
    subject: 'Aanbod mondkapjes',
    sender: { email: 'info@maskers.example', name: 'Jan de Vries' },
    organisation: 'Maskers BV',
    originalMessageId: '<orig-1@maskers.example>',
    phone: null,
    website: null,
    kvk: null,
    quantities: [],
    leadTime: null,
    certifications: [],
    offerText: 'Wij kunnen 100.000 mondkapjes per week maken.',
    forwarder: { email: 'leden@association.example', name: 'Brancheorganisatie' },
    sourceMessageId: 1,
    ...over,
    analysis,
  };
}

/** The shipped defaults: example addresses, Dutch, no Cc, no ministry forwards. */
export const replyConfig: ReplyConfig = loadConfig({});
