import { kvkStatements } from './kvk.js';

/**
 * Body text: a fast HTML-to-text for HTML-only mail, and the company's own words out of a body.
 *
 * html-to-text (what mailparser uses) builds a DOM and costs ~10x a lean parse on big HTML; here we only
 * need readable lines for forward detection, language and keyword extraction, so a linear tag stripper
 * that keeps block boundaries as newlines is enough and cannot blow the stack on deeply nested markup.
 */

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'hr', 'pre', 'section', 'article', 'header', 'footer', 'dt', 'dd', 'address',
]);
const SKIPPED_CONTENT = /<(script|style|head|title|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", euro: '€', copy: '©', reg: '®',
  eacute: 'é', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü', auml: 'ä', egrave: 'è', agrave: 'à',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', bull: '•', middot: '·', shy: '',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', zwnj: '', zwj: '',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/** Readable text from HTML: tags dropped, block elements become line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(SKIPPED_CONTENT, '')
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) =>
      BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : name.toLowerCase() === 'td' || name.toLowerCase() === 'th' ? ' ' : '',
    );
  return decodeEntities(stripped)
    .replace(/\r/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// A reply's history starts at its attribution line or at an Outlook/Gmail header block of the older mail.
const HISTORY_START = [
  /^\s*(On|Am|Le|El|Il)\b.{0,200}\b(wrote|schrieb|a écrit|escribió|ha scritto)\s*:\s*$/im,
  /^\s*Op\b.{0,200}\b(schreef|geschreven)\b.{0,80}:\s*$/im,
  /^\s*-{2,}\s*(Original Message|Oorspronkelijk bericht|Origineel bericht|Ursprüngliche Nachricht)\s*-{2,}\s*$/im,
  /^\s*\*?(From|Van)\s*:\*?\s.{1,200}\n\s*\*?(Sent|Verzonden|Date|Datum)\s*:/im,
  // GroupWise: >>> "Name" <address> 30-3-2020 14:00 >>>
  /^>>> .{1,200} >>>\s*$/m,
];

// Disclaimers sit after the signature; they are legal boilerplate that only adds noise to extraction.
const DISCLAIMER_START = [
  /^.{0,40}\b(This (e-?mail|message)( and any attachments)?( is| may)? (confidential|contain|intended))/im,
  /^.{0,40}\b(Dit (e-?mail)?bericht( en eventuele bijlagen)?( is| kan)? (vertrouwelijk|uitsluitend bestemd|bevat))/im,
  /^.{0,40}\b(De informatie (verzonden )?(in|met) dit (e-?mail)?bericht)/im,
  /^.{0,40}\b(The information (contained )?in this (e-?mail|message|communication))/im,
  /^\s*(DISCLAIMER|Disclaimer)\s*:?\s*$/m,
  /^.{0,10}Please consider the environment before printing/im,
  /^.{0,10}(Denk aan het milieu|Print deze e-?mail alleen)/im,
];

/**
 * Words every pattern of each list needs, in one scan: most bodies quote no history and carry no
 * disclaimer, and each line-anchored pattern above costs a pass over the text (11 passes per message).
 */
const HISTORY_WORDS =
  /wrote|schrieb|écrit|escribió|scritto|schreef|geschreven|original message|oorspronkelijk bericht|origineel bericht|ursprüngliche nachricht|(?:sent|verzonden|date|datum)\s*:|>>> /i;
const DISCLAIMER_WORDS =
  /this (?:e-?mail|message)|dit (?:e-?mail)?bericht|de informatie|the information|disclaimer|please consider|denk aan het milieu|print deze/i;

function cutAt(text: string, patterns: RegExp[], minKeep: number, words: RegExp): string {
  if (!words.test(text)) return text;
  let cut = text.length;
  for (const re of patterns) {
    const m = re.exec(text);
    if (m && m.index >= minKeep && m.index < cut) cut = m.index;
  }
  return text.slice(0, cut);
}

/**
 * The company's own words: quoted reply history ("On .. wrote:", "> " lines, older header blocks) and
 * trailing disclaimers removed; the signature is kept because extraction reads contact data from it.
 */
export function offerBody(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  const withoutHistory = cutAt(normalised, HISTORY_START, 1, HISTORY_WORDS);
  const unquoted = withoutHistory.includes('>')
    ? withoutHistory
        .split('\n')
        .filter((line) => !/^\s*>/.test(line))
        .join('\n')
    : withoutHistory;
  // A disclaimer at the very top is not a trailing one; never cut the whole offer away.
  const withoutDisclaimer = cutAt(unquoted, DISCLAIMER_START, 40, DISCLAIMER_WORDS);
  // The registration statement is the one fact in a disclaimer that belongs to the offer.
  const registration = kvkStatements(unquoted.slice(withoutDisclaimer.length));
  const kept = registration.length > 0 ? `${withoutDisclaimer.trimEnd()}\n\n${registration.join('\n')}` : withoutDisclaimer;
  const result = kept.replace(/\n{3,}/g, '\n\n').trim();
  return result.length > 0 ? result : normalised.trim();
}
