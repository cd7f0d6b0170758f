import { describe, expect, it } from 'vitest';
import { extractSender, parseDisplayName } from '../../src/mail/contact.js';
import { isFreeMailDomain, organisationFromDomain, registrableDomain } from '../../src/mail/extract-domain.js';
import { findPhone, normalisePhone } from '../../src/mail/extract-phone.js';
import { findSignature } from '../../src/mail/extract-signature.js';
import { findWebsite } from '../../src/mail/extract-website.js';

const NL_MAIL = `Geachte heer, mevrouw,

Wij kunnen 200.000 mondkapjes per week leveren.

Met vriendelijke groet,

Jan-Willem van der Berg
Commercieel directeur
Acme Medical B.V.
Industrieweg 12 | 2600 AA Delft
T: +31 (0)15 234 5678 | F: 015-2345679
M: 06-12345678
www.acme-medical.nl
KvK 27123456

Van: HightechNL Desk <desk@hightechnl.nl>
Verzonden: vrijdag 20 maart 2020 09:12
Onderwerp: Oproep aanbod

Met vriendelijke groet,
Piet Desk
HightechNL Vereniging B.V.
`;

const EN_MAIL = `Dear Sir or Madam,

We can supply 2 million KN95 masks a month.

Kind regards,
Emily Clarke | Sales Manager
Northwind Textiles
Phone: +44 20 7946 0958
https://www.northwind-textiles.co.uk/contact
`;

describe('findSignature', () => {
  it('takes the block after the closing phrase and stops at quoted history', () => {
    const signature = findSignature(NL_MAIL);
    expect(signature.marked).toBe(true);
    expect(signature.lines[0]).toBe('Jan-Willem van der Berg');
    expect(signature.lines.some((l) => l.includes('HightechNL'))).toBe(false);
  });

  it('keeps a name written on the closing line', () => {
    expect(findSignature('Tekst.\n\nGroet, Jan Jansen\nAcme').lines).toEqual(['Jan Jansen', 'Acme']);
  });

  it('falls back to the last lines, unmarked, when there is no closing', () => {
    const signature = findSignature('Line one\nLine two\nJan Jansen\n06-12345678');
    expect(signature.marked).toBe(false);
    expect(signature.lines).toContain('06-12345678');
  });

  it('does not take a greeting for a closing', () => {
    expect(findSignature('Beste Jan,\n\nWe hebben maskers.\nBest regards,\nAnna de Vries').lines).toEqual([
      'Anna de Vries',
    ]);
  });
});

describe('extractSender', () => {
  it('reads name and organisation from a Dutch signature', () => {
    const sender = extractSender({ email: 'JW@Acme-Medical.nl', name: null }, findSignature(NL_MAIL));
    expect(sender).toEqual({
      email: 'jw@acme-medical.nl',
      name: 'Jan-Willem van der Berg',
      organisation: 'Acme Medical B.V.',
    });
  });

  it('prefers the display name for the person, and takes the line after the function for the company', () => {
    const sender = extractSender(
      { email: 'emily@northwind-textiles.co.uk', name: 'Clarke, Emily' },
      findSignature(EN_MAIL),
    );
    expect(sender).toEqual({
      email: 'emily@northwind-textiles.co.uk',
      name: 'Emily Clarke',
      organisation: 'Northwind Textiles',
    });
  });

  it('finds the address in the signature when the forward header lacked it', () => {
    const text = 'Wij leveren schorten.\n\nMet vriendelijke groet,\nKarin Smit\nSmit Textiel BV\nkarin@smittextiel.nl';
    expect(extractSender(null, findSignature(text))).toEqual({
      email: 'karin@smittextiel.nl',
      name: 'Karin Smit',
      organisation: 'Smit Textiel BV',
    });
  });

  it('is null without any address', () => {
    expect(extractSender(null, findSignature('Groet,\nKarin'))).toBeNull();
  });

  it('derives the organisation from the domain, but not from free mail', () => {
    const signature = findSignature('Groet,\nKarin Smit');
    expect(extractSender({ email: 'k@smit-textiel.nl', name: null }, signature)?.organisation).toBe('Smit Textiel');
    expect(extractSender({ email: 'k.smit@gmail.com', name: null }, signature)?.organisation).toBeNull();
    expect(extractSender({ email: 'k.smit@ziggo.nl', name: 'Karin Smit' }, signature)?.organisation).toBeNull();
  });

  it('does not take an address line or a slogan after the name for a company', () => {
    const text = 'Groet,\nKarin Smit\nHoofdstraat 1\nAmsterdam';
    expect(extractSender({ email: 'k@gmail.com', name: null }, findSignature(text))?.organisation).toBeNull();
    const slogan = 'Groet,\nKarin Smit\nSamen Sterk';
    expect(extractSender({ email: 'k@gmail.com', name: null }, findSignature(slogan))?.organisation).toBeNull();
  });

  it.each([
    [
      'a function before the company',
      'Cheers,\nAnil Sharma\nFounder, AdditiveWorks',
      'anil@additiveworks.nl',
      'AdditiveWorks',
    ],
    [
      'a function glued to the company',
      'Groet,\nAnouk Smeets\nCTO Membratec B.V., Eindhoven',
      'a@membratec.nl',
      'Membratec B.V.',
    ],
    [
      'a town after the company',
      'Regards,\nJames Whitfield\nWhitfield Mills Ltd, Huddersfield',
      'j@whitfieldmills.co.uk',
      'Whitfield Mills Ltd',
    ],
    [
      'a Portuguese company',
      'Best regards,\nAna Ferreira\nExport Manager, Texfer Lda.',
      'ana@texfer.pt',
      'Texfer Lda.',
    ],
    [
      'a function line between',
      'Groet,\nMarcel van den Berg\nAlgemeen directeur\nVan den Berg Group',
      'm@vdberg-group.nl',
      'Van den Berg Group',
    ],
    [
      'a company close to its domain',
      'Groet,\nJan-Willem Boer\nBoer Installatietechniek',
      'j@boerinstallaties.nl',
      'Boer Installatietechniek',
    ],
    [
      'an unmarked signature',
      'Wij lassen overalls.\n\nErwin Schipper\nSchipper Zeilmakerij, Lemmer\nKvK 71044219',
      'e@schipperzeilmakerij.nl',
      'Schipper Zeilmakerij',
    ],
  ])('reads the organisation with %s', (_what, text, email, organisation) => {
    expect(extractSender({ email, name: null }, findSignature(text))?.organisation).toBe(organisation);
  });

  it('keeps academic titles in names', () => {
    expect(extractSender({ email: 'i@lab.nl', name: 'Dr. Ingrid Vos' }, findSignature(''))?.name).toBe(
      'Dr. Ingrid Vos',
    );
    const text = 'Groet,\nDr. ir. Anouk Smeets\nMembratec';
    expect(extractSender({ email: 'a@membratec.nl', name: null }, findSignature(text))?.name).toBe(
      'Dr. ir. Anouk Smeets',
    );
  });

  it('names no company after a reserved test domain', () => {
    expect(extractSender({ email: 'x@crisisteam.example', name: null }, findSignature(''))?.organisation).toBeNull();
  });

  it('keeps the company out of a disclaimer sentence', () => {
    const text = 'Groet,\nKarin Smit\nDit bericht is verzonden door Smit Textiel B.V. en is vertrouwelijk.';
    expect(extractSender({ email: 'k@gmail.com', name: null }, findSignature(text))?.organisation).toBe(
      'Smit Textiel B.V.',
    );
  });
});

describe('parseDisplayName', () => {
  it.each([
    ['Jan Jansen | Acme BV', 'acme.nl', { name: 'Jan Jansen', organisation: 'Acme BV' }],
    ['Jan Jansen (Acme)', 'gmail.com', { name: 'Jan Jansen', organisation: 'Acme' }],
    ['Jan Jansen - Acme Medical', 'acmemedical.nl', { name: 'Jan Jansen', organisation: 'Acme Medical' }],
    ['Acme Medical via Exact Online', 'exact.nl', { name: null, organisation: 'Acme Medical' }],
    ['Jan Jansen via HightechNL', 'hightechnl.nl', { name: 'Jan Jansen', organisation: null }],
    ['"Jansen, Jan"', 'acme.nl', { name: 'Jan Jansen', organisation: null }],
    ['Acme Medical B.V.', 'acme.nl', { name: null, organisation: 'Acme Medical B.V.' }],
    ['ACME', 'acme.nl', { name: null, organisation: 'ACME' }],
    ['MKB-Nederland', 'mkb.nl', { name: null, organisation: 'MKB-Nederland' }],
    ['Info', 'acme.nl', { name: null, organisation: null }],
    ['Sales Department', 'acme.nl', { name: null, organisation: null }],
    ['jan@acme.nl', 'acme.nl', { name: null, organisation: null }],
    ['Jan Jansen (extern)', 'gmail.com', { name: 'Jan Jansen', organisation: null }],
    ['Jan Jansen | Directeur', 'acme.nl', { name: 'Jan Jansen', organisation: null }],
    ['Jan', 'acme.nl', { name: 'Jan', organisation: null }],
  ])('%j', (display, domain, parts) => {
    expect(parseDisplayName(display, domain)).toEqual(parts);
  });
});

describe('domains', () => {
  it.each([
    ['mail.acme.nl', 'acme.nl'],
    ['acme.co.uk', 'acme.co.uk'],
    ['sales.acme.com.cn', 'acme.com.cn'],
  ])('registrable part of %s is %s', (host, registrable) => {
    expect(registrableDomain(host)).toBe(registrable);
  });

  it.each([
    'gmail.com',
    'hotmail.nl',
    'outlook.be',
    'live.nl',
    'yahoo.co.uk',
    'ziggo.nl',
    'kpnmail.nl',
    'planet.nl',
    'home.nl',
    'xs4all.nl',
  ])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
    expect(organisationFromDomain(domain)).toBeNull();
  });

  it('names a company after its domain', () => {
    expect(organisationFromDomain('info.acme-medical.nl')).toBe('Acme Medical');
  });
});

describe('phone', () => {
  it.each([
    ['+31 (0)15 234 5678', '+31152345678'],
    ['020-1234567', '+31201234567'],
    ['06-12345678', '+31612345678'],
    ['0031 6 1234 5678', '+31612345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+32 2 123 45 67', '+3221234567'],
  ])('normalises %s', (raw, phone) => {
    expect(normalisePhone(raw)).toBe(phone);
  });

  it.each(['12345678', '020-123456', '+31 20 12345678', '+44 98 7654 3'])('rejects %s', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('takes the first phone in the signature, skipping fax and KvK', () => {
    const signature = findSignature('Groet,\nJan\nF: 015-2345679 | KvK 27123456\nT: 015-2345678');
    expect(findPhone(signature, '', 'acme.nl')).toBe('+31152345678');
  });

  it('takes no company registration number for a phone', () => {
    const text = 'Regards,\nJames\nRegistered in England, Company No. 09876543';
    expect(findPhone(findSignature(text), text, 'whitfieldmills.co.uk')).toBeNull();
  });

  it('reads the signature phone of the Dutch and English samples', () => {
    expect(findPhone(findSignature(NL_MAIL), NL_MAIL, 'acme-medical.nl')).toBe('+31152345678');
    expect(findPhone(findSignature(EN_MAIL), EN_MAIL, 'northwind-textiles.co.uk')).toBe('+442079460958');
  });

  it('outside the signature, takes only labelled numbers', () => {
    const text = 'Order 0123456789 ontvangen.\nBel ons: 020 123 4567.\nGroet,\nJan';
    expect(findPhone(findSignature(text), text, 'acme.nl')).toBe('+31201234567');
  });

  it('splits two numbers written together', () => {
    expect(findPhone(findSignature('Groet,\nJan\n020 1234567 / 06 12345678'), '', 'acme.nl')).toBe('+31201234567');
  });

  it('uses the country of the sender for national numbers', () => {
    expect(findPhone(findSignature('Gruß,\nTel. 089 1234567'), '', 'acme.de')).toBe('+49891234567');
  });
});

describe('website', () => {
  it('takes the link in the signature', () => {
    expect(findWebsite(findSignature(NL_MAIL), NL_MAIL, null, 'acme-medical.nl')).toBe('https://www.acme-medical.nl');
    expect(findWebsite(findSignature(EN_MAIL), EN_MAIL, null, 'northwind-textiles.co.uk')).toBe(
      'https://www.northwind-textiles.co.uk/contact',
    );
  });

  it('skips social media and takes a body link only on the own domain', () => {
    const text =
      'See https://www.alibaba.com/product/123 and https://shop.acme.nl/masks.\n\nGroet,\nJan\nwww.linkedin.com/in/jan';
    expect(findWebsite(findSignature(text), text, null, 'acme.nl')).toBe('https://shop.acme.nl/masks');
  });

  it('reads a link from the HTML when the text has none', () => {
    const html = '<p>Groet</p><a href="https://www.acme.nl/">logo</a>';
    expect(findWebsite(findSignature('Groet,\nJan'), 'Groet,\nJan', html, 'acme.nl')).toBe('https://www.acme.nl');
  });

  it('falls back to the sender domain, never to free mail', () => {
    const signature = findSignature('Groet,\nJan');
    expect(findWebsite(signature, '', null, 'mail.acme.nl')).toBe('https://acme.nl');
    expect(findWebsite(signature, '', null, 'gmail.com')).toBeNull();
    expect(findWebsite(signature, 'www.gmail.com', null, 'gmail.com')).toBeNull();
  });
});
