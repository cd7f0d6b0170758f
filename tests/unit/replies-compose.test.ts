import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { composeReply } from '../../src/replies/compose.js';
import { headerText, replySubject, safeMessageId, threadHeaders } from '../../src/replies/headers.js';
import { buildMail, partsOf } from '../../src/replies/message.js';
import { composeMinistryForward } from '../../src/replies/ministry.js';
import { render, TEMPLATES, type TemplateVars } from '../../src/replies/templates.js';
import { analysisOf, contextOf, replyConfig } from './replies-fixtures.js';

const vars = (over: Partial<TemplateVars> = {}): TemplateVars => ({
  company: 'Maskers BV',
  contact: 'Jan de Vries',
  category: 'mondmaskers',
  reference: 'OT-000007',
  team: 'Crisisteam',
  replySubject: 'Re: Aanbod [OT-000007]',
  ministryAddress: 'inkoop@ministerie.example',
  offer: { senderEmail: 'info@maskers.example', phone: '', website: '', kvk: '', quantities: '', leadTime: '', certifications: '', forwardedBy: '', text: 'Wij maken maskers.' },
  ...over,
});

async function eml(mail: ReturnType<typeof buildMail>): Promise<string> {
  const info = (await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(mail)) as { message: Buffer };
  return info.message.toString('utf8');
}

describe('replySubject', () => {
  it('adds Re: and the reference once', () => {
    expect(replySubject('Aanbod mondkapjes', 'OT-000123', 'Uw aanbod')).toBe('Re: Aanbod mondkapjes [OT-000123]');
  });
  it('never doubles Re:, and drops forward prefixes', () => {
    expect(replySubject('RE: Re:  Fwd: Aanbod', 'OT-000123', 'x')).toBe('Re: Aanbod [OT-000123]');
    expect(replySubject('Doorst: WG: Antw: Aanbod', 'OT-000123', 'x')).toBe('Re: Aanbod [OT-000123]');
  });
  it('does not repeat a reference already in the subject', () => {
    expect(replySubject('Re: Aanbod [OT-000123]', 'OT-000123', 'x')).toBe('Re: Aanbod [OT-000123]');
  });
  it('falls back when there is no subject, and strips CR/LF', () => {
    expect(replySubject(null, 'OT-000001', 'Uw aanbod')).toBe('Re: Uw aanbod [OT-000001]');
    expect(replySubject('Hi\r\nBcc: victim@x.example', 'OT-000001', 'x')).toBe('Re: Hi Bcc: victim@x.example [OT-000001]');
  });
});

describe('threadHeaders', () => {
  it('threads under the parent, after its own references', () => {
    expect(threadHeaders('<b@x>', ['<a@x>', 'not an id'])).toEqual({ inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] });
  });
  it('refuses ids that could break a header', () => {
    expect(safeMessageId('<a@x>\r\nBcc: v@x')).toBeNull();
    expect(threadHeaders('garbage', [])).toEqual({ inReplyTo: null, references: [] });
  });
});

describe('templates in both languages', () => {
  for (const name of TEMPLATES) {
    for (const language of ['nl', 'en'] as const) {
      it(`${name}.${language} names company, contact, category, reference and team`, () => {
        const r = render(name, language, vars());
        for (const text of ['Maskers BV', 'mondmaskers', 'OT-000007', 'Crisisteam']) {
          expect(r.text).toContain(text);
          expect(r.html).toContain(text);
        }
        if (name !== 'ministry-forward') expect(r.text).toContain('Jan de Vries');
        expect(r.html).toContain(`<html lang="${language}">`);
      });
    }
  }

  it('writes Dutch and English text', () => {
    expect(render('acknowledgement', 'nl', vars()).text).toMatch(/^Beste Jan de Vries,\n\nHartelijk dank/);
    expect(render('acknowledgement', 'en', vars()).text).toMatch(/^Dear Jan de Vries,\n\nThank you/);
    expect(render('acknowledgement', 'en', vars({ contact: null })).text).toMatch(/^Dear Sir or Madam,/);
  });

  it('puts the ministry address in the referral', () => {
    expect(render('referral', 'nl', vars()).text).toContain('inkoop@ministerie.example');
    expect(render('referral', 'en', vars()).html).toContain('inkoop@ministerie.example');
  });

  it('escapes variables in HTML and keeps them as written in plain text', () => {
    const r = render('acknowledgement', 'en', vars({ company: '<script>alert(1)</script> & Co' }));
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(r.html).not.toContain('<script>');
    expect(r.text).toContain('<script>alert(1)</script> & Co');
  });
});

describe('composeReply', () => {
  it('answers in the lead language, threaded under the company original', () => {
    const row = composeReply(contextOf({ language: 'en' }), 'acknowledgement', replyConfig);
    expect(row).toMatchObject({
      template: 'acknowledgement',
      language: 'en',
      withheldReason: null,
      to: { email: 'info@maskers.example', name: 'Jan de Vries' },
      cc: null,
      subject: 'Re: Aanbod mondkapjes [OT-000007]',
      inReplyTo: '<orig-1@maskers.example>',
      references: ['<orig-1@maskers.example>'],
    });
    expect(row.text).toContain('face masks');
    expect(row.messageId).toMatch(/^<OT-000007\.acknowledgement\.[\w-]+@crisisteam\.example>$/);
  });

  it('threads on the message itself when the company wrote to us directly', () => {
    const analysis = analysisOf({ forwardedBy: null, originalMessageId: null, messageId: '<direct@maskers.example>', references: ['<older@maskers.example>'] });
    const row = composeReply(contextOf({ originalMessageId: null, forwarder: null, analysis }), 'acknowledgement', replyConfig);
    expect(row.inReplyTo).toBe('<direct@maskers.example>');
    expect(row.references).toEqual(['<older@maskers.example>', '<direct@maskers.example>']);
  });

  it('does not thread on the association forward when the original id is unknown', () => {
    const row = composeReply(contextOf({ originalMessageId: null, analysis: analysisOf({ originalMessageId: null }) }), 'referral', replyConfig);
    expect(row.inReplyTo).toBeNull();
  });

  it('writes a withheld row, with the reason, for automatic mail', () => {
    const analysis = analysisOf({ automatic: { kind: 'auto-reply', reason: 'Auto-Submitted: auto-replied' } });
    const row = composeReply(contextOf({ analysis }), 'acknowledgement', replyConfig);
    expect(row.withheldReason).toMatch(/^automatic mail/);
    expect(row.to?.email).toBe('info@maskers.example');
  });

  it('sends ministry forwards to the ministry in the team language, with the original attached', () => {
    const row = composeMinistryForward(contextOf({ language: 'en' }), replyConfig);
    expect(row).toMatchObject({ to: { email: 'inkoop@ministerie.example', name: null }, language: 'nl', attachMessageId: 1, inReplyTo: null });
    expect(row.subject).toBe('Doorgestuurd aanbod OT-000007: mondmaskers van Maskers BV');
  });
});

describe('header injection', () => {
  it('cannot add a header through a name, subject or organisation', async () => {
    const evil = 'X\r\nBcc: victim@evil.example\r\nX-Injected: yes';
    const ctx = contextOf({ subject: evil, organisation: evil, sender: { email: 'info@maskers.example', name: evil } });
    const row = composeReply(ctx, 'acknowledgement', replyConfig);
    const text = await eml(buildMail(partsOf(row), { ...replyConfig, teamName: evil }, null));
    const head = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(head).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(head).toMatch(/^In-Reply-To: <orig-1@maskers\.example>$/m);
    expect(headerText(evil)).not.toMatch(/[\r\n]/);
  });
});
