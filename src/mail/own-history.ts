import { FROM_LINE } from './inline-forward.js';

/**
 * What the company itself wrote earlier in a thread quoted below its latest message. An association that
 * asked a company questions forwards the whole thread: the company's answer on top is short ("Best
 * regards, Tom"), and its first message, further down, holds the signature with organisation and KvK number.
 * Only blocks whose From line names the company's own address count: the others are the association's.
 */
const QUOTE = /^[ \t]*>+ ?/gm;

export function ownHistory(text: string, email: string | null | undefined): string | null {
  // Most mail has no quoted message of its sender: their address then does not occur in the body at all.
  if (!email || !text.toLowerCase().includes(email)) return null;
  const normalised = text.replace(/\r\n?/g, '\n');
  const starts = [...normalised.matchAll(FROM_LINE)];
  const own: string[] = [];
  starts.forEach((m, i) => {
    if (!m[2]!.toLowerCase().includes(email)) return;
    const end = starts[i + 1]?.index ?? normalised.length;
    const block = normalised.slice(m.index, end).replace(QUOTE, '');
    // The body starts after the header block (From, Sent, To, Subject), at its first blank line.
    const body = block.indexOf('\n\n');
    if (body >= 0) own.push(block.slice(body).trim());
  });
  return own.length > 0 ? own.join('\n\n') : null;
}
