import EmailForwardParser, { type EmailForwardResult } from 'email-forward-parser';

/**
 * Crisp's email-forward-parser with its regexes narrowed to those that can match the body at hand.
 *
 * `read()` tries ~500 patterns for 12 clients in 22 locales over the whole body, and a few of them (Outlook
 * 2019 attributions such as `^\s?.+\s*[\[|<].+[\]|>]\s?kirjoitti`) backtrack over every line: together
 * ~300 µs on a 1 KB forward, more than parsing the message. Nearly every pattern needs a literal word
 * ("Betreff", "kirjoitti", "Forwarded message"); one whose word is absent from the body cannot match, and
 * the library only ever keeps matching patterns, so leaving it out gives exactly the same result.
 *
 * The parser keeps its pattern lists on a private field, read at every call; we swap in the narrowed lists
 * for one synchronous call and put the full ones back. When a future version changes that shape, the
 * lists are not recognised and every call reads with the full set, as before.
 */

interface Narrowable {
  /** the pattern the library runs */
  regex: RegExp;
  /** the character pairs of a word every match contains (lower-cased for case-insensitive patterns); empty when no word is known */
  pairs: number[];
  ignoreCase: boolean;
}

type RegexTable = Record<string, unknown>;

/** Lists run over the subject line or over one address, not the body: never narrowed by the body's words. */
const NOT_BODY = new Set(['subject', 'mailbox', 'mailbox_address']);
const QUANTIFIER = /^(?:[?*+]|\{(\d*)(?:,\d*)?\})/;

function regexTable(parser: EmailForwardParser): RegexTable | null {
  const inner = (parser as unknown as { parser?: { regexes?: unknown } }).parser;
  const regexes = inner?.regexes;
  return regexes && typeof regexes === 'object' ? (regexes as RegexTable) : null;
}

function bodyLists(regexes: RegexTable): Map<string, Narrowable[]> {
  const out = new Map<string, Narrowable[]>();
  for (const [key, value] of Object.entries(regexes)) {
    if (NOT_BODY.has(key) || !Array.isArray(value) || !value.every((r) => r instanceof RegExp)) continue;
    out.set(
      key,
      (value as RegExp[]).map((regex) => {
        const ignoreCase = regex.flags.includes('i');
        // Full Unicode case folding (flags i and u together) matches more than toLowerCase() can show.
        const literal = ignoreCase && regex.unicode ? null : requiredLiteral(regex.source);
        return { regex, ignoreCase, pairs: pairsOf(literal && ignoreCase ? literal.toLowerCase() : (literal ?? '')) };
      }),
    );
  }
  return out;
}

/**
 * The longest run of plain characters every match of `source` must contain, or null. Conservative: an
 * alternation or lookaround anywhere gives up; classes, escapes for character sets, anchors and groups end
 * a run; an atom that may occur zero times is left out of every run.
 */
export function requiredLiteral(source: string): string | null {
  if (/(?<!\\)\(\?<?[=!]/.test(source)) return null;
  let best = '';
  let run = '';
  let optionalGroup = false;
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    let atom: string | null = null;
    let next = i + 1;
    if (c === '|') return null;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (e === 'u' && /^[0-9a-f]{4}$/i.test(source.slice(i + 2, i + 6))) {
        atom = String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
        next = i + 6;
      } else if (e === 'x' && /^[0-9a-f]{2}$/i.test(source.slice(i + 2, i + 4))) {
        atom = String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16));
        next = i + 4;
      } else {
        atom = /[a-z0-9]/i.test(e) ? null : e;
        next = i + 2;
      }
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      next = j + 1;
    } else if (c === '(') {
      const named = /^\(\?(?:<[a-z_][a-z0-9_]*>|:)/i.exec(source.slice(i));
      next = i + (named ? named[0].length : 1);
    } else if (c === ')') {
      if (/^(?:[?*]|\{0)/.test(source.slice(i + 1))) optionalGroup = true;
    } else if (!'.^$'.includes(c)) {
      atom = c;
    }
    const q = QUANTIFIER.exec(source.slice(next));
    if (q) {
      next += q[0].length;
      if (source[next] === '?') next++;
      const atLeastOnce = q[0] === '+' || (q[1] !== undefined && Number(q[1]) >= 1);
      if (atom !== null && atLeastOnce) run += atom;
      end();
    } else if (atom !== null) {
      run += atom;
    } else {
      end();
    }
    i = next;
  }
  end();
  // Runs inside a group that may be skipped are not required; rather than track nesting, give up then.
  if (optionalGroup) return null;
  return best.length > 0 ? best : null;
}

// Words are looked for through the pairs of adjacent characters the body contains, one pass over it: a
// word with a pair the body lacks cannot occur. Pairs are hashed into a table stamped per call (no
// clearing); a collision only keeps a pattern that cannot match, which costs time, never a result.
const PAIR_BUCKETS = 1 << 14;
const pairsInText = new Uint32Array(PAIR_BUCKETS);
const pairsInLower = new Uint32Array(PAIR_BUCKETS);
let stamp = 0;

function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_BUCKETS - 1);
}

function pairsOf(word: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < word.length; i++) out.push(pairHash(word.charCodeAt(i - 1), word.charCodeAt(i)));
  return out;
}

function markPairs(table: Uint32Array, text: string): void {
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    table[pairHash(prev, c)] = stamp;
    prev = c;
  }
}

function mayOccur(n: Narrowable): boolean {
  const table = n.ignoreCase ? pairsInLower : pairsInText;
  const pairs = n.pairs;
  for (let i = 0; i < pairs.length; i++) if (table[pairs[i]!] !== stamp) return false;
  return true;
}

function narrowed(list: Narrowable[]): RegExp[] {
  const kept: RegExp[] = [];
  for (let i = 0; i < list.length; i++) if (mayOccur(list[i]!)) kept.push(list[i]!.regex);
  // The library's "replace" mode returns '' for an empty list instead of the unchanged text; a pattern that
  // cannot match leaves the text unchanged, as the full list would.
  return kept.length > 0 ? kept : [list[0]!.regex];
}

// Built after the pair table above: each pattern's word is hashed into pairs once, here.
const reader = new EmailForwardParser();
const table = regexTable(reader);
const lists = table ? bodyLists(table) : new Map<string, Narrowable[]>();
/** the library's own lists, put back after every call */
const full = new Map([...lists.keys()].map((key) => [key, table?.[key]]));

/** The library's own subject test (its `subject` list, first line of the subject). */
function isForwardSubject(subject: string): boolean {
  const list = table?.subject;
  return !Array.isArray(list) || list.some((r) => r instanceof RegExp && r.test(subject));
}

/**
 * `read()` of email-forward-parser, same result, patterns that cannot match left out. The words are
 * looked for in the body as the library cleans it (CRLF, byte-order marks, no-break spaces), because its
 * patterns run on that; the cleaning after that only removes quote marks and indents at line starts, which
 * joins no characters into a new word.
 */
export function readForward(body: string, subject: string | undefined): EmailForwardResult {
  // A subject that is not a forward's makes the library look no further than the subject.
  if (!table || lists.size === 0 || (subject && !isForwardSubject(subject))) return reader.read(body, subject);
  const cleaned = body
    .replace(/\r\n/g, '\n')
    .replace(/\uFEFF/g, '')
    .replace(/\u00A0/g, ' ');
  stamp = stamp === 0xffffffff ? 1 : stamp + 1;
  if (stamp === 1) {
    pairsInText.fill(0);
    pairsInLower.fill(0);
  }
  markPairs(pairsInText, cleaned);
  markPairs(pairsInLower, cleaned.toLowerCase());
  for (const [key, list] of lists) table[key] = narrowed(list);
  try {
    return reader.read(body, subject);
  } finally {
    for (const [key, list] of full) table[key] = list;
  }
}
