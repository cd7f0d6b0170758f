import { simpleParser, type Attachment } from 'mailparser';
import { sanitiseMailHtml } from './sanitise.js';

/**
 * The original mail for the lead page's sandboxed frame, and attachment bytes for download. Both re-parse the
 * stored raw message: bytes are kept once (messages.raw), never copied out per attachment.
 */
const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FRAME_STYLE =
  'body{font:14px/1.45 system-ui,sans-serif;margin:.75rem;color:#111;word-wrap:break-word}pre{white-space:pre-wrap}img{max-width:100%}';

export async function renderMailDocument(raw: Buffer): Promise<string> {
  // cid: images come back as data: URLs (mailparser's default), the only image sources the sanitiser keeps.
  const parsed = await simpleParser(raw, { skipHtmlToText: true });
  const body =
    typeof parsed.html === 'string' && parsed.html.trim() !== ''
      ? sanitiseMailHtml(parsed.html)
      : `<pre>${escapeHtml(parsed.text ?? '')}</pre>`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head><body>${body}</body></html>`;
}

/**
 * Finds an attachment's bytes by content hash, descending into attached messages (forwards as
 * message/rfc822), so it does not depend on how the pipeline numbered nested parts.
 */
export async function findAttachment(raw: Buffer, hash: string, depth = 0): Promise<Attachment | null> {
  if (depth > 5) return null;
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    checksumAlgo: 'sha256',
  });
  for (const a of parsed.attachments) {
    if (a.checksum === hash) return a;
  }
  for (const a of parsed.attachments) {
    if (a.contentType === 'message/rfc822') {
      const found = await findAttachment(a.content, hash, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** RFC 6266 filename parameters: an ASCII fallback plus the UTF-8 original. */
export function contentDisposition(filename: string | null): string {
  const name = (filename ?? 'attachment').replace(/[\r\n"\\/]/g, '_');
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
