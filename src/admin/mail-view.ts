import { simpleParser } from 'mailparser';
import { parseMail } from '../mail/parse.js';
import type { ParsedAttachment } from '../mail/types.js';
import { unwrapForward } from '../mail/unwrap.js';
import { sanitiseMailHtml } from './sanitise.js';

/**
 * The mail for the lead page's sandboxed frame, and attachment bytes for download. Both re-parse the stored
 * raw message: bytes are kept once (messages.raw), never copied out per attachment.
 *
 * A reviewer judges the company's offer, not the association's covering note, so the frame opens on the
 * forwarded original (`offer`); the message as it reached the team is one tab away (`received`).
 */
export const MAIL_VIEWS = ['offer', 'received'] as const;
export type MailView = (typeof MAIL_VIEWS)[number];

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FRAME_STYLE =
  'body{font:14px/1.45 system-ui,sans-serif;margin:.75rem;color:#111;word-wrap:break-word}pre{white-space:pre-wrap}img{max-width:100%}';

const document = (body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head><body>${body}</body></html>`;

const htmlOrText = (html: string | null, text: string): string =>
  html !== null && html.trim() !== '' ? sanitiseMailHtml(html) : `<pre>${escapeHtml(text)}</pre>`;

export async function renderMailDocument(raw: Buffer, view: MailView): Promise<string> {
  if (view === 'offer') {
    const offer = await offerBody(raw);
    if (offer !== null) return document(offer);
  }
  // cid: images come back as data: URLs (mailparser's default), the only image sources the sanitiser keeps;
  // the text-to-HTML conversion (linkify) is not needed: a text-only mail is shown in <pre>.
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  return document(htmlOrText(typeof parsed.html === 'string' ? parsed.html : null, parsed.text ?? ''));
}

/**
 * The forwarded original as the pipeline found it, or null when the message is not a forward (then the
 * offer is the message as received). An attached original (message/rfc822, .msg) brings its own HTML; an
 * inline forward shares the outer HTML, which cannot be cut reliably, so its forwarded text part is shown.
 */
async function offerBody(raw: Buffer): Promise<string | null> {
  const mail = await parseMail(raw);
  const { original } = await unwrapForward(mail);
  const ownHtml = original.html !== null && original.html !== mail.html;
  if (ownHtml) return sanitiseMailHtml(original.html!);
  if (original.text === mail.text) return null;
  return `<pre>${escapeHtml(original.text)}</pre>`;
}

/**
 * Finds an attachment's bytes by content hash in the message and in the forwarded original it carries
 * (attached .eml or .msg, winmail.dat, nested forwards): the same two places the pipeline listed them from.
 */
export async function findAttachment(raw: Buffer, sha256: string): Promise<ParsedAttachment | null> {
  const mail = await parseMail(raw);
  const outer = mail.attachments.find((a) => a.sha256 === sha256);
  if (outer) return outer;
  const { original } = await unwrapForward(mail);
  return original.attachments.find((a) => a.sha256 === sha256) ?? null;
}

/** RFC 6266 filename parameters: an ASCII fallback plus the UTF-8 original. */
export function contentDisposition(filename: string | null): string {
  const name = (filename ?? 'attachment').replace(/[\r\n"\\/]/g, '_');
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
