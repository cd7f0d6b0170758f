import type { Address, Contact } from '../core/types.js';
import { emailDomain, nameMatchesDomain, organisationFromDomain } from './extract-domain.js';
import type { Signature } from './extract-signature.js';

/**
 * Who the company contact is: the address from the forward header (or the signature), the person's name
 * and the organisation. Each source is tried from most to least reliable; organisation stays null rather
 * than guessed, because reviewers and dedupe trust it.
 */

const LEGAL_FORM =
  /(?:^|[\s,(])(?:B\.\s?V\.?|BV|N\.\s?V\.?|NV|GmbH|Ltd\.?|Limited|Inc\.?|LLC|Holding|V\.O\.F\.?|VOF|C\.V\.|S\.A\.|SARL|S\.r\.l\.|AG|KG|BVBA|B\.V\.B\.A\.|Corp\.?|Corporation|PLC|Oy|A\/S|ApS|Co\.,?\s?Ltd\.?|Lda\.?|S\.L\.|S\.p\.A\.|SpA|SAS|S\.A\.S\.|Pty\.?\s?Ltd\.?|Pte\.?\s?Ltd\.?|UG|e\.K\.)(?=$|[\s,.)])/;

const JOB_TITLE =
  /\b(?:directeur|director|manager|ceo|cto|coo|cfo|cco|cso|cmo|owner|eigenaar|founder|co-founder|oprichter|sales|verkoop|inkoop|purchas\w*|procurement|account|commercieel|commercial|engineer|consultant|adviseur|advisor|partner|medewerker|officer|head|hoofd|lead|coordinator|co[öo]rdinator|bedrijfsleider|managing|general|algemeen|president|vice|vp|specialist|assistant|assistent|secretar\w*|business|development|marketing|operations|logistiek|logistics|export|import|support|projectleider|project|product|quality|kwaliteit|inside|buyer|trader|agent|representative|vertegenwoordiger)\b/i;

/** Mailbox and team names that are not a person. */
const ROLE_NAME =
  /^(?:info|sales|verkoop|inkoop|office|admin|administratie|support|contact|team|service|klantenservice|customer\s+service|directie|management|receptie|reception|orders?|mail|noreply|no-reply)\b/i;

const NAME_PARTICLE = /^(?:van|von|de|der|den|het|ter|ten|te|in|op|la|le|du|da|dos|vd|v\.d\.|'t)$/i;
const NAME_WORD =
  /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}{2,}|(?:[Ii]r|[Ii]ng|[Dd]rs?|[Mm]r|[Pp]rof|[Dd]hr|[Mm]w|[Mm]evr)\.?)$/u;

/** Words that make a capitalised line read as a business rather than an address or a slogan. */
const BUSINESS_WORD =
  /\b(?:group|groep|medical|medisch|industries|industrie|solutions|company|international|nederland|netherlands|benelux|europe|textiles?|textiel|trading|supplies|supply|products|technologies|technology|systems|services|manufacturing|fabriek|packaging|healthcare|pharma|labs?|laboratories)\b/i;

/** `earlier`: the signature of the sender's own earlier message in a quoted thread (own-history.ts), if any. */
export function extractSender(from: Address | null, signature: Signature, earlier?: Signature | null): Contact | null {
  const email = from?.email.toLowerCase() ?? emailInSignature(signature);
  if (!email) return null;
  const domain = emailDomain(email);
  const display = parseDisplayName(from?.name ?? null, domain);
  const sigName = nameFromSignature(signature);
  const earlierName = earlier ? nameFromSignature(earlier) : null;
  const organisation =
    organisationFromSignature(signature, sigName, domain) ??
    display.organisation ??
    (earlier ? organisationFromSignature(earlier, earlierName, domain) : null) ??
    (domain ? organisationFromDomain(domain) : null);
  return { email, name: display.name ?? sigName?.name ?? earlierName?.name ?? null, organisation };
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])/i;

function emailInSignature(signature: Signature): string | null {
  for (const line of signature.lines) {
    const match = EMAIL.exec(line);
    if (match) return match[0].toLowerCase();
  }
  return null;
}

interface DisplayParts {
  name: string | null;
  organisation: string | null;
}

/** "Jan Jansen | Acme B.V.", "Jan Jansen (Acme)", "Acme via Exact", "Jansen, Jan", "Acme Medical B.V." */
export function parseDisplayName(raw: string | null, domain: string | null): DisplayParts {
  const display = (raw ?? '').replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ');
  if (display.length === 0 || display.includes('@')) return { name: null, organisation: null };

  const split =
    /^(.+?)\s*[|/–—]\s*(.+)$/.exec(display) ??
    /^(.+?)\s+-\s+(.+)$/.exec(display) ??
    /^(.+?)\s*\((.+)\)$/.exec(display) ??
    /^(.+?)\s*\[(.+)\]$/.exec(display);
  if (split) {
    const [left, right] = [split[1] ?? '', split[2] ?? ''];
    const person = isPersonName(left) ? left : null;
    const company = looksLikeCompany(right, domain) || (person !== null && isCompanyShaped(right)) ? right : null;
    if (person !== null || company !== null) return { name: person, organisation: company };
  }

  const via = /^(.+?)\s+via\s+.+$/i.exec(display);
  if (via) {
    const subject = via[1] ?? '';
    if (isPersonName(subject)) return { name: subject, organisation: null };
    return { name: null, organisation: looksLikeCompany(subject, domain) || isCompanyShaped(subject) ? subject : null };
  }
  if (looksLikeCompany(display, domain)) return { name: null, organisation: display };

  const comma = /^([^,]+),\s*([^,]+)$/.exec(display);
  const reordered = comma ? `${comma[2]} ${comma[1]}` : display;
  return { name: isPersonName(reordered) || isSingleName(reordered) ? reordered : null, organisation: null };
}

function looksLikeCompany(value: string, domain: string | null): boolean {
  return LEGAL_FORM.test(value) || (domain !== null && nameMatchesDomain(value, domain));
}

function isSingleName(value: string): boolean {
  return NAME_WORD.test(value) && !ROLE_NAME.test(value) && value.length >= 2 && !/\./.test(value);
}

/** Two to five capitalised words or initials with optional particles: "Jan-Willem van der Berg", "J.P. Smit". */
export function isPersonName(value: string): boolean {
  if (value.length > 50 || /[\d@:/]/.test(value) || ROLE_NAME.test(value)) return false;
  if (LEGAL_FORM.test(value) || JOB_TITLE.test(value) || BUSINESS_WORD.test(value)) return false;
  const words = value.split(' ').filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NAME_PARTICLE.test(word)) continue;
    if (!NAME_WORD.test(word)) return false;
    if (/\p{Ll}/u.test(word)) capitalised++;
  }
  const last = words[words.length - 1] ?? '';
  return capitalised >= 1 && !NAME_PARTICLE.test(last);
}

interface SignatureName {
  name: string;
  /** index of the line holding the name */
  line: number;
}

/** Signature lines fall apart at bars, spaced dashes and commas, but not the comma of "Co., Ltd.". */
const SEGMENT = /\s*[|•·]\s*|\s+[-–—]\s+|,\s+(?!(?:Ltd|Inc|LLC|Limited)\b)/;

function segments(line: string): string[] {
  return line
    .split(SEGMENT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The person's name in the signature. After a closing phrase it is one of the first lines, maybe with a
 * function beside it ("Jan Jansen | Directeur"); in an unmarked tail only a line that is a name and
 * nothing else counts, since body sentences stand there too.
 */
function nameFromSignature(signature: Signature): SignatureName | null {
  const { lines, marked } = signature;
  const last = marked ? Math.min(lines.length, 4) : lines.length;
  for (let i = 0; i < last; i++) {
    const line = lines[i] ?? '';
    const head = marked ? (segments(line)[0] ?? '') : line;
    if (isPersonName(head)) return { name: head, line: i };
  }
  return null;
}

function organisationFromSignature(
  signature: Signature,
  name: SignatureName | null,
  domain: string | null,
): string | null {
  const lines = signature.lines.slice(0, 12);
  for (const line of lines) {
    const found = organisationInLine(line);
    if (found) return found;
  }
  if (!name) return null;
  // Beside the name, on the line after it, or after the function line ("Founder, AdditiveWorks"); trusted
  // only when it matches the sender's domain or reads like a business.
  for (let i = name.line; i <= name.line + 2 && i < lines.length; i++) {
    const parts = segments(lines[i] ?? '').filter((part) => part !== name.name && !JOB_TITLE.test(part));
    const candidate = parts[0];
    if (candidate === undefined) continue;
    if (
      isCompanyShaped(candidate) &&
      ((domain !== null && nameMatchesDomain(candidate, domain)) || BUSINESS_WORD.test(candidate))
    ) {
      return candidate;
    }
    if (i > name.line) return null;
  }
  return null;
}

/** The segment holding a legal form: "Acme B.V." from "CTO, Acme B.V. | Hoofdstraat 1 | Delft". */
function organisationInLine(line: string): string | null {
  if (!LEGAL_FORM.test(line)) return null;
  for (const segment of segments(line)) {
    const match = LEGAL_FORM.exec(segment);
    if (!match) continue;
    const words = segment.replace(/[,;:]$/, '').split(/\s+/);
    while (words.length > 1 && JOB_TITLE.test(words[0] ?? '') && !LEGAL_FORM.test(` ${words[0] ?? ''}`)) words.shift();
    const trimmed = words.join(' ');
    if (words.length <= 6 && !/@|www\.|https?:/i.test(trimmed)) return trimmed;
    // A sentence such as a disclaimer: keep only the capitalised words right before the legal form.
    const before = segment.slice(0, match.index).trimEnd().split(/\s+/);
    const run: string[] = [];
    for (let i = before.length - 1; i >= 0 && run.length < 4; i--) {
      const word = before[i] ?? '';
      if (!/^[\p{Lu}\d&][\p{L}\d&'.-]*$/u.test(word)) break;
      run.unshift(word);
    }
    if (run.length === 0) continue;
    return `${run.join(' ')} ${match[0].replace(/^[\s,(]/, '')}`.trim();
  }
  return null;
}

/** Parenthesised words in display names that are not a company. */
const NOT_COMPANY =
  /^(?:extern|external|gast|guest|priv[ée]|private|thuis|home|mobiel|mobile|werk|work|kantoor|office)$/iu;

function isCompanyShaped(value: string): boolean {
  if (value.length < 3 || NOT_COMPANY.test(value) || value.length > 50 || /[\d@:/]|www\./i.test(value)) return false;
  if (JOB_TITLE.test(value) || ROLE_NAME.test(value)) return false;
  const words = value.split(/\s+/);
  return (
    words.length <= 5 &&
    words.every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(?:en|and|of|the|de|der|den|het|van|voor|'t|la|le|du|&)$/i.test(w))
  );
}
