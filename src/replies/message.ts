import type { Config } from '../config.js';
import { headerText } from './headers.js';
import type { NewOutboxRow, OutboxRow } from './outbox.js';
import type { OutgoingMail } from './transport.js';

/**
 * Pure: the nodemailer message for an outbox row. Every value was cleaned when the row was written; names
 * are cleaned again here because this is the last point before headers are produced.
 */
export type MailParts = Pick<
  OutboxRow,
  'template' | 'to_email' | 'to_name' | 'cc_email' | 'cc_name' | 'subject' | 'text_body' | 'html_body' | 'message_id' | 'in_reply_to' | 'refs'
>;

export function partsOf(row: NewOutboxRow): MailParts {
  return {
    template: row.template,
    to_email: row.to?.email ?? null,
    to_name: row.to?.name ?? null,
    cc_email: row.cc?.email ?? null,
    cc_name: row.cc?.name ?? null,
    subject: row.subject,
    text_body: row.text,
    html_body: row.html,
    message_id: row.messageId,
    in_reply_to: row.inReplyTo,
    refs: row.references,
  };
}

export function buildMail(
  row: MailParts,
  config: Pick<Config, 'fromAddress' | 'teamName'>,
  attachment: { filename: string; raw: Buffer } | null,
): OutgoingMail {
  const to = row.to_email ? [{ name: headerText(row.to_name ?? ''), address: row.to_email }] : [];
  const cc = row.cc_email ? [{ name: headerText(row.cc_name ?? ''), address: row.cc_email }] : [];
  return {
    from: { name: headerText(config.teamName), address: config.fromAddress },
    to,
    cc,
    subject: headerText(row.subject, 250),
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    ...(row.in_reply_to ? { inReplyTo: row.in_reply_to, references: row.refs } : {}),
    headers: {
      // RFC 3834 §5: replies to a person's mail are auto-replied; the ministry forward answers nobody
      'Auto-Submitted': row.template === 'ministry-forward' ? 'auto-generated' : 'auto-replied',
      // asks Exchange and friends not to answer us with out-of-office mail in turn
      'X-Auto-Response-Suppress': 'All',
    },
    envelope: { from: config.fromAddress, to: [...to, ...cc].map((a) => a.address) },
    // an attachment, not inline: the ministry's client should offer the original, not render it in the summary
    attachments: attachment ? [{ filename: attachment.filename, content: attachment.raw, contentType: 'message/rfc822', contentDisposition: 'attachment' }] : [],
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
