import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/types.js';
import { classify } from '../../src/triage/classify.js';
import { detectUnwanted } from '../../src/triage/spam.js';

function check(subject: string, text: string, language: Language = 'en', from: string | null = null) {
  const classification = classify({ subject, text, forwarderNote: null, attachmentNames: [], language });
  return detectUnwanted({ subject, text, from: from ? { email: from, name: null } : null, classification });
}

describe('detectUnwanted', () => {
  it.each<[string, string, Language]>([
    ['Cheap Viagra', 'Buy viagra and cialis online, best price, click here.', 'en'],
    ['Congratulations!', 'You have won the lottery! Claim your prize by sending your bank details.', 'en'],
    ['Investment', 'Double your bitcoin with our crypto trading robot. Guaranteed returns.', 'en'],
    ['Uw mailbox is bijna vol', 'Uw mailbox heeft de opslaglimiet bereikt. Verifieer uw account via de link.', 'nl'],
    ['SEO', 'We can get your website on the first page of Google with our SEO backlinks package.', 'en'],
    [
      'Meer klanten via Google?',
      'Uw website staat niet op de eerste pagina van Google. Wij zorgen voor een top-3 positie. Vraag een gratis analyse aan.',
      'nl',
    ],
    ['Boost your rankings', 'We can get your website to a top-3 position on Google in 30 days. Free audit.', 'en'],
    ['Urgent', 'I am a barrister; my late client left an inheritance and you are the next of kin.', 'en'],
  ])('spam: %s', (subject, text, language) => {
    expect(check(subject, text, language)?.kind).toBe('spam');
  });

  it.each<[string, string, Language]>([
    ['Sollicitatie', 'Hierbij solliciteer ik naar de vacature van projectmedewerker. Mijn cv zit in de bijlage.', 'nl'],
    ['Open application', 'Please find my curriculum vitae attached for an open application.', 'en'],
    ['Nieuwsbrief april', 'Lees onze nieuwsbrief over de nieuwste trends. Afmelden? Klik op uitschrijven.', 'nl'],
    [
      'Factuur 2020-0412',
      'In de bijlage vindt u de factuur voor de lunches. Wij verzoeken u het bedrag over te maken.',
      'nl',
    ],
    ['Persvraag', 'Ik ben journalist en werk aan een artikel over de inkoop van mondkapjes. Kunt u mij bellen?', 'nl'],
    [
      'Lunch vrijdag?',
      'Zullen we vrijdag samen lunchen? Even bijpraten buiten de mondkapjes en beademingsapparaten om.',
      'nl',
    ],
    ['Office furniture sale', 'Special offer: office furniture with 40% discount, limited time.', 'en'],
  ])('unrelated: %s', (subject, text, language) => {
    expect(check(subject, text, language)?.kind).toBe('unrelated');
  });

  it.each<[string, string, Language]>([
    ['Aanbod mondkapjes', 'Wij kunnen 200.000 FFP2 mondkapjes per week leveren.', 'nl'],
    ['Hulp', 'Wij hebben productiecapaciteit over en willen graag helpen. Hoe kunnen wij bijdragen?', 'nl'],
    ['Offer', 'We have a workshop with 30 staff standing idle. What can we do?', 'en'],
    // spammy wording, real offer: reviewed, never ignored
    [
      'Special offer FFP2',
      'Special offer: we can supply 100,000 FFP2 masks per week, best price, click here for the datasheet.',
      'en',
    ],
    [
      'Nieuwsbrief',
      'In deze nieuwsbrief: wij kunnen nu 50.000 isolatiejassen per week leveren. Afmelden kan onderaan.',
      'nl',
    ],
    ['Artikel', 'Ik las uw artikel over het tekort; wij kunnen 20.000 schorten per week maken.', 'nl'],
  ])('not unwanted: %s', (subject, text, language) => {
    expect(check(subject, text, language)).toBeNull();
  });

  it('says why', () => {
    expect(
      check('Sollicitatie', 'Hierbij solliciteer ik naar de vacature. Mijn cv zit in de bijlage.', 'nl')?.reason,
    ).toMatch(/^no offer of supplies: job application/);
  });
});

describe('detectUnwanted: people who want to buy', () => {
  // Bug: a citizen asking where to buy masks for her mother was routed as a mask offer (even referred on as
  // stock, for "hebben jullie nog iets op voorraad?").
  it('regression: a purchase request names the products but offers nothing', () => {
    const asked = check(
      'mondkapjes voor mijn moeder',
      'Mijn moeder (84) krijgt thuiszorg. Waar kan ik als particulier mondkapjes kopen? Overal is het uitverkocht. ' +
        'Hebben jullie nog iets op voorraad? Ik betaal er graag voor.',
      'nl',
    );
    expect(asked?.kind).toBe('unrelated');
    expect(asked?.reason).toMatch(/purchase request/);
  });

  it('leaves a company offer that asks where to send it alone', () => {
    expect(
      check('Aanbod', 'Wij kunnen 20.000 mondkapjes per week leveren. Waar kan ik dit aanbod het beste indienen?', 'nl'),
    ).toBeNull();
  });
});

describe('detectUnwanted: test results', () => {
  // Bug: phishing that pretends to hold a patient's COVID-19 test result was queued as an offer of tests:
  // "Your COVID-19 test result is now available" read as tests on offer.
  it('regression: a pending test result behind a login is phishing, not an offer of tests', () => {
    const phishing = check(
      'Your COVID-19 test result is available - action required',
      'Dear patient,\n\nYour COVID-19 test result is now available in the secure portal. Please verify your identity within 24 hours to view your result.',
    );
    expect(phishing?.kind).toBe('spam');
    expect(check('Antigen rapid tests', 'We have 40,000 COVID-19 rapid tests available from stock, test report attached.')).toBeNull();
  });
});

describe('detectUnwanted: a citizen asking where to buy', () => {
  // Bug: "Weet u waar ik mondkapjes kan kopen voor de thuiszorg?" from a son worried about his mother was queued.
  it('regression: asking where one can buy masks is a purchase request', () => {
    const text =
      'Mijn moeder krijgt elke dag thuiszorg en de verzorgsters hebben geen mondkapjes. Weet u waar ik mondkapjes kan kopen voor de thuiszorg?';
    expect(check('vraag mondkapjes voor thuiszorg moeder', text, 'nl')?.kind).toBe('unrelated');
  });
});

describe('detectUnwanted: payment in crypto (blind set q)', () => {
  // Bug: "KN95 mask USD 0.15 ... Ready stock ... Payment ONLY by Bitcoin (BTC) or USDT, BTC wallet: ..." was
  // referred to the ministry: a product plainly offered outweighed every spam marker.
  it('regression: goods to be paid in crypto to a wallet are a scam, however plainly offered', () => {
    const scam =
      'KN95 mask USD 0.15, nitrile glove USD 0.01. MOQ 10000 pcs. Ready stock, ship in 24 hours by DHL!!! ' +
      'Payment ONLY by Bitcoin (BTC) or USDT (TRC20). BTC wallet: bc1q7x3kz9d0u5ftm2wq8yrl4hn6cvp0gj3s5ea2lk';
    expect(check('PPE CHEAP FROM CHINA!!! 90% OFF masks gloves - pay Bitcoin', scam)?.kind).toBe('spam');
    expect(check('FFP2 masks', 'We have 200,000 FFP2 masks in stock in Venlo, delivery within 48 hours.')).toBeNull();
  });
});

describe('detectUnwanted: an investment scam riding the shortage (blind set v)', () => {
  // Bug: "De vraag naar mondkapjes is gestegen ... GEGARANDEERD 18% rendement per maand ... Minimale inleg
  // slechts € 250" was queued as an offer of masks: the masks outweighed each marker of the scam.
  it('regression: guaranteed monthly returns and a minimum deposit make it spam, masks or not', () => {
    const scam =
      'Terwijl de hele wereld stilstaat, verdienen slimme beleggers nu meer dan ooit. De vraag naar mondkapjes is in 3 weken met 12.000% gestegen. ' +
      'Via ons platform investeert u rechtstreeks in fabrieken en ontvangt u GEGARANDEERD 18% rendement per maand. Minimale inleg slechts € 250.';
    expect(check('Profiteer van de mondkapjes-hausse: 18% rendement per maand', scam, 'nl')?.kind).toBe('spam');
    const shareholders = 'Wij zijn een familiebedrijf met enkele beleggers. Wij leveren 200.000 mondkapjes per week, type IIR.';
    expect(check('Aanbod mondkapjes', shareholders, 'nl')).toBeNull();
  });
});

describe('detectUnwanted: loans for businesses hit by the crisis (blind set y)', () => {
  // Bug: "COVID-19 Relief: Get Approved For Business Loans ... No collateral, bad credit OK" was queued as an
  // offer of something other.
  it('regression: a loan advertisement is spam', () => {
    const loans =
      'Has the pandemic hurt your cash flow? Get approved for business loans from $10,000 up to $5,000,000 in as little as 24 hours. No collateral, bad credit OK!';
    expect(check('COVID-19 Relief: Get Approved For Business Loans Up To $5M Today!!!', loans)?.kind).toBe('spam');
  });
});

describe('detectUnwanted: a journalist asking about the offers (blind set z)', () => {
  // Bug: "Dear press officer, I am a correspondent ... how many of those were for face masks and how many for
  // ventilators?" was queued as an offer of masks: the question names offers of products.
  it('regression: a press question is unrelated, whatever products it asks about', () => {
    const press =
      'Dear press officer, I am a correspondent covering the European response. I understand this address collects offers of protective equipment and ventilators from industry. ' +
      'Could you tell me how many offers you have received, and how many were for face masks? If this is not the right address, please forward this to the press office.';
    expect(check('Press inquiry: offers of medical supplies', press)?.kind).toBe('unrelated');
    const maker = 'Our press office asked me to write: we offer 200,000 FFP2 masks per week from our plant in Tilburg.';
    expect(check('Offer FFP2 masks', maker)).toBeNull();
  });
});
