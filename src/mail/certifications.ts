import { isNegated } from './extract-negation.js';

/**
 * Certifications and standards named in an offer, normalised ("EN 14683 type IIR", "EN 149 FFP2", "ISO
 * 13485"), deduplicated, in order of first mention. A generic mention ("EN 149") is dropped when a
 * specific one of the same standard ("EN 149 FFP2") is present. Denied or pending ones ("geen CE", "CE
 * pending", "FDA in aanvraag") are left out: reviewers must not read a promise as a certificate.
 */

interface Pattern {
  regex: RegExp;
  name: (m: RegExpExecArray) => string;
  /**
   * Strings of which every match contains one (lower case when `caseless`, letters without exotic case
   * folds): most offers name few standards, so most patterns need not run at all.
   */
  needs: string[];
  caseless?: boolean;
}

/** Case-sensitive: a lower-case "en" is Dutch for "and" ("500 maskers en 149 schorten"). */
const EN = '(?<![\\p{L}\\p{N}])(?:(?:NEN|DIN|BS)[\\s-]?)?EN[\\s-]?(?:ISO[\\s-]?)?';
const YEAR = '(?::\\s?\\d{4}(?:\\s?\\+\\s?(?:A\\d|AC)(?::\\s?\\d{4})?)*)?';

const PATTERNS: Pattern[] = [
  {
    regex: new RegExp(
      `${EN}14683${YEAR}(?![\\p{N}])(?:[\\s,(\\-]{0,4}(?:(?:[Tt]ype?|TYPE?)\\s*[:.]?\\s*(IIR|II\\s?R|II|I|2R|2|1)|(IIR))(?![\\p{L}\\p{N}]))?`,
      'gu',
    ),
    name: (m) => {
      const type = m[1] ?? m[2];
      return type ? `EN 14683 type ${romanType(type)}` : 'EN 14683';
    },
    needs: ['14683'],
  },
  {
    regex: /(?<![\p{L}\p{N}])type\s?II\s?R(?![\p{L}\p{N}])/giu,
    name: () => 'EN 14683 type IIR',
    needs: ['type'],
    caseless: true,
  },
  {
    regex: new RegExp(`${EN}149${YEAR}(?![\\p{N}])(?:[\\s,(\\-]{0,4}(?:FFP|ffp)\\s?-?([123])(?![\\p{N}]))?`, 'gu'),
    name: (m) => (m[1] ? `EN 149 FFP${m[1]}` : 'EN 149'),
    needs: ['149'],
  },
  { regex: /(?<![\p{L}\p{N}])FFP\s?-?([123])(?![\p{N}])/giu, name: (m) => `EN 149 FFP${m[1] ?? ''}`, needs: ['ffp'], caseless: true },
  { regex: /(?<![\p{L}\p{N}])KN\s?-?95(?![\p{N}])/giu, name: () => 'KN95', needs: ['95'] },
  { regex: /(?<![\p{L}\p{N}])N\s?-?95(?![\p{N}])/gu, name: () => 'N95', needs: ['95'] },
  { regex: new RegExp(`${EN}(13795|14126|455|166|374)(?![\\p{N}])`, 'gu'), name: (m) => `EN ${m[1] ?? ''}`, needs: ['EN'] },
  {
    regex: /(?<![\p{L}\p{N}])(?:(?:NEN[\s-]?)?EN[\s-]?)?ISO[\s-]?(13485|9001)(?![\p{N}])/giu,
    name: (m) => `ISO ${m[1] ?? ''}`,
    needs: ['13485', '9001'],
  },
  { regex: /(?<![\p{L}\p{N}])CE[\s/-]?IVDD?(?![\p{L}])/gu, name: () => 'CE IVD', needs: ['IVD'] },
  { regex: /(?<![\p{L}\p{N}])IVDD(?![\p{L}])/gu, name: () => 'IVDD', needs: ['IVDD'] },
  // Upper case only: "ce" is a French and Italian word; CE before IVD is the CE IVD mark above.
  { regex: /(?<![\p{L}\p{N}])CE(?![\p{L}\p{N}])(?![\s/-]?IVD)/gu, name: () => 'CE', needs: ['CE'] },
  { regex: /(?<![\p{L}\p{N}])FDA(?![\p{L}])/gu, name: () => 'FDA', needs: ['FDA'] },
  { regex: /(?<![\p{L}\p{N}])NIOSH(?![\p{L}])/giu, name: () => 'NIOSH', needs: ['nio'], caseless: true },
];

const PENDING =
  /^[^.\n;]{0,30}?\b(?:pending|aangevraagd|in\s+aanvraag|in\s+progress|applied\s+for|in\s+behandeling|expected|verwacht|wordt\s+aangevraagd|under\s+review)\b/iy;

/** Mentions of one pattern looked at; the first few settle whether and where a certification is named. */
const MAX_MENTIONS = 50;

export function findCertifications(text: string): string[] {
  const found: { at: number; name: string }[] = [];
  let lower: string | null = null;
  for (const { regex, name, needs, caseless } of PATTERNS) {
    const haystack = caseless ? (lower ??= text.toLowerCase()) : text;
    if (!needs.some((n) => haystack.includes(n))) continue;
    const accepted = new Set<string>();
    regex.lastIndex = 0;
    let mentions = 0;
    for (let m = regex.exec(text); m && mentions < MAX_MENTIONS; m = regex.exec(text)) {
      mentions++;
      const certification = name(m);
      if (accepted.has(certification)) continue;
      if (isNegated(text, m.index) || isPending(text, m.index + m[0].length)) continue;
      accepted.add(certification);
      found.push({ at: m.index, name: certification });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const names = [...new Set(found.map((f) => f.name))];
  return names.filter((n) => !names.some((other) => other !== n && other.startsWith(`${n} `)));
}

function isPending(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  PENDING.lastIndex = 0;
  return PENDING.test(after);
}

/** "2R" and "II R" are written for type IIR; digits for the Roman numerals the standard uses. */
function romanType(written: string): string {
  const compact = written.toUpperCase().replace(/\s+/g, '');
  return ({ '1': 'I', '2': 'II', '2R': 'IIR' } as Record<string, string>)[compact] ?? compact;
}
