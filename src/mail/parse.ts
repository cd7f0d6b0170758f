import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail as MpParsedMail } from 'mailparser';
import type { Address } from '../core/types.js';
import { OfferTriageError, isOfferTriageError } from '../errors.js';
import { withTimeout } from './parse-timeout.js';
import { htmlToText } from './body.js';
import { decodeTnef, isOleCompoundFile, isTnefAttachment, outlookBody, parseOutlookMsg } from './outlook-attachments.js';
import type { ParsedAttachment, ParsedMail } from './types.js';

export interface ParseLimits {
  /** larger raw messages are refused (OT_ERR_TOO_LARGE) */
  maxBytes: number;
  /** mailparser never settles on some broken input (mailparser#263); give up after this long */
  timeoutMs: number;
  /** deepest multipart nesting, and deepest chain of forwarded messages unwrapped */
  maxDepth: number;
  /** most MIME parts read from one message; the rest is cut off with a warning */
  maxParts: number;
}

export const DEFAULT_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 30_000,
  maxDepth: 12,
  maxParts: 500,
});

// Lean mailparser: we derive text from HTML ourselves only when needed, never linkify or inline images,
// keep every message/rfc822 as an attachment so unwrapping sees the forwarded original whole.
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
  ignoreEmbedded: true,
  checksumAlgo: 'sha256',
} as const;

export function resolveLimits(limits?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/**
 * Parses one raw message into plain data. Throws OfferTriageError only when nothing usable comes out:
 * OT_ERR_EMPTY, OT_ERR_TOO_LARGE, OT_ERR_PARSE_TIMEOUT, OT_ERR_PARSE. Limits hit on the way (parts, depth)
 * truncate the message and are reported in `warnings`.
 */
export async function parseMail(raw: Buffer, limits?: Partial<ParseLimits>): Promise<ParsedMail> {
  const lim = resolveLimits(limits);
  if (raw.length > lim.maxBytes) {
    throw new OfferTriageError('OT_ERR_TOO_LARGE', `${raw.length} bytes, limit ${lim.maxBytes}`, { permanent: true });
  }
  if (isBlank(raw)) {
    throw new OfferTriageError('OT_ERR_EMPTY', undefined, { permanent: true });
  }
  // An Outlook .msg saved from a mail client and imported as a file is not MIME at all.
  if (isOleCompoundFile(raw)) return parseOutlookMsg(raw);

  const { bytes, warnings } = capStructure(raw, lim);
  let parsed: MpParsedMail;
  try {
    parsed = await withTimeout(simpleParser(bytes, PARSER_OPTIONS), lim.timeoutMs);
  } catch (err) {
    if (isOfferTriageError(err)) throw err;
    throw new OfferTriageError('OT_ERR_PARSE', err instanceof Error ? err.message : String(err), {
      cause: err,
      permanent: true,
    });
  }
  const mail = await withTnefBody(normalise(parsed, warnings));
  if (Object.keys(mail.headers).length === 0 && mail.text.trim() === '' && mail.attachments.length === 0) {
    throw new OfferTriageError('OT_ERR_EMPTY', 'no headers, body or attachments', { permanent: true });
  }
  return mail;
}

/**
 * Outlook sends mail written in its RTF format as a MIME message with no text part and the body inside
 * winmail.dat (TNEF), often only as compressed RTF: that body is the message's own.
 */
async function withTnefBody(mail: ParsedMail): Promise<ParsedMail> {
  if (mail.text.trim() !== '') return mail;
  const container = mail.attachments.find(isTnefAttachment);
  const tnef = container ? decodeTnef(container.content) : null;
  if (!tnef) return mail;
  const { text, html } = await outlookBody(tnef);
  return text ? { ...mail, text, html: mail.html ?? html } : mail;
}

function isBlank(raw: Buffer): boolean {
  for (const byte of raw) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}

const BOUNDARY_PARAM = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;

/**
 * One linear pass over the raw bytes that follows multipart boundaries, so a message bomb (thousands of
 * parts, or nesting deep enough to exhaust the parser) is cut off before mailparser builds its tree. The
 * cut closes every open multipart, because a missing closing boundary can keep mailparser waiting forever.
 */
export function capStructure(raw: Buffer, lim: ParseLimits): { bytes: Buffer; warnings: string[] } {
  // Every part and every level of nesting starts at a delimiter line: with no more such lines than both
  // limits, neither can be exceeded, and the message needs no copy as text (most mail has under a dozen).
  if (delimiterLines(raw, Math.min(lim.maxParts, lim.maxDepth) + 1) <= Math.min(lim.maxParts, lim.maxDepth)) {
    return { bytes: raw, warnings: [] };
  }
  const text = raw.toString('latin1');
  const declared = new Map<string, number>();
  for (const m of text.matchAll(BOUNDARY_PARAM)) {
    const b = m[1] ?? m[2] ?? '';
    if (!declared.has(b)) declared.set(b, m.index);
  }
  if (declared.size === 0) return { bytes: raw, warnings: [] };
  const open: string[] = [];
  let parts = 0;
  for (let at = text.startsWith('--') ? 0 : text.indexOf('\n--'); at >= 0; at = text.indexOf('\n--', at + 1)) {
    const lineStart = text[at] === '\n' ? at + 1 : at;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart + 2, lineEnd < 0 ? text.length : lineEnd).trimEnd();
    const closing = line.endsWith('--');
    const name = closing ? line.slice(0, -2) : line;
    const seenAt = declared.get(name);
    if (seenAt === undefined || seenAt > lineStart) continue;
    const level = open.lastIndexOf(name);
    if (closing) {
      if (level >= 0) open.length = level;
      continue;
    }
    if (level >= 0) open.length = level + 1;
    else open.push(name);
    parts += 1;
    const tooDeep = open.length > lim.maxDepth;
    if (tooDeep || parts > lim.maxParts) {
      const why = tooDeep ? `MIME nesting deeper than ${lim.maxDepth}` : `more than ${lim.maxParts} MIME parts`;
      const closers = (tooDeep ? open.slice(0, -1) : open).reverse().map((b) => `\r\n--${b}--\r\n`).join('');
      return {
        bytes: Buffer.concat([raw.subarray(0, lineStart), Buffer.from(closers, 'latin1')]),
        warnings: [`${why}: message truncated at byte ${lineStart}`],
      };
    }
  }
  return { bytes: raw, warnings: [] };
}

/** Lines starting with "--", counted up to `enough`. */
function delimiterLines(raw: Buffer, enough: number): number {
  let count = raw[0] === 0x2d && raw[1] === 0x2d ? 1 : 0;
  for (let at = raw.indexOf('\n--'); at >= 0 && count < enough; at = raw.indexOf('\n--', at + 1)) count += 1;
  return count;
}

function toAddresses(obj: AddressObject | AddressObject[] | undefined): Address[] {
  const list = obj === undefined ? [] : Array.isArray(obj) ? obj : [obj];
  const out: Address[] = [];
  for (const o of list) {
    for (const v of o.value) {
      const members = v.group ?? [v];
      for (const m of members) {
        if (m.address) out.push({ email: m.address.toLowerCase(), name: m.name?.trim() || null });
      }
    }
  }
  return out;
}

function toAttachment(a: Attachment): ParsedAttachment {
  const content = a.content;
  return {
    filename: a.filename ?? null,
    contentType: a.contentType.toLowerCase(),
    size: content.length,
    sha256: a.checksum || createHash('sha256').update(content).digest('hex'),
    inline: a.contentDisposition === 'inline' && Boolean(a.contentId),
    content,
  };
}

function headerMap(parsed: MpParsedMail): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of parsed.headerLines ?? []) {
    const colon = line.indexOf(':');
    const raw = colon >= 0 ? line.slice(colon + 1) : '';
    const value = (raw.includes('\n') ? raw.replace(/\r?\n[ \t]+/g, ' ') : raw).trim();
    (headers[key.toLowerCase()] ??= []).push(value);
  }
  return headers;
}

/**
 * mailparser puts the current time in `date` when the Date header is missing or unreadable ("Thursday, 28
 * October 2021 at 12:46"), which made the same bytes give a different analysis each run: such mail has none.
 */
function headerDate(value: string | undefined): string | null {
  const date = value === undefined ? null : new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

function topContentType(parsed: MpParsedMail): string {
  const ct = parsed.headers?.get('content-type');
  const value = ct && typeof ct === 'object' && 'value' in ct ? String(ct.value) : 'text/plain';
  return value.toLowerCase();
}

/**
 * A text part is the same mail as its HTML alternative, except a stub ("Dit bericht is in HTML-formaat",
 * "view this message in a browser") standing in for it: then the mail is what the HTML says.
 */
const STUB_TEXT_CHARS = 200;

function bodyText(ownText: string, html: string | null): string {
  if (!html) return ownText;
  const own = ownText.trim().length;
  if (own >= STUB_TEXT_CHARS) return ownText;
  const fromHtml = htmlToText(html);
  if (own === 0) return fromHtml;
  // The same short mail in both parts gives texts of about one length; a stub is a fraction of its HTML.
  return fromHtml.trim().length > 2 * own + 100 ? fromHtml : ownText;
}

function normalise(parsed: MpParsedMail, warnings: string[]): ParsedMail {
  const html = typeof parsed.html === 'string' && parsed.html.trim() !== '' ? parsed.html : null;
  const ownText = parsed.text?.trim() ? parsed.text : '';
  const headers = headerMap(parsed);
  const references = parsed.references === undefined ? [] : [parsed.references].flat();
  return {
    headers,
    messageId: parsed.messageId?.trim() || null,
    inReplyTo: parsed.inReplyTo?.trim() || null,
    references,
    subject: parsed.subject?.trim() || null,
    date: headerDate(headers['date']?.[0]),
    from: toAddresses(parsed.from)[0] ?? null,
    replyTo: toAddresses(parsed.replyTo)[0] ?? null,
    to: toAddresses(parsed.to),
    cc: toAddresses(parsed.cc),
    text: bodyText(ownText, html),
    html,
    contentType: topContentType(parsed),
    attachments: parsed.attachments.map(toAttachment),
    warnings,
  };
}
