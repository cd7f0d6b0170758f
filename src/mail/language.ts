import type { Language } from '../core/types.js';
import { tokenizedJoin } from '../triage/tokens.js';

/**
 * Dutch or English by counting frequent function words: microseconds per message, and reliable on the
 * few sentences an offer has. Ties go to Dutch, the team's default and the language of most senders. Mail
 * mostly in German gets English: the team writes only Dutch and English, and a German supplier reads
 * English more surely than Dutch.
 */

const NL = new Set(
  ('de het een en van ik je jij u uw we wij zij is zijn niet met voor op aan te dat die dit deze er ook maar ' +
    'naar bij om als wat wordt worden kunnen kan wil willen graag hebben heeft onze ons zou zouden nog geen ' +
    'hierbij bedankt groet groeten vriendelijke met mvg beste geachte heer mevrouw alvast per stuks levering ' +
    'aanbod voorraad beschikbaar leveren').split(' '),
);
const EN = new Set(
  ('the a an and of i you your we our they is are not with for on at to that this these there also but ' +
    'from by as what be been can could would will have has no any please thanks thank regards kind best ' +
    'dear sir madam hereby offer supply delivery pieces per in stock available').split(' '),
);
// Only words Dutch and English do not use: no "die", "der" ("van der Berg"), "werden", "noch", "stuck".
const DE = new Set(
  ('und das wir ist nicht mit fur auf sie ihnen ihre ich sehr geehrte geehrter freundlichen bitte vielen ' +
    'bieten eine einen einem oder auch konnen wurde haben sind zur zum vom dass damen herren unsere unser ' +
    'lieferung sofort').split(' '),
);
/** about the first 20,000 characters: plenty to decide, and a pasted catalogue adds nothing */
const SAMPLE_WORDS = 4_000;
/** the subject and the opening sentences, counted twice */
const LEADING_WORDS = 60;

/**
 * Reads the words the classifier reads (triage/tokens.ts keeps the last few texts it split), so the body is
 * split once for language, lexicon, model and spam markers alike.
 */
export function detectLanguage(text: string, subject?: string | null): Language {
  const { words } = tokenizedJoin(subject ?? '', text);
  let nl = 0;
  let en = 0;
  let de = 0;
  for (let i = 0; i < words.length && i < SAMPLE_WORDS; i += 1) {
    const word = words[i]!;
    // A bilingual mail ("Dank voor uw bericht ... Thank you for your message") leads with its main language.
    const weight = i < LEADING_WORDS ? 2 : 1;
    if (NL.has(word)) nl += weight;
    if (EN.has(word)) en += weight;
    if (DE.has(word)) de += weight;
  }
  return en > nl || (de > nl && de > en) ? 'en' : 'nl';
}
