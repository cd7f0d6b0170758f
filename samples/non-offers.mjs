// Demo mail that must never be answered nor become a lead.
import { INBOX, hash } from '../tests/fixtures/corpus/generator/render.mjs';
import { attachedMessage, leaf, message, multipart } from '../tests/fixtures/corpus/generator/mime.mjs';
import { a, alt, ourReply, text, top } from '../tests/fixtures/corpus/generator/compose.mjs';

export default [
  {
    id: 'ignore-autoreply-auto-submitted', how: 'out-of-office with Auto-Submitted (RFC 3834)',
    build: (id) => message(top(id, {
      from: a('Lieke Verstraete', 'l.verstraete@zeeuwsefilter.nl'), subject: 'Automatisch antwoord: Uw aanbod FFP2-maskers', date: '2020-04-07 08:00', style: 'outlook',
      extra: ['Auto-Submitted: auto-generated', 'X-Auto-Response-Suppress: All'],
    }), text(`Ik ben afwezig tot 14 april. Voor vragen over onze FFP2-maskers kunt u bellen met 0115 123 456.`)),
  },
  {
    id: 'ignore-out-of-office-x-autoreply', how: 'English out-of-office with X-Autoreply only',
    build: (id) => message(top(id, {
      from: a('Laura Finch', 'laura.finch@protectwear.eu'), subject: 'Out of office', date: '2020-04-09 07:00',
      extra: ['X-Autoreply: yes'],
    }), text(`I am out of the office until Monday 13 April and will reply on my return.`, 'utf-8', '7bit')),
  },
  {
    id: 'ignore-afwezig-subject', how: 'Dutch "Afwezig" subject, no automatic headers',
    build: (id) => message(top(id, {
      from: a('Rob Claessens', 'rob@claessens-precisie.nl'), subject: 'Afwezig', date: '2020-04-10 12:00',
    }), text(`Ik ben afwezig tot en met 14 april. Uw bericht wordt niet doorgestuurd.`)),
  },
  {
    id: 'ignore-bounce-mailer-daemon', how: 'bounce: multipart/report from MAILER-DAEMON, our reply inside',
    build(id) {
      const ours = ourReply(id, a(null, 'info@mondkapjes-direct.nl'), 'Ontvangstbevestiging van uw aanbod', `Dank voor uw aanbod van mondkapjes.

Crisisteam Medische Hulpmiddelen`, '2020-04-02 10:00');
      return message(top(id, {
        from: a('Mail Delivery System', 'MAILER-DAEMON@mail.crisisteam.example'), subject: 'Undelivered Mail Returned to Sender', date: '2020-04-02 10:01',
        extra: ['Auto-Submitted: auto-replied'],
      }), multipart('report', [
        text(`This is the mail system at host mail.crisisteam.example.

Your message could not be delivered to <info@mondkapjes-direct.nl>: 550 5.1.1 User unknown`, 'us-ascii', '7bit'),
        leaf({ type: 'message/delivery-status', charset: 'us-ascii', cte: '7bit', text: `Reporting-MTA: dns; mail.crisisteam.example

Final-Recipient: rfc822; info@mondkapjes-direct.nl
Action: failed
Status: 5.1.1
` }),
        attachedMessage(ours),
      ], `bounce_${hash(id).slice(0, 16)}`, ' report-type=delivery-status;'));
    },
  },
  {
    id: 'ignore-newsletter-list-id', how: 'newsletter (List-Id, List-Unsubscribe, Precedence: bulk) selling masks',
    build: (id) => message(top(id, {
      from: a('ZorgShop', 'nieuws@zorgshop-online.example'), subject: 'Deze week in de aanbieding: mondkapjes en handgel', date: '2020-04-20 07:00',
      extra: ['List-Id: ZorgShop nieuws <nieuws.zorgshop-online.example>', 'List-Unsubscribe: <mailto:afmelden@zorgshop-online.example>', 'Precedence: bulk'],
    }), alt(`Deze week: mondkapjes per 50 stuks en handgel 500 ml met korting. Bestel in onze webshop.

Afmelden voor deze nieuwsbrief kan onderaan deze e-mail.`, id)),
  },
  {
    id: 'ignore-spam-crypto', how: 'spam: crypto',
    build: (id) => message(top(id, {
      from: a('Crypto Millionaire', 'win@crypto-millions.example'), subject: 'Turn €250 into €25,000 in one week', date: '2020-04-12 04:00',
    }), leaf({ type: 'text/html', charset: 'utf-8', cte: 'base64', text: `<html><body><h1>The crisis is your chance!</h1><p>Our trading robot made investors rich. <a href="http://crypto-millions.example">Start now</a>.</p></body></html>` })),
  },
  {
    id: 'ignore-spam-pharma', how: 'spam: pharma',
    build: (id) => message(top(id, {
      from: a('MedsOnline', 'offers@meds-online-24.example'), subject: 'Hydroxychloroquine without prescription', date: '2020-04-04 02:00',
    }), text(`Hydroxychloroquine 200mg, Viagra, Cialis. No prescription. Worldwide discreet shipping.`)),
  },
  {
    id: 'ignore-unrelated-colleague', how: 'unrelated mail from a colleague',
    build: (id) => message(top(id, {
      from: a('Koen Dekker', 'koen@crisisteam.example'), to: [INBOX], subject: 'Sleutel kantoor', date: '2020-04-17 17:00', style: 'outlook',
    }), text(`Wie heeft de sleutel van de vergaderkamer nog? Ik wil hem morgen graag terug.

Koen`)),
  },
];
