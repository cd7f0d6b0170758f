import type { Address } from '../core/types.js';

/**
 * A few forwarders type their note below the forwarded mail instead of above it. Their signed words at
 * the end of the forwarded text are their note, not the company's offer: left in, they skew language
 * detection and the signature reader. Recognised only by the forwarder's own name or address standing on a
 * line of its own near the end, since a company's text rarely names the person it writes to that way.
 */

const CLOSING =
  /^(met )?(vriendelijke |hartelijke |beste )?groet(en|jes)?,?$|^(kind |best |warm )?regards,?$|^(mvg|gr|groet),?$|^(best|cheers|thanks|bedankt|dank),?$/i;
/** A header line of quoted history names the forwarder too, as the older mail's sender or recipient. */
const HEADER_LINE = /^\s*\*?(from|van|to|aan|cc|sent|verzonden|date|datum|subject|onderwerp)\s*:/i;
/** A note is a few lines; a longer paragraph above the signature is the company's text. */
const MAX_NOTE_LINES = 4;
/** Only the tail counts: the forwarder's name near the top is a greeting or a header line. */
const TAIL_SHARE = 0.5;

export interface TrailingNote {
  text: string;
  note: string;
}

export function splitTrailingNote(text: string, forwarder: Address | null): TrailingNote | null {
  if (!forwarder) return null;
  const name = forwarder.name?.trim().toLowerCase() ?? '';
  const named = name.split(/\s+/).length >= 2;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const footer = forwarderFooter(lines, name);
  if (footer) return footer;
  let at = -1;
  for (let i = lines.length - 1; i >= Math.floor(lines.length * TAIL_SHARE); i--) {
    const line = (lines[i] ?? '').trim().toLowerCase();
    if ((named && line === name) || line.includes(forwarder.email)) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const start = noteStart(lines, at);
  if (start <= 0 || lines.slice(start).some((l) => HEADER_LINE.test(l))) return null;
  const offer = lines.slice(0, start).join('\n').trimEnd();
  if (offer.trim() === '') return null;
  return { text: offer, note: lines.slice(start).join('\n').trim() };
}

/** "____" or "-----" on a line of its own: where a mail server's footer starts. */
const RULE = /^\s*[_=-]{5,}\s*$/;
const MAX_FOOTER_LINES = 3;

/**
 * The forwarder's one-line footer their mail server adds under everything ("_____ / FME | Dennis Kok |
 * Adviseur | KvK 40409538"): a rule line near the end, then a few lines naming the forwarder by every part
 * of their name ("Kok, Dennis" as Outlook writes it). Its KvK number is the association's, not the company's.
 */
function forwarderFooter(lines: string[], name: string): TrailingNote | null {
  const parts = name.split(/[\s,]+/).filter((p) => p.length >= 2);
  if (parts.length < 2) return null;
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  for (let rule = end - 1; rule >= Math.max(1, end - 1 - MAX_FOOTER_LINES); rule--) {
    if (!RULE.test(lines[rule] ?? '')) continue;
    const below = lines.slice(rule + 1, end).join('\n');
    const words = new Set(below.toLowerCase().split(/[^\p{L}]+/u));
    if (!parts.every((p) => words.has(p))) return null;
    const offer = lines.slice(0, rule).join('\n').trimEnd();
    return offer.trim() === '' ? null : { text: offer, note: below.trim() };
  }
  return null;
}

/** The first line of the note: above the signature's name, past a closing line, one short paragraph up. */
function noteStart(lines: string[], nameLine: number): number {
  let i = nameLine;
  const up = () => {
    while (i > 0 && (lines[i - 1] ?? '').trim() === '') i--;
  };
  up();
  if (i > 0 && CLOSING.test((lines[i - 1] ?? '').trim())) {
    i--;
    up();
  }
  let taken = 0;
  while (i > 0 && (lines[i - 1] ?? '').trim() !== '' && taken < MAX_NOTE_LINES + 1) {
    i--;
    taken++;
  }
  // A long block above the closing is the company's own text, not a typed note: keep it and cut below it.
  if (taken > MAX_NOTE_LINES) return -1;
  return i;
}
