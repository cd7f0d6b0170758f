import type { Address } from '../core/types.js';

/** One MIME part kept as an attachment. `content` is kept only while the core needs it (nested mail). */
export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  /** inline (Content-Disposition inline with a Content-ID), e.g. a logo in a signature */
  inline: boolean;
  content: Buffer;
}

/**
 * A parsed message as plain data: what mailparser gave us, normalised. Header names are lower-case;
 * each header keeps every occurrence as its raw unfolded string value.
 */
export interface ParsedMail {
  headers: Record<string, string[]>;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  /** ISO 8601 or null */
  date: string | null;
  from: Address | null;
  replyTo: Address | null;
  to: Address[];
  cc: Address[];
  /** the text body; for HTML-only mail, text derived from the HTML */
  text: string;
  html: string | null;
  /** top-level Content-Type, e.g. multipart/report */
  contentType: string;
  attachments: ParsedAttachment[];
  /** non-fatal problems met while parsing (limits hit, bad charset), for reasons and logs */
  warnings: string[];
}

/** The forwarded original found inside a message. */
export interface ForwardedOriginal {
  from: Address | null;
  subject: string | null;
  date: string | null;
  messageId: string | null;
  text: string;
  html: string | null;
  attachments: ParsedAttachment[];
}

export interface Unwrapped {
  /** the outer sender when the message is a forward; null when the company wrote directly */
  forwarder: Address | null;
  /** the forwarder's own words above the forwarded block */
  note: string | null;
  /** the innermost forwarded message, or the message itself when it is not a forward */
  original: ForwardedOriginal;
  /** how the forward was recognised, e.g. "message/rfc822 attachment", "Outlook NL header block" */
  how: string | null;
}
