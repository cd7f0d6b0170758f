import { describe, expect, it } from 'vitest';
import { addressRefusal, messageRefusal, planRecipients, type ReplyRules } from '../../src/replies/recipients.js';
import { analysisOf } from './replies-fixtures.js';

const rules: ReplyRules = { fromAddress: 'aanbod@crisisteam.example', ministryAddress: 'inkoop@ministerie.example', ccForwarder: false };
const company = { email: 'info@maskers.example', name: 'Jan de Vries' };
const association = { email: 'leden@association.example', name: 'Brancheorganisatie' };

describe('planRecipients', () => {
  it('answers the company, not the association that forwarded the offer', () => {
    const plan = planRecipients(company, association, analysisOf(), rules);
    expect(plan).toEqual({ ok: true, recipients: { to: company, cc: null } });
  });

  it('puts the forwarder in Cc only when configured', () => {
    const plan = planRecipients(company, association, analysisOf(), { ...rules, ccForwarder: true });
    expect(plan.ok && plan.recipients.cc).toEqual(association);
  });

  it('drops an unsafe forwarder from Cc but still answers the company', () => {
    const plan = planRecipients(company, { email: 'noreply@association.example', name: null }, analysisOf(), { ...rules, ccForwarder: true });
    expect(plan).toEqual({ ok: true, recipients: { to: company, cc: null } });
  });

  it('withholds when the only address found is the forwarder', () => {
    const plan = planRecipients(association, association, analysisOf(), rules);
    expect(plan).toEqual({ ok: false, reason: 'the only address found is the forwarder, not the company' });
  });

  it('withholds when there is no company address or it is malformed', () => {
    expect(planRecipients(null, association, analysisOf(), rules)).toEqual({ ok: false, reason: 'no company address found' });
    const injected = { email: 'a@b.example\r\nBcc: victim@x.example', name: null };
    expect(planRecipients(injected, null, analysisOf(), rules)).toEqual({ ok: false, reason: 'company address is not a valid address' });
  });

  it('cleans control characters out of display names', () => {
    const plan = planRecipients({ email: 'info@maskers.example', name: 'Jan\r\nBcc: victim@x.example' }, null, analysisOf(), rules);
    expect(plan.ok && plan.recipients.to.name).toBe('Jan Bcc: victim@x.example');
  });
});

describe('messageRefusal: RFC 3834 and list rules', () => {
  const safety = analysisOf().replySafety;
  const cases: Array<[string, Parameters<typeof analysisOf>[0], RegExp]> = [
    ['automatic mail', { automatic: { kind: 'auto-reply', reason: 'out of office' } }, /^automatic mail \(auto-reply\)/],
    ['a bounce', { automatic: { kind: 'bounce', reason: 'delivery status notification' } }, /bounce/],
    ['Auto-Submitted', { replySafety: { ...safety, autoSubmitted: 'auto-generated' } }, /^Auto-Submitted/],
    ['empty Return-Path', { replySafety: { ...safety, returnPath: '<>' } }, /empty Return-Path/],
    ['List-Id', { replySafety: { ...safety, listId: '<leden.association.example>' } }, /mailing list/],
    ['Precedence bulk', { replySafety: { ...safety, precedence: 'bulk' } }, /^Precedence/],
    ['X-Auto-Response-Suppress OOF', { replySafety: { ...safety, autoResponseSuppress: 'DR, OOF' } }, /X-Auto-Response-Suppress/],
    ['X-Auto-Response-Suppress All', { replySafety: { ...safety, autoResponseSuppress: 'All' } }, /X-Auto-Response-Suppress/],
    ['our own Message-ID domain', { messageId: '<OT-000001.acknowledgement.x@crisisteam.example>' }, /our own/],
  ];
  for (const [name, over, reason] of cases) {
    it(`refuses ${name}`, () => {
      expect(messageRefusal(analysisOf(over), rules)).toMatch(reason);
      expect(planRecipients(company, null, analysisOf(over), rules).ok).toBe(false);
    });
  }

  it('answers mail that says Auto-Submitted: no, or suppresses only delivery reports', () => {
    expect(messageRefusal(analysisOf({ replySafety: { ...safety, autoSubmitted: 'no' } }), rules)).toBeNull();
    expect(messageRefusal(analysisOf({ replySafety: { ...safety, autoResponseSuppress: 'DR, RN, NRN' } }), rules)).toBeNull();
  });
});

describe('addressRefusal', () => {
  it.each([
    ['aanbod@crisisteam.example', /our own address/],
    ['someone@crisisteam.example', /our own address/],
    ['inkoop@ministerie.example', /ministry/],
    ['MAILER-DAEMON@mx.example', /robot/],
    ['postmaster@maskers.example', /robot/],
    ['no-reply@maskers.example', /robot/],
    ['noreply@maskers.example', /robot/],
    ['do-not-reply@maskers.example', /robot/],
    ['donotreply@maskers.example', /robot/],
    ['bounces+123@maskers.example', /robot/],
    ['leden-request@lists.example', /robot/],
  ])('refuses %s', (address, reason) => {
    expect(addressRefusal(address, rules)).toMatch(reason);
  });

  it('accepts an ordinary company address', () => {
    expect(addressRefusal('inkoop@maskers.example', rules)).toBeNull();
    expect(addressRefusal('noreen@maskers.example', rules)).toBeNull();
  });
});
