import type { Address } from '../core/types.js';
import { readForward } from './forward-reader.js';

/**
 * Forwards written into the body by a mail client. Crisp's email-forward-parser knows most clients and
 * locales; it misses the classic Outlook header block when a note precedes it (the usual way an
 * association forwards: "Van:/Verzonden:/Aan:/Onderwerp:"), Outlook's "[mailto:..]" and "on behalf of"
 * forms, and new Outlook without a subject. Our own header-block reader covers those.
 *
 * A reply is not a forward: an attribution line ("On .. wrote:", "Op .. schreef:") counts only when the
 * subject says forward, and an Outlook header block does not count when the subject says reply, unless an
 * explicit "Forwarded message" marker stands above it.
 */

export interface InlineForward {
  from: Address | null;
  /** the display name of a From line without an address ("Van: Gerrit Boersma"), when that is all it holds */
  fromName?: string | null;
  subject: string | null;
  /** ISO 8601 when the written date could be read, else null */
  date: string | null;
  /** the forwarded message's body */
  text: string;
  /** the forwarder's words above the forwarded block */
  note: string | null;
  how: string;
}

export type SubjectIntent = 'forward' | 'reply' | null;

const FORWARD_PREFIX = /^\s*(fwd?|fw|doorst|tr|wg|wtr|rv|vs|vb|i|enc|doorgestuurd)\s*:/i;
const REPLY_PREFIX = /^\s*(re|antw|aw|sv|ref|antwoord|r)\s*:/i;

/** The outermost prefix decides: "FW: RE: x" is a forward of a thread, "RE: FW: x" a reply to a forward. */
export function subjectIntent(subject: string | null | undefined): SubjectIntent {
  if (!subject) return null;
  if (FORWARD_PREFIX.test(subject)) return 'forward';
  if (REPLY_PREFIX.test(subject)) return 'reply';
  return null;
}

// Markers that only a forward writes, whatever the subject says.
const EXPLICIT_MARKER =
  /^[ \t>]*(-{2,}\s*(Forwarded message|Doorgestuurd bericht|Forwarded Message|Original Message Follows)\s*-*|Begin (forwarded message|doorgestuurd bericht)\s*:)[ \t]*$/im;
/** A header block's sender line; group 2 is its value. */
export const FROM_LINE = /^[ \t>]*\*?(From|Van|Afzender|De|Von)\s*:\*?[ \t]*(.+)$/gim;
const FIELD_LINE = /^[ \t>]*\*?(Sent|Verzonden|Date|Datum|To|Aan|Subject|Onderwerp|Cc|Verstuurd)\s*:\*?/i;
const SUBJECT_LINE = /^[ \t>]*\*?(Subject|Onderwerp)\s*:\*?[ \t]*(.*)$/im;
const DATE_LINE = /^[ \t>]*\*?(Sent|Verzonden|Date|Datum|Verstuurd)\s*:\*?[ \t]*(.*)$/im;
const SEPARATOR_ABOVE = /^[ \t>]*(-{3,}.*-{3,}|_{10,}|Begin .*:)\s*$/i;
/**
 * A reply's attribution line; group 2 holds the name and address, wherever the client puts them ("On .., X <x>
 * wrote:", "Op .. schreef X <x>:", "Op .. heeft X <x> het volgende geschreven:").
 */
export const ATTRIBUTION = /^[ \t>]*(On|Op)\b([^\n]{0,300}?\b(?:wrote|schreef|geschreven)\b[^\n]{0,200}?):[ \t]*$/im;
const EMAIL = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

/** The address and display name in a header value: "Name <a@b>", "Name [mailto:a@b]", "a@b", "Name<mailto:a@b>". */
export function addressIn(value: string): Address | null {
  const email = EMAIL.exec(value)?.[0];
  if (!email) return null;
  const cut = value.search(/<|\[mailto:|\(|mailto:/i);
  const raw = (cut > 0 ? value.slice(0, cut) : '').replace(/\bon behalf of\b.*$/i, '');
  const name = raw.replace(/["'*]/g, '').trim();
  return { email: email.toLowerCase(), name: name && !EMAIL.test(name) ? name : null };
}

const NL_MONTHS: Record<string, string> = {
  januari: 'January', februari: 'February', maart: 'March', mrt: 'Mar', april: 'April', mei: 'May',
  juni: 'June', juli: 'July', augustus: 'August', oktober: 'October', okt: 'Oct',
};

/** Best effort: client-written dates ("wo 27 okt. 2021 om 09:31", "Friday, March 20, 2020 10:00 AM"). */
export function looseDate(written: string | null | undefined): string | null {
  if (!written) return null;
  const cleaned = written
    .replace(/\b(januari|februari|maart|mrt|april|mei|juni|juli|augustus|oktober|okt)\b\.?/gi, (m) => NL_MONTHS[m.replace('.', '').toLowerCase()] ?? m)
    .replace(/\b(om|at|à)\b/gi, ' ')
    .replace(/^[^\d,]*,?\s*(?=\d|[A-Z][a-z]+ \d)/, '')
    .replace(/\b(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b\.?/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const t = Date.parse(cleaned);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// Detection looks at the head of a body only: the header block is near the top, and regexes over
// megabytes of pasted text would cost more than the whole parse.
const SCAN_CHARS = 200_000;

function fromCrisp(text: string, subject: string | null): InlineForward | null {
  const head = text.slice(0, SCAN_CHARS);
  const r = readForward(head, subject ?? undefined);
  if (!r.forwarded || !r.email.from.address) return null;
  const email = r.email.from.address.toLowerCase();
  return {
    from: { email, name: r.email.from.name?.replace(/["']/g, '').trim() || null },
    subject: r.email.subject?.trim() || null,
    date: looseDate(r.email.date),
    text: (r.email.body ?? '') + text.slice(SCAN_CHARS),
    note: r.message?.trim() || null,
    how: 'inline forward (email-forward-parser)',
  };
}

/**
 * An Outlook-style header block: a From/Van line and at least two field lines with it, under it or, as
 * Thunderbird writes them ("Onderwerp:", "Datum:", "Van:", "Aan:"), right above it.
 */
function fromHeaderBlock(text: string, intent: SubjectIntent): InlineForward | null {
  const head = text.slice(0, SCAN_CHARS);
  const explicit = EXPLICIT_MARKER.exec(head);
  for (const m of head.matchAll(FROM_LINE)) {
    const lines = head.slice(m.index).split('\n', 8);
    let fields = 0;
    let last = 0;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (FIELD_LINE.test(line)) {
        fields++;
        last = i;
      } else if (line.trim() !== '' && fields > 0) break;
    }
    let blockStart = m.index;
    while (blockStart > 0) {
      const lineStart = head.lastIndexOf('\n', blockStart - 2) + 1;
      if (!FIELD_LINE.test(head.slice(lineStart, blockStart - 1))) break;
      blockStart = lineStart;
      fields++;
    }
    if (fields < 2) continue;
    const marked = explicit !== null && explicit.index <= m.index;
    if (intent === 'reply' && !marked) return null;
    const below = lines.slice(0, last + 1).join('\n');
    const block = head.slice(blockStart, m.index) + below;
    const bodyStart = m.index + below.length;
    const before = head.slice(0, blockStart).split('\n');
    const separated = SEPARATOR_ABOVE.test(before.filter((l) => l.trim() !== '').at(-1) ?? '');
    const from = addressIn(m[2] ?? '');
    // Without an address or a separator line it may be a digest or a quoted header, not a forward; under a
    // forward subject a full block is one whose sender Outlook showed by name only (an address-book contact).
    const fullBlock = fields >= 3 && SUBJECT_LINE.test(block);
    if (!from && !marked && !separated && !(intent === 'forward' && fullBlock)) continue;
    while (before.length > 0 && (before.at(-1)?.trim() === '' || SEPARATOR_ABOVE.test(before.at(-1) ?? ''))) before.pop();
    return {
      from,
      fromName: from ? null : (m[2] ?? '').replace(/["'*]/g, '').trim() || null,
      subject: SUBJECT_LINE.exec(block)?.[2]?.trim() || null,
      date: looseDate(DATE_LINE.exec(block)?.[2]),
      text: text.slice(bodyStart).replace(/^\s*\n/, ''),
      note: before.join('\n').trim() || null,
      how: marked ? 'inline forward (marker and header block)' : 'inline forward (Outlook header block)',
    };
  }
  return null;
}

/** "On .. X <x@y> wrote:" under a forward subject: Outlook 2019 and some mobile clients forward this way. */
function fromAttribution(text: string, intent: SubjectIntent): InlineForward | null {
  if (intent !== 'forward') return null;
  const m = ATTRIBUTION.exec(text.slice(0, SCAN_CHARS));
  if (!m) return null;
  const from = addressIn(m[2] ?? '');
  if (!from) return null;
  const body = text.slice(m.index + m[0].length).replace(/^\s*\n/, '');
  return {
    from,
    subject: null,
    date: null,
    text: body.replace(/^[ \t]*> ?/gm, ''),
    note: text.slice(0, m.index).trim() || null,
    how: 'inline forward (attribution line under a forward subject)',
  };
}

/**
 * Finds a forward written inline in a text body; null when the body is not a forward. `author`, the message's
 * own sender, lets a reply that quotes the author's own earlier forward count as that forward.
 */
export function findInlineForward(text: string, subject: string | null, author?: string | null): InlineForward | null {
  const intent = subjectIntent(subject);
  const viaCrisp = fromCrisp(text, subject);
  if (viaCrisp) return viaCrisp;
  return (
    fromHeaderBlock(text, intent) ??
    fromAttribution(text, intent) ??
    (intent === 'reply' && author ? ownForwardQuoted(text, author) : null)
  );
}

/**
 * "RE: FW: offer ...": an association asking after an offer it forwarded earlier, with that forward quoted below
 * (a header block from itself whose subject is a forward's). The company in that forward is the sender; the
 * association's question on top is its note.
 */
function ownForwardQuoted(text: string, author: string): InlineForward | null {
  const head = text.slice(0, SCAN_CHARS);
  for (const m of head.matchAll(FROM_LINE)) {
    if (addressIn(m[2] ?? '')?.email !== author) continue;
    const block = head.slice(m.index, m.index + 1000);
    if (subjectIntent(SUBJECT_LINE.exec(block)?.[2]) !== 'forward') continue;
    const inner = fromHeaderBlock(head.slice(m.index + (m[0]?.length ?? 0)), 'forward');
    if (!inner?.from || inner.from.email === author) return null;
    return {
      ...inner,
      note: head.slice(0, m.index).trim() || null,
      how: 'an earlier forward of the sender, quoted under its reply',
    };
  }
  return null;
}
