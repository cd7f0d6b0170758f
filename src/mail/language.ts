import type { Language } from '../core/types.js';

/**
 * Dutch or English by counting frequent function words: microseconds per message, and reliable on the
 * few sentences an offer has. Ties go to Dutch, the team's default and the language of most senders.
 */

const NL = new Set(
  ('de het een en van ik je jij u uw we wij zij is zijn niet met voor op aan te dat die dit deze er ook maar ' +
    'naar bij om als wat wordt worden kunnen kan wil willen graag hebben heeft onze ons zou zouden nog geen ' +
    'hierbij bedankt groet groeten vriendelijke met mvg beste geachte heer mevrouw alvast per stuks levering').split(' '),
);
const EN = new Set(
  ('the a an and of i you your we our they is are not with for on at to that this these there also but ' +
    'from by as what be been can could would will have has no any please thanks thank regards kind best ' +
    'dear sir madam hereby offer supply delivery pieces per week in stock available').split(' '),
);
const SAMPLE_CHARS = 20_000;

export function detectLanguage(text: string, subject?: string | null): Language {
  const sample = `${subject ?? ''} ${text.slice(0, SAMPLE_CHARS)}`.toLowerCase();
  let nl = 0;
  let en = 0;
  for (const word of sample.match(/[a-zà-ÿ]+/g) ?? []) {
    if (NL.has(word)) nl++;
    if (EN.has(word)) en++;
  }
  return en > nl ? 'en' : 'nl';
}
