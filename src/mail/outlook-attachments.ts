import { createHash } from 'node:crypto';
import MsgReaderModule from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader';
import type { Address } from '../core/types.js';
import { OfferTriageError } from '../errors.js';
import { htmlToText } from './body.js';
import { rtfBody } from './rtf.js';
import type { ParsedAttachment, ParsedMail } from './types.js';

/**
 * Outlook's own containers: an attached .msg (OLE compound file, read with @kenjiuno/msgreader) and
 * winmail.dat (TNEF, decoded here). node-tnef was tried for TNEF and not used: it logs to stdout through
 * bunyan (which would corrupt the `parse` command's JSON lines), copies the buffer into a JS array, and
 * drops the subject and sender.
 */

// The package is CommonJS with `exports.default`: Node's default import is the exports object, bundlers
// (vitest) hand over the class itself.
type MsgReaderClass = typeof MsgReaderModule.default;
const msgReaderExport = MsgReaderModule as unknown as MsgReaderClass | { default: MsgReaderClass };
const MsgReader: MsgReaderClass = typeof msgReaderExport === 'function' ? msgReaderExport : msgReaderExport.default;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isOleCompoundFile(buf: Buffer): boolean {
  return buf.length >= 512 && buf.subarray(0, 8).equals(OLE_MAGIC);
}

export function isOutlookMsgAttachment(a: ParsedAttachment): boolean {
  return (
    a.contentType === 'application/vnd.ms-outlook' ||
    /\.msg$/i.test(a.filename ?? '') ||
    (a.contentType === 'application/octet-stream' && isOleCompoundFile(a.content))
  );
}

export function isTnefAttachment(a: ParsedAttachment): boolean {
  return (
    a.contentType === 'application/ms-tnef' ||
    a.contentType === 'application/vnd.ms-tnef' ||
    /^winmail\.dat$/i.test(a.filename ?? '')
  );
}

export function makeAttachment(filename: string | null, contentType: string, content: Buffer): ParsedAttachment {
  return {
    filename,
    contentType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    inline: false,
    content,
  };
}

function address(email: string | undefined, name: string | undefined): Address | null {
  if (!email || !email.includes('@')) return null;
  return { email: email.trim().toLowerCase(), name: name?.trim() || null };
}

/** Transport headers a .msg may carry, unfolded, lower-case names. */
function headerBlock(raw: string | undefined): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const line of (raw ?? '').replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m?.[1]) (headers[m[1].toLowerCase()] ??= []).push((m[2] ?? '').trim());
  }
  return headers;
}

function msgHtml(data: FieldsData): string | null {
  if (data.bodyHtml) return data.bodyHtml;
  if (!data.html || data.html.length === 0) return null;
  const encoding = data.internetCodepage === 1252 ? 'windows-1252' : 'utf-8';
  return new TextDecoder(encoding).decode(data.html);
}

function isoDate(value: string | undefined): string | null {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Reads an Outlook .msg into the same plain data as a MIME message. */
export async function parseOutlookMsg(buf: Buffer, maxParts = 500): Promise<ParsedMail> {
  let data: FieldsData;
  let reader: InstanceType<MsgReaderClass>;
  try {
    // msgreader reads from offset 0 of the buffer it gets, so hand it an exact copy.
    reader = new MsgReader(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch (err) {
    throw new OfferTriageError('OT_ERR_PARSE', 'unreadable Outlook .msg', { cause: err, permanent: true });
  }
  if (data.error) throw new OfferTriageError('OT_ERR_PARSE', `Outlook .msg: ${data.error}`, { permanent: true });
  const warnings: string[] = [];
  const attachments: ParsedAttachment[] = [];
  for (const att of (data.attachments ?? []).slice(0, maxParts)) {
    try {
      const { fileName, content } = reader.getAttachment(att);
      const type = att.innerMsgContent ? 'application/vnd.ms-outlook' : (att.attachMimeTag ?? 'application/octet-stream');
      attachments.push(makeAttachment(fileName || null, type.toLowerCase(), Buffer.from(content)));
    } catch {
      warnings.push(`Outlook .msg attachment ${att.fileName ?? '?'} could not be read`);
    }
  }
  if ((data.attachments?.length ?? 0) > maxParts) warnings.push(`more than ${maxParts} attachments: rest dropped`);
  const recipients = (type: 'to' | 'cc'): Address[] =>
    (data.recipients ?? [])
      .filter((r) => r.recipType === type)
      .map((r) => address(r.smtpAddress ?? r.email, r.name))
      .filter((a): a is Address => a !== null);
  const body = await outlookBody({ text: data.body, html: msgHtml(data), rtf: data.compressedRtf });
  const headers = headerBlock(data.headers);
  return {
    headers,
    messageId: data.messageId?.trim() || null,
    inReplyTo: headers['in-reply-to']?.[0] ?? null,
    references: (headers['references']?.[0] ?? '').split(/\s+/).filter(Boolean),
    subject: data.subject?.trim() || null,
    date: isoDate(data.clientSubmitTime ?? data.messageDeliveryTime ?? data.creationTime),
    from: address(data.senderSmtpAddress ?? data.sentRepresentingSmtpAddress ?? data.senderEmail, data.senderName),
    replyTo: null,
    to: recipients('to'),
    cc: recipients('cc'),
    text: body.text ?? '',
    html: body.html,
    contentType: 'application/vnd.ms-outlook',
    attachments,
    warnings,
  };
}

/**
 * The body of an Outlook item (.msg or winmail.dat): its plain text, else text made from its HTML, else what
 * its compressed RTF holds, as mail written in Outlook's RTF format has nothing else (rtf.ts).
 */
export async function outlookBody(item: {
  text: string | null | undefined;
  html: string | null;
  rtf: Uint8Array | null | undefined;
}): Promise<{ text: string | null; html: string | null }> {
  const text = item.text?.trim() ? item.text : null;
  const fromRtf = !text && !item.html && item.rtf ? await rtfBody(item.rtf) : null;
  const html = item.html ?? fromRtf?.html ?? null;
  return { text: text ?? fromRtf?.text ?? (html ? htmlToText(html) : null), html };
}

export interface TnefContent {
  subject: string | null;
  from: Address | null;
  text: string | null;
  html: string | null;
  /** PR_RTF_COMPRESSED, when the item has it: the only body of mail written in Outlook's RTF format (rtf.ts) */
  rtf: Buffer | null;
  attachments: ParsedAttachment[];
}

const TNEF_SIGNATURE = 0x223e9f78;
const ATT = { from: 0x8000, subject: 0x8004, body: 0x800c, attachData: 0x800f, attachTitle: 0x8010, renddata: 0x9002,
  mapiProps: 0x9003, attachment: 0x9005 } as const;
const PR = { subject: 0x0037, senderName: 0x0c1a, senderEmail: 0x0c1f, senderSmtp: 0x5d01, body: 0x1000,
  bodyHtml: 0x1013, rtfCompressed: 0x1009, attachData: 0x3701, longFilename: 0x3707, mimeTag: 0x370e } as const;
const FIXED_SIZE: Record<number, number> = { 0x0001: 4, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8,
  0x0007: 8, 0x000a: 4, 0x000b: 4, 0x0014: 8, 0x0040: 8, 0x0048: 16 };
const VARIABLE = new Set([0x000d, 0x001e, 0x001f, 0x0102]);

/** MAPI property stream inside a TNEF attribute: id → first value, strings decoded. Stops at anything odd. */
function mapiProps(buf: Buffer): Map<number, Buffer | string> {
  const props = new Map<number, Buffer | string>();
  if (buf.length < 4) return props;
  const count = buf.readUInt32LE(0);
  let at = 4;
  for (let i = 0; i < count && at + 4 <= buf.length; i++) {
    const type = buf.readUInt16LE(at);
    const id = buf.readUInt16LE(at + 2);
    at += 4;
    if (id >= 0x8000) {
      if (at + 20 > buf.length) break;
      const kind = buf.readUInt32LE(at + 16);
      at += 20;
      if (kind !== 0) {
        if (at + 4 > buf.length) break;
        at += 4 + align4(buf.readUInt32LE(at));
      } else at += 4;
    }
    const base = type & 0x0fff;
    const multi = (type & 0x1000) !== 0;
    let values = 1;
    if (multi || VARIABLE.has(base)) {
      if (at + 4 > buf.length) break;
      values = buf.readUInt32LE(at);
      at += 4;
    }
    for (let v = 0; v < values && at <= buf.length; v++) {
      if (VARIABLE.has(base)) {
        if (at + 4 > buf.length) return props;
        const len = buf.readUInt32LE(at);
        const end = at + 4 + len;
        if (end > buf.length) return props;
        const raw = buf.subarray(at + 4, end);
        if (v === 0) props.set(id, base === 0x001f ? raw.toString('utf16le').replace(/\0+$/, '')
          : base === 0x001e ? raw.toString('latin1').replace(/\0+$/, '') : raw);
        at = at + 4 + align4(len);
      } else {
        const size = FIXED_SIZE[base];
        if (size === undefined) return props;
        at += size;
      }
    }
  }
  return props;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function str(v: Buffer | string | undefined): string | null {
  if (v === undefined) return null;
  const s = (typeof v === 'string' ? v : v.toString('utf8')).replace(/\0+$/, '').trim();
  return s || null;
}

/** Decodes winmail.dat (TNEF): subject, sender, plain/HTML body when present, and the attached files. */
export function decodeTnef(buf: Buffer): TnefContent | null {
  if (buf.length < 6 || buf.readUInt32LE(0) !== TNEF_SIGNATURE) return null;
  const out: TnefContent = { subject: null, from: null, text: null, html: null, rtf: null, attachments: [] };
  let current: { title: string | null; data: Buffer | null; type: string } | null = null;
  const files: { title: string | null; data: Buffer | null; type: string }[] = [];
  let at = 6;
  while (at + 9 <= buf.length) {
    const level = buf.readUInt8(at);
    const id = buf.readUInt16LE(at + 1);
    const len = buf.readUInt32LE(at + 5);
    const start = at + 9;
    if (start + len > buf.length) break;
    const data = buf.subarray(start, start + len);
    at = start + len + 2;
    if (id === ATT.renddata) {
      current = { title: null, data: null, type: 'application/octet-stream' };
      files.push(current);
    } else if (level === 2 && current) {
      if (id === ATT.attachTitle) current.title = str(data.toString('latin1'));
      else if (id === ATT.attachData) current.data = data;
      else if (id === ATT.attachment) {
        const props = mapiProps(data);
        current.title = str(props.get(PR.longFilename)) ?? current.title;
        current.type = str(props.get(PR.mimeTag))?.toLowerCase() ?? current.type;
        const bin = props.get(PR.attachData);
        // An attached message is stored as an object whose first 16 bytes are its interface id.
        if (!current.data && Buffer.isBuffer(bin)) current.data = isOleCompoundFile(bin.subarray(16)) ? bin.subarray(16) : bin;
      }
    } else if (id === ATT.subject) out.subject = str(data.toString('latin1'));
    else if (id === ATT.body) out.text = str(data.toString('latin1'));
    else if (id === ATT.mapiProps) {
      const props = mapiProps(data);
      out.subject = str(props.get(PR.subject)) ?? out.subject;
      out.text = str(props.get(PR.body)) ?? out.text;
      out.html = str(props.get(PR.bodyHtml));
      const rtf = props.get(PR.rtfCompressed);
      out.rtf = Buffer.isBuffer(rtf) ? rtf : null;
      const email = str(props.get(PR.senderSmtp)) ?? str(props.get(PR.senderEmail)) ?? undefined;
      out.from = address(email, str(props.get(PR.senderName)) ?? undefined);
    }
  }
  for (const f of files) {
    if (f.data) out.attachments.push(makeAttachment(f.title, f.type, Buffer.from(f.data)));
  }
  return out;
}
