import nodemailer from 'nodemailer';
import type { Queryable } from '../store/db.js';
import { composeReply, type ReplyConfig } from './compose.js';
import { loadLeadContext } from './lead-context.js';
import { buildMail, partsOf, type MailParts } from './message.js';
import { composeMinistryForward } from './ministry.js';
import { findOutbox } from './outbox.js';
import type { TemplateName } from './templates.js';

/**
 * The message exactly as it would go out, as RFC 5322 text. A reply already in the outbox is shown as
 * stored (its fixed Message-ID, its state); otherwise it is composed now and nothing is written.
 */
export interface Preview {
  eml: string;
  /** 'not stored', or the outbox row's id and state */
  status: string;
}

export async function previewReply(
  q: Queryable,
  config: ReplyConfig & { teamName: string },
  leadId: number,
  template: TemplateName,
): Promise<Preview> {
  const stored = await findOutbox(q, leadId, template);
  let parts: MailParts;
  let status: string;
  if (stored) {
    parts = stored;
    status = `outbox row ${stored.id}, state ${stored.state}${stored.withheld_reason ? ` (${stored.withheld_reason})` : ''}`;
  } else {
    const ctx = await loadLeadContext(q, leadId);
    const row = template === 'ministry-forward' ? composeMinistryForward(ctx, config) : composeReply(ctx, template, config);
    parts = partsOf(row);
    status = row.withheldReason ? `not stored; would be withheld: ${row.withheldReason}` : 'not stored';
  }
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // the attachment is left out: a preview is for reading, and the original is in the database
  const info = (await composer.sendMail(buildMail(parts, config, null))) as { message: Buffer };
  return { eml: info.message.toString('utf8'), status };
}
