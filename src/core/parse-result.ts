import type { Analysis, ParseResult } from './types.js';

/** The DESIGN §5 contract view of an analysis: exactly these fields, in this order. */
export function toParseResult(a: Analysis): ParseResult {
  return {
    messageId: a.messageId,
    subject: a.subject,
    date: a.date,
    language: a.language,
    sender: a.sender,
    forwardedBy: a.forwardedBy,
    kvk: a.kvk,
    category: a.category,
    categories: a.categories,
    route: a.route,
    reasons: a.reasons,
    attachments: a.attachments,
  };
}
