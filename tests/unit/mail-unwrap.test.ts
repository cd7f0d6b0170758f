import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInlineForward, looseDate, subjectIntent } from '../../src/mail/inline-forward.js';
import { parseMail } from '../../src/mail/parse.js';
import { unwrapForward } from '../../src/mail/unwrap.js';
import { analyse } from '../../src/core/analyse.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/mail');
const BODIES = path.resolve(import.meta.dirname, '../../../shared/corpora/forward-bodies');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe('forward bodies of many mail clients (crisp-oss corpus)', () => {
  // Replies in the corpus ("_variant_4") must not be taken for forwards. Every forward names John Doe's
  // address except unknown_en_body_variant_12, whose header block has a name only ("From: John Doe"), so
  // 62 of 63 is the most that can be found; the threshold allows no other miss.
  const THRESHOLD = 62 / 63;

  it('finds the original sender of every forward and no sender in replies', () => {
    if (!fs.existsSync(BODIES)) throw new Error(`forward-bodies corpus missing at ${BODIES}`);
    const bodies = fs.readdirSync(BODIES).filter((f) => f.includes('_body')).sort();
    expect(bodies.length).toBe(73);
    let forwards = 0;
    let found = 0;
    const misses: string[] = [];
    for (const name of bodies) {
      const text = fs.readFileSync(path.join(BODIES, name), 'utf8');
      const subjectFile = path.join(BODIES, name.replace('_body', '_subject'));
      const subject = fs.existsSync(subjectFile) ? fs.readFileSync(subjectFile, 'utf8').trim() : null;
      const result = findInlineForward(text, subject);
      if (name.endsWith('_variant_4.txt')) {
        expect(result?.from ?? null, `${name} is a reply`).toBeNull();
        continue;
      }
      forwards++;
      if (result?.from?.email === 'john.doe@acme.com') found++;
      else misses.push(name);
    }
    console.log(`forward-bodies: original sender found in ${found}/${forwards} forwards; missed: ${misses.join(', ')}`);
    expect(found / forwards).toBeGreaterThanOrEqual(THRESHOLD);
  });
});

function rfc822(from: string, subject: string, body: string, attachment?: { type: string; name: string; content: Buffer }): Buffer {
  const head = `From: ${from}\r\nTo: aanbod@crisisteam.example\r\nSubject: ${subject}\r\nDate: Fri, 20 Mar 2020 09:00:00 +0100\r\nMessage-ID: <${subject.length}.${from.length}@test>\r\nMIME-Version: 1.0\r\n`;
  if (!attachment) return Buffer.from(`${head}Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`);
  const b = 'b-' + subject.replace(/\W/g, '');
  return Buffer.concat([
    Buffer.from(`${head}Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n--${b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n--${b}\r\n`),
    Buffer.from(`Content-Type: ${attachment.type}; name="${attachment.name}"\r\nContent-Disposition: attachment; filename="${attachment.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n`),
    Buffer.from(attachment.content.toString('base64').replace(/.{76}/g, '$&\r\n')),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
}

describe('unwrapForward', () => {
  it('reads an Outlook NL header block below the forwarder note (iso-8859-1, quoted-printable)', async () => {
    const u = await unwrapForward(await parseMail(fixture('outlook-nl-forward.eml')));
    expect(u.forwarder).toEqual({ email: 'desk@fme.nl', name: 'Desk FME' });
    expect(u.original.from).toEqual({ email: 'jan.jansen@bedrijf-b.nl', name: 'Jan Jansen' });
    expect(u.original.subject).toBe('Aanbod mondkapjes');
    expect(u.original.text).toContain('Crème de la crème');
    expect(u.original.text).not.toContain('Desk FME');
    expect(u.note).toContain('graag oppakken');
    expect(u.how).toMatch(/^inline forward .* in the body$/);
  });

  it('reads a Gmail forward from an HTML-only body (base64)', async () => {
    const u = await unwrapForward(await parseMail(fixture('gmail-en-html-forward.eml')));
    expect(u.forwarder?.email).toBe('anna@hightechnl.nl');
    expect(u.original.from).toEqual({ email: 'p.smith@precision.example', name: 'Peter Smith' });
    expect(u.original.text).toContain('500 per week');
    expect(u.original.date).toMatch(/^2020-03-20T/);
  });

  it.each([
    ['Apple Mail en', 'Fwd: offer', 'Begin forwarded message:\n\nFrom: Jane Roe <jane@gowns.example>\nSubject: offer\nDate: 20 March 2020 at 10:00:00 CET\nTo: info@fme.nl\n\nWe make 20,000 gowns a week.'],
    ['Apple Mail nl', 'Doorst: aanbod', 'Begin doorgestuurd bericht:\n\nVan: Jane Roe <jane@gowns.example>\nOnderwerp: aanbod\nDatum: 20 maart 2020 om 10:00:00 CET\nAan: info@fme.nl\n\nWij maken 20.000 schorten per week.'],
    ['Thunderbird nl', 'Fwd: aanbod', '-------- Doorgestuurd bericht --------\nOnderwerp: \taanbod\nDatum: \tFri, 20 Mar 2020 10:00:00 +0100\nVan: \tJane Roe <jane@gowns.example>\nAan: \tinfo@fme.nl\n\nWij maken schorten.'],
    ['Thunderbird en', 'Fwd: offer', '-------- Forwarded Message --------\nSubject: \toffer\nDate: \tFri, 20 Mar 2020 10:00:00 +0100\nFrom: \tJane Roe <jane@gowns.example>\nTo: \tinfo@fme.nl\n\nWe make gowns.'],
    ['Gmail nl', 'Fwd: aanbod', 'Zie onder.\n\n---------- Doorgestuurd bericht ---------\nVan: Jane Roe <jane@gowns.example>\nDate: vr 20 mrt. 2020 om 10:00\nSubject: aanbod\nTo: <info@fme.nl>\n\nWij maken schorten.'],
    ['Outlook en', 'FW: offer', 'Please handle.\n\n-----Original Message-----\nFrom: Jane Roe [mailto:jane@gowns.example]\nSent: Friday, March 20, 2020 10:00 AM\nTo: info@fme.nl\nSubject: offer\n\nWe make gowns.'],
    ['Outlook nl oorspronkelijk', 'Doorst: aanbod', '-----Oorspronkelijk bericht-----\nVan: Jane Roe <jane@gowns.example>\nVerzonden: vrijdag 20 maart 2020 10:00\nAan: info@fme.nl\nOnderwerp: aanbod\n\nWij maken schorten.'],
    ['Outlook 2019 nl attribution', 'FW: aanbod', 'Op 20-03-2020 10:00 heeft Jane Roe <jane@gowns.example> geschreven:\n\n    Wij maken schorten.'],
  ])('finds the original in a %s forward', async (_client, subject, body) => {
    const u = await unwrapForward(await parseMail(rfc822('Desk <desk@vno-ncw.nl>', subject, body)));
    expect(u.forwarder?.email).toBe('desk@vno-ncw.nl');
    expect(u.original.from?.email).toBe('jane@gowns.example');
    expect(u.original.text).toMatch(/schorten|gowns/);
  });

  it.each([
    ['a reply with an attribution line', 'Re: uw aanbod', 'Dank, wij leveren graag.\n\nOp 20 mrt. 2020 om 10:00 schreef Crisisteam <aanbod@crisisteam.example>:\n> Dank voor uw aanbod.'],
    ['an Outlook reply with a header block', 'RE: uw aanbod', 'Wij leveren graag.\n\nVan: Crisisteam <aanbod@crisisteam.example>\nVerzonden: vrijdag 20 maart 2020 10:00\nAan: jane@gowns.example\nOnderwerp: uw aanbod\n\nDank voor uw aanbod.'],
    ['a company writing directly', 'Aanbod schorten', 'Wij maken 20.000 schorten per week.\n\nMet vriendelijke groet,\nJane Roe'],
    ['an English reply', 'Re: offer', 'Yes.\n\nOn Fri, Mar 20, 2020 at 10:00 AM Team <aanbod@crisisteam.example> wrote:\n> Thanks.'],
  ])('takes %s for no forward', async (_what, subject, body) => {
    const mail = await parseMail(rfc822('Jane Roe <Jane@Gowns.example>', subject, body));
    const u = await unwrapForward(mail);
    expect(u.forwarder).toBeNull();
    expect(u.how).toBeNull();
    expect(u.original.from).toEqual({ email: 'jane@gowns.example', name: 'Jane Roe' });
  });

  it('unwraps message/rfc822 two deep; the innermost original wins, the outer sender forwards', async () => {
    const company = rfc822('Jan <jan@maskers.example>', 'Aanbod FFP2', 'Wij hebben 50.000 FFP2 maskers op voorraad.');
    const middle = rfc822('Branche <info@branche.example>', 'FW: Aanbod FFP2', 'Zie bijlage.', { type: 'message/rfc822', name: 'aanbod.eml', content: company });
    const outer = rfc822('Desk <desk@fme.nl>', 'FW: FW: Aanbod FFP2', 'Voor jullie.', { type: 'message/rfc822', name: 'fw.eml', content: middle });
    const u = await unwrapForward(await parseMail(outer));
    expect(u.forwarder?.email).toBe('desk@fme.nl');
    expect(u.original.from?.email).toBe('jan@maskers.example');
    expect(u.original.text).toContain('FFP2');
    expect(u.original.messageId).toMatch(/@test>$/);
    expect(u.note).toBe('Voor jullie.');
    expect(u.how).toBe('message/rfc822 attachment, then message/rfc822 attachment');
  });

  it('stops unwrapping at maxDepth with a warning', async () => {
    const company = rfc822('Jan <jan@maskers.example>', 'Aanbod', 'FFP2.');
    const middle = rfc822('B <b@branche.example>', 'FW: Aanbod', 'x', { type: 'message/rfc822', name: 'a.eml', content: company });
    const mail = await parseMail(rfc822('D <d@fme.nl>', 'FW: FW: Aanbod', 'y', { type: 'message/rfc822', name: 'b.eml', content: middle }));
    const u = await unwrapForward(mail, { maxDepth: 1 });
    expect(u.original.from?.email).toBe('b@branche.example');
    expect(mail.warnings.join(' ')).toMatch(/nesting deeper/);
  });

  it('unwraps an attached Outlook .msg', async () => {
    const msg = fs.readFileSync(path.resolve(BODIES, '../mime/spamscope-mail-parser/mail_outlook_1'));
    const mail = await parseMail(rfc822('Desk <desk@fme.nl>', 'FW: newsletter', 'See attached.', { type: 'application/vnd.ms-outlook', name: 'offer.msg', content: msg }));
    const u = await unwrapForward(mail);
    expect(u.how).toBe('Outlook .msg attachment');
    expect(u.forwarder?.email).toBe('desk@fme.nl');
    expect(u.original.from?.email).toBe('nueblingv@w-vwa.de');
    expect(u.original.attachments.length).toBeGreaterThan(0);
  });

  it('opens winmail.dat and keeps its files as attachments of the message', async () => {
    const mail = await parseMail(rfc822('Desk <desk@fme.nl>', 'Aanbod', 'Zie bijlagen.', { type: 'application/ms-tnef', name: 'winmail.dat', content: fixture('winmail.dat') }));
    const { decodeTnef } = await import('../../src/mail/outlook-attachments.js');
    const tnef = decodeTnef(fixture('winmail.dat'));
    expect(tnef?.attachments.length).toBeGreaterThan(0);
    expect(tnef?.attachments.every((a) => a.size > 0 && /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
    const u = await unwrapForward(mail);
    expect(u.forwarder).toBeNull();
  });
});

describe('inline forward helpers', () => {
  it('reads subject intent from the outermost prefix', () => {
    expect(subjectIntent('FW: RE: aanbod')).toBe('forward');
    expect(subjectIntent('Re: Fwd: aanbod')).toBe('reply');
    expect(subjectIntent('Doorst: aanbod')).toBe('forward');
    expect(subjectIntent('Aanbod')).toBeNull();
  });

  it('reads Dutch and English client dates', () => {
    expect(looseDate('vr 20 mrt. 2020 om 10:00')).toMatch(/^2020-03-20T/);
    expect(looseDate('Friday, March 20, 2020 10:00 AM')).toMatch(/^2020-03-20T/);
    expect(looseDate('gisteren')).toBeNull();
  });

  it('finds nothing in a plain body', () => {
    expect(findInlineForward('Wij leveren mondkapjes.', null)).toBeNull();
  });
});

describe('forwarder notes below the forward and web forms', () => {
  const forward = (tail: string) =>
    Buffer.from(
      `From: Marloes Verbeek <m.verbeek@fme.nl>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Coveralls\r\n\r\n` +
        `-----Original Message-----\r\nFrom: Marco <marco@safewear.example>\r\nSent: Tuesday, March 31, 2020 7:58 AM\r\nTo: Marloes <m.verbeek@fme.nl>\r\nSubject: Coveralls\r\n\r\n` +
        `We have 8,000 coveralls in stock.\r\n\r\nRegards,\r\nMarco\r\nSafewear | KvK 34219876\r\n\r\n${tail}`,
    );

  it('moves the forwarder note typed below the forwarded mail out of the offer', async () => {
    const u = await unwrapForward(await parseMail(forward('Hierboven het aanbod, graag doorzetten.\r\n\r\nMet vriendelijke groet,\r\n\r\nMarloes Verbeek\r\nFME\r\n')));
    expect(u.original.from?.email).toBe('marco@safewear.example');
    expect(u.original.text).toContain('KvK 34219876');
    expect(u.original.text).not.toContain('Hierboven');
    expect(u.note).toContain('Hierboven het aanbod');
    expect(u.how).toContain('note below');
  });

  it('keeps quoted history that names the forwarder as part of the forwarded mail', async () => {
    const u = await unwrapForward(await parseMail(forward('From: Marloes Verbeek <m.verbeek@fme.nl>\r\nSent: Monday\r\n\r\nHave you got coveralls?\r\n')));
    expect(u.original.text).toContain('KvK 34219876');
    expect(u.how).not.toContain('note below');
  });

  it('takes a web form relayed by a no-reply address as written by its Reply-To', async () => {
    const raw = Buffer.from(
      'From: FME website <noreply@fme.nl>\r\nReply-To: Wim <w.kuijpers@kuijpers.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: Contactformulier\r\n\r\nNaam: Wim\r\nE-mail: w.kuijpers@kuijpers.example\r\nBericht: wij frezen kleppen.\r\n',
    );
    const u = await unwrapForward(await parseMail(raw));
    expect(u.forwarder).toBeNull();
    expect(u.original.from?.email).toBe('w.kuijpers@kuijpers.example');
    const newsletter = Buffer.from('From: News <noreply@news.example>\r\nReply-To: info@news.example\r\nSubject: Nieuws\r\n\r\nNieuws van deze week.\r\n');
    expect((await unwrapForward(await parseMail(newsletter))).original.from?.email).toBe('noreply@news.example');
  });
});

describe('forwards that name the company without an address, and redirects', () => {
  it('reads a full Outlook block whose From line has a name only, under a forward subject', async () => {
    const raw = Buffer.from(
      'From: Marloes <m.verbeek@fme.nl>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Mondkapjes\r\n\r\nZie onder.\r\n\r\n' +
        'Van: Dirk Vermeulen\r\nVerzonden: woensdag 1 april 2020 09:00\r\nAan: Ilse Maas\r\nOnderwerp: Mondkapjes\r\n\r\nWij maken mondkapjes.\r\nE: d.vermeulen@textiel.example\r\n',
    );
    const u = await unwrapForward(await parseMail(raw));
    expect(u.forwarder?.email).toBe('m.verbeek@fme.nl');
    expect(u.original.from).toBeNull();
    expect(u.original.text).toContain('Wij maken mondkapjes.');
    expect(u.note).toBe('Zie onder.');
  });

  it('names the Resent-From address as the forwarder of a redirected message', async () => {
    const raw = Buffer.from(
      'Resent-From: Femke <deboer@vnoncw.nl>\r\nFrom: Patrick <p@claassen.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: FFP3\r\n\r\nWij hebben FFP3 op voorraad.\r\n',
    );
    const u = await unwrapForward(await parseMail(raw));
    expect(u.forwarder?.email).toBe('deboer@vnoncw.nl');
    expect(u.original.from?.email).toBe('p@claassen.example');
    const self = Buffer.from('Resent-From: p@claassen.example\r\nFrom: Patrick <p@claassen.example>\r\nSubject: FFP3\r\n\r\nTekst.\r\n');
    expect((await unwrapForward(await parseMail(self))).forwarder).toBeNull();
  });
});

describe('an association forwarding its thread with a company', () => {
  // The association asked questions, the company answered; the association forwards the whole thread.
  const thread = Buffer.from(
    'From: Karin de Wit <k.dewit@fhi.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Sneltesten uit voorraad\r\n\r\n' +
      'Zie de correspondentie hieronder met een van onze leden.\r\n\r\nGroet,\r\nKarin de Wit\r\nFHI\r\n\r\n' +
      'Van: Tom Hermans <t.hermans@diagnostica.example>\r\nVerzonden: woensdag 1 april 2020 16:40\r\nAan: Karin de Wit <k.dewit@fhi.example>\r\nOnderwerp: RE: Sneltesten uit voorraad\r\n\r\n' +
      'Beste Karin,\r\n\r\nWij hebben 120.000 testen op voorraad in Breda, levering binnen 2 werkdagen.\r\n\r\nGroet,\r\nTom\r\n\r\n' +
      'Van: Karin de Wit <k.dewit@fhi.example>\r\nVerzonden: woensdag 1 april 2020 14:15\r\nAan: Tom Hermans <t.hermans@diagnostica.example>\r\nOnderwerp: RE: Sneltesten uit voorraad\r\n\r\n' +
      'Beste Tom,\r\n\r\nHoeveel testen hebben jullie op voorraad?\r\n\r\nGroet,\r\nKarin\r\n\r\n' +
      'Van: Tom Hermans <t.hermans@diagnostica.example>\r\nVerzonden: woensdag 1 april 2020 11:03\r\nAan: Karin de Wit <k.dewit@fhi.example>\r\nOnderwerp: Sneltesten uit voorraad\r\n\r\n' +
      'Beste mevrouw De Wit,\r\n\r\nWij hebben een grote zending antistof-sneltesten ontvangen.\r\n\r\nMet vriendelijke groet,\r\n\r\n' +
      'Tom Hermans\r\nSales Director\r\nDiagnostica Benelux B.V.\r\nT +31 76 572 30 40\r\nKvK 58123409\r\n',
  );

  // Bug: the association's own question in the thread was read as a forward of the company's answer, so the
  // association became the sender and nobody the forwarder.
  it('regression: the company that answered is the sender, not the association whose question is quoted', async () => {
    const u = await unwrapForward(await parseMail(thread));
    expect(u.forwarder?.email).toBe('k.dewit@fhi.example');
    expect(u.original.from?.email).toBe('t.hermans@diagnostica.example');
    expect(u.original.text).toMatch(/^Beste Karin/);
  });

  it("reads the company's KvK number and organisation from its first message further down the thread", async () => {
    const a = await analyse(thread);
    expect(a.sender).toEqual({
      email: 't.hermans@diagnostica.example',
      name: 'Tom Hermans',
      organisation: 'Diagnostica Benelux B.V.',
    });
    expect(a.forwardedBy?.email).toBe('k.dewit@fhi.example');
    expect(a.kvk).toBe('58123409');
    expect(a.route).toBe('redirect');
  });
});

describe('a company re-sending its own mail', () => {
  // Bug: "FW:" of the company's own earlier offer had the company's signature, KvK number included, moved out
  // of the offer as "a forwarder's note below the forwarded mail".
  it('regression: its signature stays with the offer; there is no forwarder', async () => {
    const raw = Buffer.from(
      'From: Sophie Lammers <s.lammers@poretech.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Aanbod filtermembraan\r\n\r\n' +
        'Ik stuur ons aanbod nogmaals.\r\n\r\nGroet,\r\nSophie Lammers\r\n\r\n' +
        'Van: Sophie Lammers <s.lammers@poretech.example>\r\nVerzonden: vrijdag 27 maart 2020 15:31\r\nAan: aanbod@crisisteam.example\r\nOnderwerp: Aanbod filtermembraan\r\n\r\n' +
        'Wij produceren 5.000 m2 filtermembraan per week.\r\n\r\nMet vriendelijke groet,\r\n\r\nSophie Lammers\r\nPoreTech Membranes B.V.\r\nKvK 73456120\r\n',
    );
    const a = await analyse(raw);
    expect(a.forwardedBy).toBeNull();
    expect(a.kvk).toBe('73456120');
    expect(a.forwarderNote).toBe('Ik stuur ons aanbod nogmaals.\n\nGroet,\nSophie Lammers');
    expect(a.reasons[0]).toMatch(/re-sent by its own author/);
  });
});

describe('a company re-sending its own mail with a new signed note', () => {
  // Bug: "any news on our offer?" on top of the company's own earlier mail lost the KvK number in the new
  // note's signature: the quoted original was read as the offer and the note as a forwarder's.
  it('regression: the KvK number in its new note is the offer\'s', async () => {
    const raw = Buffer.from(
      'From: Mark Jansen <m.jansen@safestock.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: FFP2 masks in stock - any news?\r\n\r\n' +
        'Has anyone looked at our offer below? We now have 30,000 FFP2 masks left.\r\n\r\nKind regards,\r\nMark Jansen\r\nSafeStock B.V.\r\nChamber of Commerce (KvK) 12065431\r\n\r\n' +
        '-----Original Message-----\r\nFrom: Mark Jansen <m.jansen@safestock.example>\r\nSent: Thursday, 2 April 2020 18:12\r\nTo: aanbod@crisisteam.example\r\nSubject: FFP2 masks in stock\r\n\r\n' +
        'We have 40,000 FFP2 masks in stock in Venlo, delivery within 48 hours.\r\n\r\nKind regards,\r\nMark Jansen\r\n',
    );
    const a = await analyse(raw);
    expect(a.forwardedBy).toBeNull();
    expect(a.sender?.email).toBe('m.jansen@safestock.example');
    expect(a.kvk).toBe('12065431');
  });
});

describe('a web-form entry pasted by an association', () => {
  const pasted = (fields: string) =>
    Buffer.from(
      'From: FME Coronadesk <coronadesk@fme.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: Aanbod via FME: meltblown\r\n\r\n' +
        'Geacht crisisteam,\r\n\r\nOnderstaand aanbod kwam binnen via ons webformulier. Wij beoordelen de producten niet.\r\n\r\n' +
        '--- Aanbod zoals ontvangen via het webformulier ---\r\n\r\n' +
        fields +
        'Omschrijving aanbod:\r\nWij produceren meltblown, ca. 1,2 ton per dag. Mondmaskers maken wij zelf niet.\r\n\r\n--- einde aanbod ---\r\n\r\n' +
        'Met vriendelijke groet,\r\n\r\nCoronadesk FME\r\nKvK 27170400\r\n',
    );

  // Bug: with no forward header the association was the sender and its own KvK number the company's.
  it('regression: the company in the fields is the sender, the association its forwarder', async () => {
    const a = await analyse(
      pasted(
        'Bedrijfsnaam: Twentse Vlies B.V.\r\nKvK-nummer: 08176530\r\nContactpersoon: Hanneke Oude Luttikhuis\r\nE-mailadres: h.oudeluttikhuis@twentsevlies.example\r\nTelefoon: 053 - 480 17 60\r\n',
      ),
    );
    expect(a.sender?.email).toBe('h.oudeluttikhuis@twentsevlies.example');
    expect(a.sender?.name).toBe('Hanneke Oude Luttikhuis');
    expect(a.forwardedBy?.email).toBe('coronadesk@fme.example');
    expect(a.kvk).toBe('08176530');
    expect(a.category).toBe('materials');
    expect(a.forwarderNote).toContain('Onderstaand aanbod kwam binnen');
    expect(a.offerText).not.toContain('27170400');
  });

  it('is not a signature with an e-mail line, nor the association\'s own address', async () => {
    const signature = await analyse(pasted('E-mail: info@twentsevlies.example\r\nTelefoon: 053 - 480 17 60\r\n'));
    expect(signature.forwardedBy).toBeNull();
    const own = await analyse(
      pasted('Bedrijfsnaam: FME\r\nContactpersoon: Jeroen Smit\r\nE-mailadres: j.smit@fme.example\r\nTelefoon: 079 353 11 00\r\n'),
    );
    expect(own.forwardedBy).toBeNull();
  });
});

describe('forwards found from blind set m (who really sent it)', () => {
  // Bug: Thunderbird writes "Onderwerp:" and "Datum:" above "Van:", so only one field stood under the From
  // line and the forward was not found: the association became the sender.
  it('regression: a Thunderbird header block with its fields above the From line', async () => {
    const raw = Buffer.from(
      'From: Moniek Kosters <m.kosters@mkb.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: Doorst: neusbeugels\r\n\r\n' +
        'Hieronder een aanbod van een lid.\r\n\r\nGroet,\r\nMoniek\r\n\r\n-------- Doorgestuurd bericht --------\r\n' +
        'Onderwerp: \tneusbeugels\r\nDatum: \tMon, 20 Apr 2020 08:51:17 +0200\r\nVan: \tAd Rijkers <ad@rijkersdraad.example>\r\nAan: \tm.kosters@mkb.example\r\n\r\n' +
        'Wij kunnen 1 miljoen neusbeugels per week leveren.\r\n\r\nMet vriendelijke groet,\r\nAd Rijkers\r\n',
    );
    const u = await unwrapForward(await parseMail(raw));
    expect(u.forwarder?.email).toBe('m.kosters@mkb.example');
    expect(u.original.from?.email).toBe('ad@rijkersdraad.example');
    expect(u.original.subject).toBe('neusbeugels');
    expect(u.original.text).toMatch(/^Wij kunnen 1 miljoen/);
    expect(u.note).toBe('Hieronder een aanbod van een lid.\n\nGroet,\nMoniek');
  });

  // Bug: an association that retells a member's offer ("Namens ons lid ... Contact: naam, e-mail") with no
  // header block was the sender, and its own KvK number in its signature the company's.
  it('regression: a member offer passed on with a contact line, also inside another forward', async () => {
    const member =
      'Namens ons lid Horecagroothandel Jansen B.V. (KvK 05078120) geven wij het volgende aanbod door.\r\n\r\n' +
      'Jansen heeft 240.000 nitril handschoenen op voorraad, levering binnen twee werkdagen.\r\n\r\n' +
      'Contact: Peter Jansen, p.jansen@horecajansen.example, 06-51847720.\r\n\r\nMet vriendelijke groet,\r\n\r\nMarieke Smits\r\nKHN\r\nKvK 40480140\r\n';
    const direct = await analyse(
      Buffer.from(`From: Marieke Smits <m.smits@khn.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: Aanbod van een lid\r\n\r\n${member}`),
    );
    expect(direct.sender).toMatchObject({ email: 'p.jansen@horecajansen.example', name: 'Peter Jansen' });
    expect(direct.forwardedBy?.email).toBe('m.smits@khn.example');
    expect(direct.kvk).toBe('05078120');
    expect(direct.route).toBe('redirect');
    const nested = await analyse(
      Buffer.from(
        'From: Anne Vermeulen <vermeulen@vno.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Aanbod van een lid\r\n\r\nTer doorgeleiding.\r\n\r\n' +
          'Van: Marieke Smits <m.smits@khn.example>\r\nVerzonden: donderdag 16 april 2020 12:40\r\nAan: Anne Vermeulen <vermeulen@vno.example>\r\nOnderwerp: Aanbod van een lid\r\n\r\n' +
          member,
      ),
    );
    expect(nested.sender?.email).toBe('p.jansen@horecajansen.example');
    expect(nested.forwardedBy?.email).toBe('vermeulen@vno.example');
    expect(nested.kvk).toBe('05078120');
  });

  // Bug: an out-of-office reply quoting the team's own acknowledgement named the company as forwarder of the team.
  it('regression: an auto-reply is no forward of the mail it quotes', async () => {
    const a = await analyse(
      Buffer.from(
        'From: Jeroen de Vries <j.devries@dvtextiel.example>\r\nTo: aanbod@crisisteam.example\r\nAuto-Submitted: auto-replied\r\nSubject: Automatisch antwoord: Ontvangstbevestiging\r\n\r\n' +
          'Ik ben afwezig tot en met maandag 20 april.\r\n\r\n-----Oorspronkelijk bericht-----\r\nVan: Aanbod <aanbod@crisisteam.example>\r\n' +
          'Verzonden: dinsdag 14 april 2020 10:12\r\nAan: Jeroen de Vries <j.devries@dvtextiel.example>\r\nOnderwerp: Ontvangstbevestiging\r\n\r\nDank voor uw aanbod van mondkapjes.\r\n',
      ),
    );
    expect(a.route).toBe('ignore');
    expect(a.forwardedBy).toBeNull();
    expect(a.sender?.email).toBe('j.devries@dvtextiel.example');
  });
});

describe('a company re-sending its own mail from its address book (blind set p)', () => {
  // Bug: "FW:" of the author's own earlier offer whose header block named him without an address ("Van: Gerrit
  // Boersma") made him the forwarder of an unknown sender, and sender null broke DESIGN §5.
  it('regression: a name-only From line naming the author is the author re-sending', async () => {
    const raw = Buffer.from(
      'From: Gerrit Boersma <g.boersma@boersma.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Aanbod luchtbehandeling\r\n\r\n' +
        'Op 27 maart stuurden wij u onderstaand aanbod. Daarom stuur ik het nogmaals.\r\n\r\nMet vriendelijke groet,\r\n\r\nGerrit Boersma\r\nKvK 20087430\r\n\r\n' +
        'Van: Gerrit Boersma\r\nVerzonden: vrijdag 27 maart 2020 14:05\r\nAan: aanbod@crisisteam.example\r\nOnderwerp: Aanbod luchtbehandeling\r\n\r\n' +
        'Wij hebben 60 luchtbehandelingsunits beschikbaar voor verhuur.\r\n\r\nGerrit Boersma\r\n',
    );
    const a = await analyse(raw);
    expect(a.forwardedBy).toBeNull();
    expect(a.sender?.email).toBe('g.boersma@boersma.example');
    expect(a.kvk).toBe('20087430');
  });
});

describe('an association asking after its own earlier forward (blind set p)', () => {
  // Bug: "RE: FW: Offer swab capacity" from an association, quoting its own forward of a member's offer, was read
  // as a reply written by the association: it became the sender and its own KvK number the company's.
  it('regression: the company in the quoted forward is the sender, the association its forwarder', async () => {
    const raw = Buffer.from(
      'From: Eline Kuipers <eline@hightech.example>\r\nTo: aanbod@crisisteam.example\r\nSubject: RE: FW: Offer swab capacity\r\n\r\n' +
        'Could you give us an update on the offer below from our member?\r\n\r\nKind regards,\r\nEline Kuipers\r\nChamber of Commerce 41187370\r\n\r\n' +
        'From: Eline Kuipers <eline@hightech.example>\r\nSent: Wednesday, April 8, 2020 4:40 PM\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: Offer swab capacity\r\n\r\n' +
        'Hello, forwarding an offer from one of our members. Best, Eline\r\n\r\n' +
        'From: Bas Verhoeven <bas@precisionmould.example>\r\nSent: Wednesday, April 8, 2020 9:14 AM\r\nTo: Eline Kuipers <eline@hightech.example>\r\nSubject: Offer swab capacity\r\n\r\n' +
        'We can produce 100,000 nasopharyngeal swabs per week from mid May.\r\n\r\nRegards,\r\nBas Verhoeven\r\nPrecisionMould B.V.\r\nKvK 17265590\r\n',
    );
    const a = await analyse(raw);
    expect(a.sender?.email).toBe('bas@precisionmould.example');
    expect(a.forwardedBy?.email).toBe('eline@hightech.example');
    expect(a.kvk).toBe('17265590');
    // A reply that quotes someone else's mail is still no forward.
    const reply = Buffer.from(
      'From: Eline Kuipers <eline@hightech.example>\r\nTo: bas@precisionmould.example\r\nSubject: RE: Offer swab capacity\r\n\r\nThanks Bas!\r\n\r\n' +
        'From: Bas Verhoeven <bas@precisionmould.example>\r\nSent: Wednesday, April 8, 2020 9:14 AM\r\nTo: Eline Kuipers <eline@hightech.example>\r\nSubject: Offer swab capacity\r\n\r\nWe can produce swabs.\r\n',
    );
    expect((await analyse(reply)).forwardedBy).toBeNull();
  });
});

describe('from blind set x', () => {
  // Bug: FME's mail server puts "_____ / FME | Dennis Kok | Adviseur | KvK 40409538" under the forwarded mail,
  // and the association's number won over the company's "KvK-nr. 50871234" in its signature above it.
  it("regression: the forwarder's footer under the forwarded mail is theirs, KvK included", async () => {
    const a = await analyse(
      Buffer.from(
        'From: "Kok, Dennis" <d.kok@fme.nl>\r\nTo: aanbod@crisisteam.example\r\nSubject: FW: neusbeugels\r\n\r\nNog eentje voor de materialen.\r\nDennis\r\n\r\n' +
          'From: Lotte Wassink <l.wassink@draad.example>\r\nSent: Friday, March 27, 2020 4:40 PM\r\nTo: Kok, Dennis <d.kok@fme.nl>\r\nSubject: neusbeugels\r\n\r\n' +
          'Wij kunnen neusbeugels maken, 5 miljoen stuks per week.\r\n\r\nGroeten,\r\nLotte Wassink\r\nDraadindustrie B.V. | KvK-nr. 50871234\r\n\r\n' +
          '___________________________\r\nFME | Dennis Kok | Adviseur Productie | KvK 40409538\r\n',
      ),
    );
    expect(a.forwardedBy?.email).toBe('d.kok@fme.nl');
    expect(a.kvk).toBe('50871234');
  });

  // Bug: a mailing-list digest quoting a member's post ("From: ... Subject: ...") named the list as forwarder.
  it('regression: a list digest is no forward of the posts it collects', async () => {
    const a = await analyse(
      Buffer.from(
        'From: redactie@mkb.example\r\nTo: aanbod@crisisteam.example\r\nList-Id: MKB Coronaberichten <corona.lists.mkb.example>\r\n' +
          'Subject: Coronaberichten Digest, Vol 3, Issue 12\r\n\r\nToday\'s Topics:\r\n\r\n   1. Mondkapjes te koop\r\n\r\n' +
          'Message: 1\r\nFrom: Jan <jan@maskers.example>\r\nDate: Fri, 27 Mar 2020 16:00:00 +0100\r\nSubject: Mondkapjes te koop\r\n\r\nWij hebben 10.000 mondkapjes op voorraad.\r\n',
      ),
    );
    expect(a.route).toBe('ignore');
    expect(a.forwardedBy).toBeNull();
  });
});
