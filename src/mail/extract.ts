import type { Address, Contact, LeadTime, Quantity } from '../core/types.js';
import { findCertifications } from './certifications.js';
import { extractSender } from './contact.js';
import { emailDomain } from './extract-domain.js';
import { findPhone } from './extract-phone.js';
import { findSignature } from './extract-signature.js';
import { findWebsite } from './extract-website.js';
import { correctedKvk, findKvk } from './kvk.js';
import { findLeadTime } from './lead-time.js';
import { findQuantities } from './quantities.js';

export interface ExtractInput {
  /** the company's own message (the forwarded original, unwrapped), signature still in it */
  text: string;
  /** the company's address from the forward header, or null when the header lacked it */
  from: Address | null;
  subject: string | null;
  html?: string | null;
  /** what the sender wrote earlier in the quoted thread (own-history.ts): read when the offer lacks a fact */
  history?: string | null;
}

export interface Extracted {
  sender: Contact | null;
  kvk: string | null;
  phone: string | null;
  website: string | null;
  quantities: Quantity[];
  leadTime: LeadTime;
  certifications: string[];
}

/**
 * The facts a reviewer and the router need from one offer. Pure and linear in the input size: every
 * pattern is precompiled and bounded, so a hostile 1 MB body costs milliseconds, not minutes.
 */
export function extractOffer(input: ExtractInput): Extracted {
  const signature = findSignature(input.text);
  const earlier = input.history ? findSignature(input.history) : null;
  const sender = extractSender(input.from, signature, earlier);
  const domain = sender ? emailDomain(sender.email) : null;
  // Subjects often carry the offer in a nutshell ("500.000 FFP2 direct uit voorraad"); contact data never.
  const offer = input.subject ? `${input.subject}\n\n${input.text}` : input.text;
  return {
    sender,
    // A newer note correcting the number ("ons juiste KvK-nummer is ...") beats the one in the offer it re-sends.
    kvk: (input.history ? correctedKvk(input.history) : null) ?? findKvk(input.text) ?? (input.history ? findKvk(input.history) : null),
    phone: findPhone(signature, input.text, domain) ?? (earlier ? findPhone(earlier, input.history!, domain) : null),
    website: findWebsite(signature, input.text, input.html ?? null, domain),
    quantities: findQuantities(offer),
    leadTime: findLeadTime(offer),
    certifications: findCertifications(offer),
  };
}
