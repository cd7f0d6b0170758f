import { describe, expect, it } from 'vitest';
import { findFormForward } from '../../src/mail/form-forward.js';
import { findMemberOffer } from '../../src/mail/member-offer.js';

const association = { email: 'desk@vereniging.example', name: 'Desk' };
const form =
  'Zie onderstaand aanbod.\n\n---\nBedrijfsnaam: Acme B.V.\nContact person: Jan Jansen\nEmail address: <Jan@Acme.example>\nPhone: 010 123 45 67\n' +
  'Aanbod: 20.000 schorten per week\n---\nGroet, de desk';

describe('findFormForward', () => {
  it('cuts the fields and the offer out of the note and the signature around them', () => {
    expect(findFormForward(form, association)).toEqual({
      from: { email: 'jan@acme.example', name: 'Jan Jansen' },
      note: 'Zie onderstaand aanbod.\n\n---\n---\nGroet, de desk',
      text: 'Bedrijfsnaam: Acme B.V.\nContact person: Jan Jansen\nEmail address: <Jan@Acme.example>\nPhone: 010 123 45 67\nAanbod: 20.000 schorten per week',
    });
  });

  it('needs two fields beside the address, a sender on its own domain and another address in the fields', () => {
    expect(findFormForward('Groet,\nJan\nE-mail: jan@acme.example\nTel: 010 123 45 67', association)).toBeNull();
    expect(findFormForward(form, { email: 'jan.jansen@gmail.com', name: null })).toBeNull();
    expect(findFormForward(form, { email: 'info@acme.example', name: null })).toBeNull();
    expect(findFormForward(form, null)).toBeNull();
  });
});

describe('findMemberOffer', () => {
  const text =
    'Namens ons lid Weverij B.V. het volgende aanbod: 180.000 meter doek.\n\nContactpersoon: Rik Nijhuis, commercieel directeur, r.nijhuis@weverij.example, 0541 58 33 10.\n\nMet vriendelijke groet,\nCarla\nKvK 30127810';

  it("takes the member in the contact line and leaves the association's signature out of the offer", () => {
    expect(findMemberOffer(text, { email: 'c.meijer@modint.example', name: null })).toEqual({
      from: { email: 'r.nijhuis@weverij.example', name: 'Rik Nijhuis' },
      note: 'Met vriendelijke groet,\nCarla\nKvK 30127810',
      text: 'Namens ons lid Weverij B.V. het volgende aanbod: 180.000 meter doek.\n\nContactpersoon: Rik Nijhuis, commercieel directeur, r.nijhuis@weverij.example, 0541 58 33 10.',
    });
  });

  it('needs "on behalf of a member" and a contact on another domain', () => {
    expect(
      findMemberOffer(text.replace('Namens ons lid', 'Wij hebben'), { email: 'c.meijer@modint.example', name: null }),
    ).toBeNull();
    expect(findMemberOffer(text, { email: 'info@weverij.example', name: null })).toBeNull();
  });
});
