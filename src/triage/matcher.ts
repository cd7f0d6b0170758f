/**
 * Matches lexicon-style terms (see lexicon.ts for the syntax) against a token list in one pass, indexed by
 * the first word so a document costs O(tokens), not O(tokens × terms): the 4 µs budget of a keyword regex.
 *
 * All term lists share one index of first words. A message's body is read by a dozen lists (products,
 * offer verbs, negation context, closings, spam markers, stock words); looking each token up once for all
 * of them, and keeping the candidates with the token list, made a body cost one lookup per token instead
 * of one per token per list, which had been most of classification's time.
 */

interface Part {
  text: string;
  prefix: boolean;
}

interface Pattern {
  owner: number;
  /** a one-word "*suffix" term: matches a longer word that ends in it, when nothing else starts there */
  suffix: string | null;
  parts: readonly Part[];
  value: unknown;
}

export interface Match<T> {
  start: number;
  /** index after the last matched token */
  end: number;
  value: T;
}

const PREFIX_KEY = 3;
/** Suffix terms ("*maskers") are for compounds ("stofmaskers"): only longer words are tried against them. */
const SUFFIX_MIN_WORD = 7;

/**
 * The first PREFIX_KEY characters of a word as a number: slicing a string per token allocated and hashed a
 * new string each time. Characters past 10 bits may collide, which only adds candidates that matchAt rejects.
 */
function prefixKey(word: string): number {
  return ((word.charCodeAt(0) & 0x3ff) << 20) | ((word.charCodeAt(1) & 0x3ff) << 10) | (word.charCodeAt(2) & 0x3ff);
}

/** The last PREFIX_KEY characters, likewise: all suffixes a word ends in share them, so one lookup finds them. */
function suffixKey(word: string): number {
  const at = word.length - PREFIX_KEY;
  if (at < 0) return prefixKey(word);
  return (
    ((word.charCodeAt(at) & 0x3ff) << 20) | ((word.charCodeAt(at + 1) & 0x3ff) << 10) | (word.charCodeAt(at + 2) & 0x3ff)
  );
}

/**
 * Whether any prefix term starts with a word's first two characters: most words start no prefix term, and
 * this table spares them the map lookup. Collisions of wider characters only cost a lookup.
 */
const prefixStarts = new Uint8Array(1 << 16);
function startIndex(word: string): number {
  return ((word.charCodeAt(0) & 0xff) << 8) | (word.charCodeAt(1) & 0xff);
}

const exact = new Map<string, Pattern[]>();
const prefixed = new Map<number, Pattern[]>();
const suffixes = new Map<number, Pattern[]>();
/** suffixes shorter than the key: none in the lexicons, but they must still match */
const shortSuffixes: Pattern[] = [];
let owners = 0;

/**
 * Per token list, the patterns that may start at each token (undefined: none), in the order the lists
 * added them. Only frozen lists (the tokenizer's) are remembered, as only they cannot change under the
 * candidates, and only the last few, as the tokenizer keeps only the last few texts (a WeakMap cost more in
 * table upkeep than it saved); `owners` tells a list added after the scan (none are: lists are module
 * constants) to scan again.
 */
interface Scan {
  words: readonly string[];
  owners: number;
  candidates: Array<Pattern[] | undefined>;
  /**
   * Per owner, the tokens where one of its patterns may start, ascending: a list reads only those, not every
   * token. Most of a body's tokens start no term of a given list, and two dozen lists each walking all of
   * them had cost as much as the lookups.
   */
  starts: Array<number[] | undefined>;
}
const RECENT_SCANS = 8;
const scans: Scan[] = [];

function scan(words: readonly string[]): Scan {
  for (const known of scans) if (known.words === words && known.owners === owners) return known;
  const candidates: Array<Pattern[] | undefined> = new Array(words.length);
  const starts: Array<number[] | undefined> = new Array(owners);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const whole = exact.get(word);
    const start = prefixStarts[startIndex(word)] === 1 ? prefixed.get(prefixKey(word)) : undefined;
    let found = whole === undefined ? start : start === undefined ? whole : [...whole, ...start];
    if (word.length >= SUFFIX_MIN_WORD) {
      found = addSuffixes(found, shortSuffixes, word);
      const bySuffix = suffixes.get(suffixKey(word));
      if (bySuffix !== undefined) found = addSuffixes(found, bySuffix, word);
    }
    candidates[i] = found;
    if (found === undefined) continue;
    for (const pattern of found) {
      const list = (starts[pattern.owner] ??= []);
      if (list[list.length - 1] !== i) list.push(i);
    }
  }
  const result = { words, owners, candidates, starts };
  if (Object.isFrozen(words) && scans.unshift(result) > RECENT_SCANS) scans.pop();
  return result;
}

/** A new list when a suffix matches, as candidate lists are shared with the index. */
function addSuffixes(found: Pattern[] | undefined, patterns: readonly Pattern[], word: string): Pattern[] | undefined {
  for (const pattern of patterns)
    if (word.length > pattern.suffix!.length && word.endsWith(pattern.suffix!)) found = [...(found ?? []), pattern];
  return found;
}

export class TermMatcher<T> {
  private readonly owner = owners++;

  constructor(entries: Iterable<readonly [term: string, value: T]>) {
    for (const [term, value] of entries) this.add(term, value);
  }

  private add(term: string, value: T): void {
    const raw = term.split(' ');
    if (raw.length === 1 && raw[0]!.startsWith('*')) {
      const suffix = raw[0]!.slice(1);
      const pattern: Pattern = { owner: this.owner, suffix, parts: [], value };
      if (suffix.length < PREFIX_KEY) shortSuffixes.push(pattern);
      else suffixes.set(suffixKey(suffix), [...(suffixes.get(suffixKey(suffix)) ?? []), pattern]);
      return;
    }
    const parts = raw.map((word) => ({ text: word.replace(/\*$/, ''), prefix: word.endsWith('*') }));
    const pattern: Pattern = { owner: this.owner, suffix: null, parts, value };
    const head = parts[0]!;
    if (head.prefix) {
      const key = prefixKey(head.text.slice(0, PREFIX_KEY));
      prefixed.set(key, [...(prefixed.get(key) ?? []), pattern]);
      prefixStarts[startIndex(head.text)] = 1;
    } else {
      exact.set(head.text, [...(exact.get(head.text) ?? []), pattern]);
    }
  }

  /** Every match starting at each token; longer terms first, so callers can skip what they cover. */
  matchAll(words: readonly string[]): Match<T>[] {
    const { candidates, starts } = scan(words);
    const found: Match<T>[] = [];
    const mine = starts[this.owner];
    if (mine === undefined) return found;
    for (let k = 0; k < mine.length; k += 1) {
      const i = mine[k]!;
      const patterns = candidates[i]!;
      let best: Match<T> | null = null;
      let bySuffix: Pattern | null = null;
      for (const pattern of patterns) {
        if (pattern.owner !== this.owner) continue;
        if (pattern.suffix !== null) {
          bySuffix ??= pattern;
          continue;
        }
        const end = matchAt(pattern.parts, words, i);
        if (end > 0 && (best === null || end > best.end)) best = { start: i, end, value: pattern.value as T };
      }
      if (best === null && bySuffix !== null) best = { start: i, end: i + 1, value: bySuffix.value as T };
      if (best) found.push(best);
    }
    return found;
  }

  /** True when any term occurs in the words. */
  test(words: readonly string[]): boolean {
    return this.matchAll(words).length > 0;
  }
}

function matchAt(parts: readonly Part[], words: readonly string[], start: number): number {
  if (start + parts.length > words.length) return 0;
  for (let k = 0; k < parts.length; k += 1) {
    const part = parts[k]!;
    const word = words[start + k]!;
    if (part.prefix ? !word.startsWith(part.text) : word !== part.text) return 0;
  }
  return start + parts.length;
}
