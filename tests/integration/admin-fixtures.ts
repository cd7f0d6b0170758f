import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/admin/password.js';
import type { Db } from '../../src/store/db.js';
import { createUser, type Role } from '../../src/store/users.js';

/**
 * Shared by the admin and browser tests: leads inserted straight with SQL (the pipeline is tested on its
 * own), accounts, and a cookie-carrying client over fastify's inject().
 */
export const PASSWORD = 'correct horse battery staple';

export async function addUser(db: Db, email: string, role: Role): Promise<void> {
  await createUser(db.pool, email, role, await hashPassword(PASSWORD));
}

export interface SeedLead {
  reference?: string;
  status?: string;
  route?: 'review' | 'redirect';
  category?: string;
  priority?: number;
  organisation?: string;
  senderEmail?: string;
  forwardedBy?: string | null;
  raw?: string;
  offerText?: string;
  certifications?: string[];
}

let seq = 0;

export function rawMail(subject: string, body: string, contentType = 'text/plain; charset=utf-8'): string {
  return [
    'From: Jan Jansen <jan@maskers.example>',
    'To: aanbod@crisisteam.example',
    `Subject: ${subject}`,
    `Message-ID: <${Date.now()}.${++seq}@maskers.example>`,
    'Date: Fri, 20 Mar 2020 08:35:14 +0100',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    '',
    body,
  ].join('\r\n');
}

/** Inserts a message, a lead and its source row; returns the lead and message ids. */
export async function seedLead(db: Db, l: SeedLead = {}): Promise<{ leadId: number; messageId: number }> {
  const raw = Buffer.from(
    l.raw ?? rawMail('Aanbod mondkapjes', 'Wij kunnen 500.000 mondkapjes per week leveren, EN 14683 type IIR.'),
  );
  const sha = createHash('sha256').update(raw).update(String(++seq)).digest('hex');
  const msg = await db.query<{ id: number }>(
    `INSERT INTO messages (sha256, size, raw, message_id, source, status, route, processed_at)
     VALUES ($1, $2, $3, $4, 'import', 'processed', $5, now()) RETURNING id`,
    [sha, raw.length, raw, `<${sha.slice(0, 12)}@test>`, l.route ?? 'review'],
  );
  const messageId = msg.rows[0]!.id;
  const lead = await db.query<{ id: number }>(
    `INSERT INTO leads (reference, status, route, category, predicted_category, language, subject, sender_email, sender_name,
                        organisation, kvk, quantities, lead_time, certifications, offer_text, priority, categories, reasons)
     VALUES ($1, $2, $3, $4, $4, 'nl', 'Aanbod', $5, 'Jan Jansen', $6, '12345678',
             '[{"text": "500.000 per week", "amount": 500000, "per": "week"}]', '{"inStock": false, "days": 14, "text": "binnen 2 weken"}',
             $7, $8, $9, '[{"category": "masks", "score": 0.9}]', '["mentions mondkapjes"]')
     RETURNING id`,
    [
      l.reference ?? `OT-${sha.slice(0, 8)}`,
      l.status ?? 'new',
      l.route ?? 'review',
      l.category ?? 'masks',
      l.senderEmail ?? 'jan@maskers.example',
      l.organisation ?? 'Maskers B.V.',
      l.certifications ?? ['EN 14683 type IIR'],
      l.offerText ?? 'Wij produceren mondkapjes van meltblown filtermateriaal. Getest door een onafhankelijk lab.',
      l.priority ?? 0.5,
    ],
  );
  const leadId = lead.rows[0]!.id;
  await db.query('UPDATE messages SET lead_id = $1 WHERE id = $2', [leadId, messageId]);
  await db.query(`INSERT INTO lead_sources (lead_id, message_id, kind, forwarded_by_email) VALUES ($1, $2, $3, $4)`, [
    leadId,
    messageId,
    l.forwardedBy ? 'forward' : 'original',
    l.forwardedBy ?? null,
  ]);
  return { leadId, messageId };
}

/** A browser-like client over inject(): keeps cookies, knows the latest CSRF token from the pages it read. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        accept: 'text/html',
        cookie: this.cookieHeader(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      payload: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }

  /** Posts a form with the current CSRF token (unless the form already sets _csrf). */
  post(url: string, form: Record<string, string> = {}) {
    return this.request('POST', url, { _csrf: this.csrf, ...form });
  }

  async login(email: string, password = PASSWORD) {
    await this.get('/login');
    const res = await this.post('/login', { email, password });
    await this.get('/');
    return res;
  }
}
