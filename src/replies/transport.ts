import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { OfferTriageError } from '../errors.js';

/**
 * Where outgoing mail goes: nodemailer over SMTP (`smtp://`, `smtps://`, pooled connections, rate limited
 * by nodemailer's pool), or a folder of .eml files (`file:///dir`) for demos and checks.
 */
export type OutgoingMail = Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0];

export interface Delivery {
  /** the SMTP server's final reply, or where the file went */
  response: string;
  messageId: string;
}

export interface ReplyTransport {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<Delivery>;
  close(): void;
}

export interface TransportOptions {
  url: string;
  /** false opens one connection per message (only the benchmark wants that) */
  pool?: boolean;
  maxConnections?: number;
  /** messages per second; 0 means no limit */
  ratePerSecond?: number;
  /** extra nodemailer options, e.g. TLS settings for a test server */
  smtp?: Record<string, unknown>;
}

export function createReplyTransport(opts: TransportOptions): ReplyTransport {
  const url = new URL(opts.url);
  if (url.protocol === 'file:') return fileTransport(fileURLToPath(url));
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new OfferTriageError('OT_ERR_CONFIG', 'SMTP_URL must start with smtp://, smtps:// or file://', { permanent: true });
  }
  const pool = opts.pool ?? true;
  const rate = opts.ratePerSecond ?? 0;
  const transporter = nodemailer.createTransport({
    url: opts.url,
    pool,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: Infinity,
    // bounded so a send never outlives the outbox lease (send.ts) and is then taken for a crash
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    ...(pool && rate > 0 ? { rateDelta: 1000, rateLimit: rate } : {}),
    ...opts.smtp,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = (await transporter.sendMail(mail)) as { response?: string; messageId: string };
      return { response: info.response ?? '', messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

function fileTransport(dir: string): ReplyTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'file',
    async send(mail) {
      const info = (await composer.sendMail(mail)) as { message: Buffer; messageId: string };
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '_')}.eml`;
      const target = path.join(dir, name);
      // written under a temporary name and renamed, so a reader never sees half a message
      const temp = path.join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
      await writeFile(temp, info.message);
      await rename(temp, target);
      return { response: `written to ${target}`, messageId: info.messageId };
    },
    close: () => composer.close(),
  };
}
