// Demo offers, one per format and route; `how` is the README's description.
import {
  fme, hightech, hollandbio, metaalunie, mkb, modint, nefemed, nrk, tln, vnci,
} from '../tests/fixtures/corpus/generator/associations.mjs';

const co = (name, email, org) => ({ name, email, org });

const sharedOriginal = {
  subject: 'Productie FFP2-maskers in Zeeland', date: '2020-04-06 09:30',
  text: `Geachte heer, mevrouw,

Zeeuwse Filtertechniek heeft een productielijn voor FFP2-maskers (EN 149) in gebruik genomen in
Terneuzen. Vanaf 1 mei kunnen we 250.000 maskers per week leveren. Het meltblown komt van een
Duitse leverancier; de certificering door de notified body is aangevraagd.

Wij zoeken een afnameafspraak met de overheid voor de komende zes maanden.

Met vriendelijke groet,
Lieke Verstraete
Zeeuwse Filtertechniek B.V.
KvK-nummer: 22061184`,
};
const zeeland = co('Lieke Verstraete', 'l.verstraete@zeeuwsefilter.nl', 'Zeeuwse Filtertechniek B.V.');

export default [
  {
    id: 'masks-ffp2-line-rfc822-hightechnl', route: 'review', category: 'masks', format: 'rfc822', shape: 'alt',
    how: 'forward as message/rfc822 attachment; the same original as the next file',
    company: zeeland, originalSeed: 'sample-zeeland', original: { ...sharedOriginal, to: [{ name: 'HightechNL', email: 'info@hightechnl.nl' }] },
    forward: { by: hightech, date: '2020-04-06 11:00', note: 'Goedemorgen, aanbod FFP2-productie van een lid.' },
  },
  {
    id: 'masks-ffp2-line-rfc822-fme', route: 'review', category: 'masks', format: 'rfc822', shape: 'text',
    how: 'the same offer forwarded by a second association: one lead, two sources',
    company: zeeland, originalSeed: 'sample-zeeland', original: { ...sharedOriginal, to: [{ name: 'HightechNL', email: 'info@hightechnl.nl' }] },
    forward: { by: fme, date: '2020-04-06 14:20', note: 'Ook bij ons binnengekomen, ter info.' },
  },
  {
    id: 'masks-stock-direct-cp1252', route: 'redirect', category: 'masks', format: 'direct', charset: 'windows-1252', cte: '8bit', client: 'outlook',
    how: 'direct, windows-1252 8bit with € and curly quotes; masks from stock',
    company: co('Bram Sanders', 'b.sanders@sandersmedical.nl', 'Sanders Medical B.V.'),
    original: {
      subject: '120.000 mondmaskers type IIR uit voorraad', date: '2020-03-27 10:45',
      text: `Geacht crisisteam,

Wij hebben 120.000 chirurgische mondmaskers type IIR direct leverbaar uit voorraad in Breda.
Prijs € 0,55 per stuk. Levering binnen 24 uur, “franco huis” bij afname van de hele partij.

Met vriendelijke groet,
Bram Sanders
Sanders Medical B.V. – KvK 2009 4417`,
    },
  },
  {
    id: 'gowns-negation-apple-modint', route: 'review', category: 'gowns', format: 'apple-nl', shape: 'alt',
    how: 'Apple Mail NL forward; "geen mondkapjes maar wel schorten"',
    company: co('Greet Hofman', 'greet@hofman-ateliers.nl', 'Hofman Ateliers'),
    original: {
      subject: 'Schorten naaien', date: '2020-04-02 13:10',
      text: `Beste Joyce,

Mondkapjes maken wij niet, daar is ons atelier niet op ingericht. Isolatieschorten kunnen we wel
maken: 6.000 per week, van gecoat polyester, wasbaar.

Groet,
Greet Hofman
Hofman Ateliers, Tilburg
K.v.K. nr. 18077320`,
    },
    forward: { by: modint, date: '2020-04-02 15:00', note: 'Nog een atelier met capaciteit voor schorten.' },
  },
  {
    id: 'gowns-stock-gmail-fme', route: 'redirect', category: 'gowns', format: 'gmail-en', shape: 'alt',
    how: 'Gmail EN forward; coveralls in stock, ship this week',
    company: co('Laura Finch', 'laura.finch@protectwear.eu', 'ProtectWear Europe B.V.'),
    original: {
      subject: 'Coveralls type 4/5/6 in stock', date: '2020-04-08 08:40',
      text: `Dear Ruud,

We have 12,000 coveralls (type 4/5/6, EN 14126) in stock in Venlo and can ship this week.

Best regards,
Laura Finch
ProtectWear Europe B.V.
Chamber of Commerce no. 63190552`,
    },
    forward: { by: fme, date: '2020-04-08 10:15', note: 'Overalls op voorraad.' },
  },
  {
    id: 'tests-serology-thunderbird-hollandbio', route: 'review', category: 'tests', format: 'thunderbird-en', shape: 'text',
    how: 'Thunderbird EN forward; test development and production capacity',
    company: co('Dr. Joost Kamphuis', 'j.kamphuis@serodiag.nl', 'SeroDiag B.V.'),
    original: {
      subject: 'Rapid antibody test, production from May', date: '2020-04-12 16:00',
      text: `Dear Mark,

SeroDiag can produce 50,000 rapid antibody tests per week from May in Groningen. Validation with
the UMCG is under way.

Kind regards,
Dr. Joost Kamphuis
SeroDiag B.V. | KvK 7301 5562`,
    },
    forward: { by: hollandbio, date: '2020-04-13 09:00', note: 'Test offer from a member.' },
  },
  {
    id: 'tests-pcr-stock-direct-html', route: 'redirect', category: 'tests', format: 'direct', shape: 'html', client: 'outlook',
    how: 'HTML-only, direct; PCR kits from stock',
    company: co('Marloes Timmer', 'm.timmer@labsupply-nl.nl', 'LabSupply Nederland'),
    original: {
      subject: 'PCR-kits direct leverbaar', date: '2020-04-01 12:12',
      text: `Geacht crisisteam,

Wij hebben 8.000 PCR-testkits voor SARS-CoV-2 (CE-IVD) op voorraad in Nijmegen, binnen 2 dagen
leverbaar.

Met vriendelijke groet,
Marloes Timmer
LabSupply Nederland
KvK 4106 6620`,
    },
  },
  {
    id: 'materials-meltblown-outlook-nrk', route: 'review', category: 'materials', format: 'outlook-en', shape: 'alt',
    how: 'Outlook EN forward; meltblown supplier that talks about masks',
    company: co('Piotr Zielinski', 'p.zielinski@polmelt.pl', 'PolMelt Sp. z o.o.'),
    original: {
      subject: 'Meltblown for FFP2 masks', date: '2020-04-14 11:30',
      text: `Dear Bas,

PolMelt makes meltblown filter fabric (BFE 99) for FFP2 and surgical masks. We can ship 15 tons per
month to Dutch mask producers from May.

Regards,
Piotr Zielinski
PolMelt Sp. z o.o., Łódź`,
    },
    forward: { by: nrk, date: '2020-04-14 14:00', note: 'Materiaal voor maskerproducenten.' },
  },
  {
    id: 'ventilators-parts-owa-fme', route: 'review', category: 'ventilators', format: 'owa-nl', shape: 'alt',
    how: 'Outlook on the web NL forward; parts for ventilators',
    company: co('Rob Claessens', 'rob@claessens-precisie.nl', 'Claessens Precisie'),
    original: {
      subject: 'Onderdelen voor beademingsapparatuur', date: '2020-03-25 08:20',
      text: `Beste Ruud,

Wij kunnen kleppen en behuizingen voor beademingsapparaten frezen, zo'n 300 sets per week.

Groet,
Rob Claessens
Claessens Precisie, Eindhoven
KvK 17309982`,
    },
    forward: { by: fme, date: '2020-03-25 10:00', note: 'Aanbod onderdelen beademing.' },
  },
  {
    id: 'ventilators-stock-thunderbird-nefemed', route: 'redirect', category: 'ventilators', format: 'thunderbird-en', shape: 'alt',
    how: 'Thunderbird EN forward; ventilators in stock',
    company: co('Hugo Baines', 'h.baines@critcare-supply.nl', 'CritCare Supply B.V.'),
    original: {
      subject: 'Transport ventilators available now', date: '2020-03-30 09:00',
      text: `Dear Karin,

We have 20 new transport ventilators in stock in Best, available for delivery tomorrow.

Regards,
Hugo Baines
CritCare Supply B.V.
CoC 17288433`,
    },
    forward: { by: nefemed, date: '2020-03-30 10:30', note: 'Beademing op voorraad.' },
  },
  {
    id: 'other-fan-direct-latin1', route: 'review', category: 'other', format: 'direct', charset: 'iso-8859-1', cte: 'quoted-printable', client: 'tb',
    how: 'direct, iso-8859-1 quoted-printable; a "ventilator" that is a fan',
    company: co('Gijs Roelofs', 'g.roelofs@roelofs-klimaat.nl', 'Roelofs Klimaattechniek'),
    original: {
      subject: 'Ventilatoren voor tijdelijke zorglocaties', date: '2020-04-03 15:30',
      text: `Geacht crisisteam,

Wij leveren en plaatsen ventilatoren en luchtbehandeling voor tijdelijke zorglocaties in hallen en
tenten. Capaciteit: 10 locaties per week. Geen beademing, wel frisse lucht.

Met vriendelijke groet,
Gijs Roelofs
Roelofs Klimaattechniek, Deventer
KvK 0812 2291`,
    },
  },
  {
    id: 'other-gloves-stock-original-mkb', route: 'redirect', category: 'other', format: 'original-nl', shape: 'text',
    how: '"-----Oorspronkelijk bericht-----" forward; gloves from stock; BTW number is no KvK',
    company: co('Ilona Veenstra', 'ilona@veenstra-hygiene.nl', 'Veenstra Hygiëne'),
    original: {
      subject: 'Handschoenen op voorraad', date: '2020-04-07 09:15',
      text: `Beste Annelies,

Wij hebben 300.000 nitril handschoenen op voorraad, levering binnen 2 werkdagen.

Groet,
Ilona Veenstra
Veenstra Hygiëne, Leeuwarden
BTW NL812345678B01`,
    },
    forward: { by: mkb, date: '2020-04-07 11:00', note: 'Via het ondernemersloket.' },
  },
  {
    id: 'other-3dprint-direct-base64', route: 'review', category: 'other', format: 'direct', cte: 'base64', client: 'gmail',
    how: 'direct, base64 text; 3D printing capacity',
    company: co('Sam Okafor', 'sam@layerlab.nl', 'LayerLab'),
    original: {
      subject: '3D printing for hospitals', date: '2020-03-26 20:20',
      text: `Hello,

LayerLab can 3D print face shield frames and small parts for hospitals, about 1,500 parts per day.

Best,
Sam Okafor
LayerLab, Rotterdam
Chamber of Commerce 70881245`,
    },
  },
  {
    id: 'other-certlab-outlook-nefemed', route: 'review', category: 'other', format: 'outlook-nl', shape: 'alt',
    how: 'Outlook NL forward with PDF; a test lab for mask certification (service)',
    company: co('Ing. Marit Stam', 'm.stam@normlab.nl', 'NormLab B.V.'),
    original: {
      subject: 'Certificering mondmaskers', date: '2020-04-09 10:00',
      attachments: ['pdf:NormLab_tarieven.pdf'],
      text: `Beste Karin,

NormLab kan mondmaskers testen volgens EN 149 en EN 14683, met uitslag binnen een week.
Tarieven in de bijlage.

Met vriendelijke groet,
Ing. Marit Stam
NormLab B.V.
KvK-nummer 30190027`,
    },
    forward: { by: nefemed, date: '2020-04-09 12:00', note: 'Testlab, ter info.' },
  },
  {
    id: 'ventilators-nested-rfc822', route: 'review', category: 'ventilators', format: 'rfc822-nested', shape: 'alt',
    how: 'forward as attachment, nested two deep (company → Metaalunie → FME → inbox)',
    company: co('Kees Moerman', 'kees@moerman-plaatwerk.nl', 'Moerman Plaatwerk'),
    original: {
      subject: 'Plaatwerk voor beademingsapparatuur', date: '2020-03-24 08:00',
      text: `Gerard,

Wij kunnen behuizingen van plaatstaal maken voor beademingsapparatuur, 200 per week.

Kees Moerman
Moerman Plaatwerk, Apeldoorn
KvK 0814 5530`,
    },
    middle: { by: metaalunie, date: '2020-03-24 09:30', note: 'Ruud, zie bijgevoegd.' },
    forward: { by: fme, date: '2020-03-24 11:00', note: 'Via de Metaalunie.' },
  },
  {
    id: 'gowns-reply-thread-nl', route: 'review', category: 'gowns', format: 'reply', shape: 'alt', client: 'gmail',
    how: 'a reply in a thread (no forwarder) quoting the team\'s question',
    company: co('Tineke Post', 'tineke@postconfectie.nl', 'Post Confectie'),
    quote: { date: '2020-04-15 09:00', lang: 'nl', text: `Beste mevrouw Post,

Hoeveel schorten kunt u per week maken, en vanaf wanneer?

Met vriendelijke groet,
Crisisteam Medische Hulpmiddelen` },
    original: {
      subject: 'Re: Uw aanbod schorten', date: '2020-04-15 14:00',
      text: `Beste crisisteam,

Wij kunnen 3.000 schorten per week maken, vanaf 1 mei.

Groet,
Tineke Post
Post Confectie
KvK 0915 7781`,
    },
  },
  {
    id: 'masks-reply-stock-en', route: 'redirect', category: 'masks', format: 'reply', shape: 'text', client: 'outlook',
    how: 'a reply in a thread in English; masks in stock',
    company: co('Omar Haddad', 'omar@haddadtrading.nl', 'Haddad Trading'),
    quote: { date: '2020-04-11 10:00', lang: 'en', text: `Dear Mr Haddad,

Are the masks still available, and how soon could they be delivered?

Kind regards,
Crisisteam Medische Hulpmiddelen` },
    original: {
      subject: 'RE: Your offer of masks', date: '2020-04-11 12:00',
      text: `Dear team,

Yes, the 60,000 FFP2 masks are in stock in Schiphol-Rijk and can ship this week.

Regards,
Omar Haddad
Haddad Trading`,
    },
  },
  {
    id: 'materials-elastic-gmail-modint', route: 'review', category: 'materials', format: 'gmail-nl', shape: 'alt',
    how: 'Gmail NL forward; elastic for ear loops; "KvK 1234 5678" form',
    company: co('Wim Ten Hove', 'w.tenhove@tenhove-textiel.nl', 'Ten Hove Textiel'),
    original: {
      subject: 'Elastiek voor oorlussen', date: '2020-04-10 09:00',
      text: `Beste Joyce,

Wij kunnen 1 miljoen meter elastiek per maand leveren voor oorlussen van mondkapjes.

Groet,
Wim ten Hove
Ten Hove Textiel, Enschede
KvK 0606 1299`,
    },
    forward: { by: modint, date: '2020-04-10 11:00', note: 'Materiaal voor mondkapjes.' },
  },
  {
    id: 'other-disinfectant-mailto-vnci', route: 'review', category: 'other', format: 'outlook-en-mailto', shape: 'text',
    how: 'Outlook "From: Name [mailto:…]" forward; disinfectant production capacity',
    company: co('Claire Dubois', 'c.dubois@sanichem.nl', 'SaniChem B.V.'),
    original: {
      subject: 'Disinfectant production', date: '2020-03-21 10:00',
      text: `Dear Dr Brouwer,

SaniChem can produce 20,000 litres of surface disinfectant per week from April, in 5-litre cans.

Kind regards,
Claire Dubois
SaniChem B.V.
Chamber of Commerce no. 24401198`,
    },
    forward: { by: vnci, date: '2020-03-21 12:00', note: 'Production capacity, FYI.' },
  },
  {
    id: 'tests-kitfilling-html-gmail-hollandbio', route: 'review', category: 'tests', format: 'gmail-nl', shape: 'html',
    how: 'HTML-only Gmail NL forward: the forward header is inside the HTML',
    company: co('Noortje Wessels', 'n.wessels@vialfill.nl', 'VialFill B.V.'),
    original: {
      subject: 'Afvullen testbuffers', date: '2020-04-16 09:00',
      text: `Beste Mark,

VialFill kan testbuffers en reagentia afvullen in buisjes, 60.000 per week.

Met vriendelijke groet,
Noortje Wessels
VialFill B.V., Leiden
KvK 2811 9034`,
    },
    forward: { by: hollandbio, date: '2020-04-16 11:00', note: 'Kit-filling offer.' },
  },
  {
    id: 'other-logistics-apple-tln', route: 'review', category: 'other', format: 'apple-en', shape: 'alt',
    how: 'Apple Mail EN forward; logistics service',
    company: co('Erik Lund', 'e.lund@northsea-logistics.nl', 'NorthSea Logistics B.V.'),
    original: {
      subject: 'Warehouse space for medical supplies', date: '2020-03-23 08:00',
      text: `Dear Wouter,

We have 5,000 pallet places free in Moerdijk for storage and distribution of medical supplies.

Kind regards,
Erik Lund
NorthSea Logistics B.V.
KvK 20133107`,
    },
    forward: { by: tln, date: '2020-03-23 10:00', note: 'Opslagcapaciteit.' },
  },
  {
    id: 'masks-community-direct-b-subject', route: 'review', category: 'masks', format: 'direct', charset: 'iso-8859-1', cte: 'quoted-printable', subjectEncoding: 'B', client: 'tb',
    how: 'direct, =?iso-8859-1?B?…?= subject; community masks, no KvK',
    company: co('Chloë de Ruiter', 'chloe@deruiter-naaiatelier.nl', 'Naaiatelier De Ruiter'),
    original: {
      subject: 'Mondkapjes voor thuiszorg: aanbod van Chloë', date: '2020-04-19 19:00',
      text: `Beste crisisteam,

Ons naaiatelier kan 1.500 wasbare mondkapjes per week maken voor thuiszorg en mantelzorgers.

Groet,
Chloë de Ruiter
06-31415926`,
    },
  },
];
