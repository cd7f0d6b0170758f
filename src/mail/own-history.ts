import { ATTRIBUTION, FROM_LINE } from './inline-forward.js';

/**
 * What the company itself wrote earlier in a thread quoted below its latest message. An association that
 * asked a company questions forwards the whole thread: the company's answer on top is short ("Best
 * regards, Tom"), and its first message, further down, holds the signature with organisation and KvK number.
 * Only blocks whose From line names the company's own address count: the others are the association's.
 */
const QUOTE = /^[ \t]*>+ ?/gm;
/** inline-forward's attribution line, every one in the text */
const ATTRIBUTIONS = new RegExp(ATTRIBUTION.source, 'gim');

export function ownHistory(text: string, email: string | null | undefined): string | null {
  // Most mail has no quoted message of its sender: their address then does not occur in the body at all.
  if (!email || !text.toLowerCase().includes(email)) return null;
  const normalised = text.replace(/\r\n?/g, '\n');
  // A header block's From line, or a reply's attribution line, each with the address it names.
  const starts = [
    ...[...normalised.matchAll(FROM_LINE)].map((m) => ({ index: m.index, names: m[2]!, header: true })),
    ...[...normalised.matchAll(ATTRIBUTIONS)].map((m) => ({ index: m.index, names: m[2]!, header: false })),
  ].sort((a, b) => a.index - b.index);
  const own: string[] = [];
  starts.forEach((start, i) => {
    if (!start.names.toLowerCase().includes(email)) return;
    const end = starts[i + 1]?.index ?? normalised.length;
    const block = normalised.slice(start.index, end).replace(QUOTE, '');
    // The body starts after the header block (From, Sent, To, Subject) at its first blank line, or after the
    // attribution line.
    const body = start.header ? block.indexOf('\n\n') : block.indexOf('\n');
    if (body >= 0) own.push(block.slice(body).trim());
  });
  return own.length > 0 ? own.join('\n\n') : null;
}
