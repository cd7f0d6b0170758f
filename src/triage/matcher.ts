/**
 * Matches lexicon-style terms (see lexicon.ts for the syntax) against a token list in one pass, indexed by
 * the first word so a document costs O(tokens), not O(tokens × terms): the 4 µs budget of a keyword regex.
 */

interface Pattern<T> {
  parts: ReadonlyArray<{ text: string; prefix: boolean }>;
  value: T;
}

export interface Match<T> {
  start: number;
  /** index after the last matched token */
  end: number;
  value: T;
}

const PREFIX_KEY = 3;

/**
 * The first PREFIX_KEY characters of a word as a number: slicing a string per token per matcher allocated
 * and hashed a new string each time. Characters past 10 bits may collide, which only adds candidates that
 * matchAt then rejects.
 */
function prefixKey(word: string): number {
  return ((word.charCodeAt(0) & 0x3ff) << 20) | ((word.charCodeAt(1) & 0x3ff) << 10) | (word.charCodeAt(2) & 0x3ff);
}

export class TermMatcher<T> {
  private readonly exact = new Map<string, Pattern<T>[]>();
  private readonly prefixed = new Map<number, Pattern<T>[]>();
  private readonly suffixes: Array<{ suffix: string; value: T }> = [];

  constructor(entries: Iterable<readonly [term: string, value: T]>) {
    for (const [term, value] of entries) this.add(term, value);
  }

  private add(term: string, value: T): void {
    const raw = term.split(' ');
    if (raw.length === 1 && raw[0]!.startsWith('*')) {
      this.suffixes.push({ suffix: raw[0]!.slice(1), value });
      return;
    }
    const parts = raw.map((word) => ({ text: word.replace(/\*$/, ''), prefix: word.endsWith('*') }));
    const head = parts[0]!;
    if (head.prefix) {
      const key = prefixKey(head.text.slice(0, PREFIX_KEY));
      this.prefixed.set(key, [...(this.prefixed.get(key) ?? []), { parts, value }]);
    } else {
      this.exact.set(head.text, [...(this.exact.get(head.text) ?? []), { parts, value }]);
    }
  }

  /** Every match starting at each token; longer terms first, so callers can skip what they cover. */
  matchAll(words: readonly string[]): Match<T>[] {
    const found: Match<T>[] = [];
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i]!;
      let best = longest(this.exact.get(word), words, i, null);
      if (this.prefixed.size > 0) best = longest(this.prefixed.get(prefixKey(word)), words, i, best);
      if (best === null && word.length > 6) {
        for (const { suffix, value } of this.suffixes)
          if (word.length > suffix.length && word.endsWith(suffix)) {
            best = { start: i, end: i + 1, value };
            break;
          }
      }
      if (best) found.push(best);
    }
    return found;
  }

  /** True when any term occurs in the words. */
  test(words: readonly string[]): boolean {
    return this.matchAll(words).length > 0;
  }
}

function longest<T>(
  patterns: Pattern<T>[] | undefined,
  words: readonly string[],
  start: number,
  best: Match<T> | null,
): Match<T> | null {
  if (patterns === undefined) return best;
  for (const pattern of patterns) {
    const end = matchAt(pattern, words, start);
    if (end > 0 && (best === null || end > best.end)) best = { start, end, value: pattern.value };
  }
  return best;
}

function matchAt<T>(pattern: Pattern<T>, words: readonly string[], start: number): number {
  const { parts } = pattern;
  if (start + parts.length > words.length) return 0;
  for (let k = 0; k < parts.length; k += 1) {
    const part = parts[k]!;
    const word = words[start + k]!;
    if (part.prefix ? !word.startsWith(part.text) : word !== part.text) return 0;
  }
  return start + parts.length;
}
