import { describe, expect, it } from 'vitest';
import { findFormForward } from '../../src/mail/form-forward.js';

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
