/**
 * Words of mail that is not an offer of supplies: spam (phishing, lottery, crypto, pills, SEO) and
 * unrelated mail (job applications, newsletters, sales of goods nobody in a crisis team asked for).
 * Kept as data beside the product lexicon; terms use its syntax. Weights add up per message.
 */

export type UnwantedKind = 'spam' | 'unrelated';

export interface UnwantedTerm {
  kind: UnwantedKind;
  weight: number;
  label: string;
}

const table: ReadonlyArray<readonly [UnwantedKind, string, number, readonly string[]]> = [
  ['spam', 'pills', 3, ['viagra', 'cialis', 'levitra', 'erectile', 'online pharmacy', 'pharmacy online', 'weight loss', 'diet pills']],
  ['spam', 'lottery', 3, ['lottery', 'loterij', 'jackpot', 'you have won', 'u heeft gewonnen', 'je hebt gewonnen', 'prize winner', 'winning notification', 'claim your prize', 'casino', 'free spins']],
  ['spam', 'crypto', 3, ['bitcoin', 'crypto*', 'forex', 'investment opportunity', 'guaranteed return*', 'trading robot', 'btc']],
  ['spam', 'phishing', 3, ['verify your account', 'account suspended', 'password expire*', 'mailbox is full', 'mailbox quota', 'wachtwoord verloopt', 'uw account is geblokkeerd', 'bevestig uw account', 'confirm your identity', 'unusual sign in activity', 'update your payment', 'login to restore']],
  ['spam', 'phishing', 1.5, ['click here', 'klik hier', 'click the link below', 'log in here']],
  ['spam', 'advance fee', 3, ['next of kin', 'beneficiary', 'inheritance', 'western union', 'wire transfer', 'barrister', 'compensation fund', 'million dollars', 'consignment box']],
  ['spam', 'dating', 3, ['dating', 'singles', 'hot girls', 'lonely']],
  ['spam', 'SEO offer', 3, ['seo', 'search engine optimi*', 'first page of google', 'backlink*', 'google ranking', 'page rank', 'website traffic', 'zoekmachineoptimalisatie']],
  ['unrelated', 'job application', 3, ['sollicitatie', 'solliciteer', 'solliciteren', 'sollicitatiebrief', 'curriculum vitae', 'cv', 'vacature', 'open application', 'job application', 'application for the position', 'internship', 'stageplaats', 'stage aanvraag', 'motivation letter', 'motivatiebrief', 'my resume', 'mijn cv']],
  ['unrelated', 'newsletter', 2, ['nieuwsbrief', 'newsletter', 'webinar', 'view in browser', 'bekijk in je browser', 'bekijk deze e mail in uw browser', 'view this email in your browser']],
  ['unrelated', 'newsletter', 1.5, ['unsubscribe', 'afmelden', 'uitschrijven', 'manage preferences', 'email preferences']],
  ['unrelated', 'unrelated sales', 2, ['office furniture', 'kantoormeubilair', 'kantoormeubel*', 'toner', 'cartridges', 'printer ink', 'zonnepanelen', 'solar panels', 'car lease', 'autolease', 'webdesign', 'web design', 'website design', 'lead generation', 'email list', 'marketing campaign', 'wijn', 'wine', 'holiday', 'vakantie', 'cruise', 'timeshare', 'loan offer', 'lening', 'mortgage', 'hypotheek', 'insurance quote', 'app development', 'logo design', 'furniture']],
  ['unrelated', 'sales language', 1, ['discount', 'korting', 'limited time', 'special offer', 'black friday', 'sale', 'uitverkoop', 'best price', 'free trial']],
];

export const UNWANTED_TERMS: ReadonlyArray<readonly [string, UnwantedTerm]> = table.flatMap(([kind, label, weight, terms]) =>
  terms.map((term) => [term, { kind, weight, label }] as const),
);

/** Words that tie a mail to the crisis or to an offer of help: with any of them, never call it unrelated. */
export const CRISIS_TERMS: readonly string[] = [
  'corona*', 'covid*', 'crisis', 'pandemi*', 'zorg', 'zorginstelling*', 'ziekenhui*', 'hospital*', 'medical',
  'medisch*', 'ppe', 'pbm', 'beschermingsmiddel*', 'hulpmiddel*', 'ministerie', 'ministry', 'rivm', 'lcph',
  'consortium', 'helpen', 'help', 'bijdragen', 'contribute', 'capaciteit', 'capacity', 'productie*', 'production',
  'produce', 'produceren', 'leveren', 'supply', 'aanbod', 'ic', 'icu', 'patient*', 'healthcare', 'gezondheidszorg',
  'virus',
];

/** Labels that make a mail unrelated on their own, even when it speaks of the crisis ("vrijwilliger in de zorg"). */
export const SELF_SUFFICIENT: ReadonlySet<string> = new Set(['job application', 'newsletter']);
