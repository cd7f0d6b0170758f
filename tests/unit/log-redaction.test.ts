import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, scrubCredentials } from '../../src/log.js';
import { parseImapUrl } from '../../src/mailbox/imap-url.js';

/**
 * The log lines as an operator's log shipper would receive them: a logger writing to a memory stream. No
 * password from IMAP_URL, SMTP_URL, DATABASE_URL or REDIS_URL may appear in any of them.
 */
const SECRETS = ['imap-s3cret', 'smtp-s3cret', 'db-s3cret', 'redis-s3cret', 'session-secret-session-secret-0123'];

const env = {
  IMAP_URL: 'imaps://aanbod%40crisisteam.example:imap-s3cret@imap.example:993/INBOX',
  SMTP_URL: 'smtps://mailer:smtp-s3cret@smtp.example:465',
  DATABASE_URL: 'postgres://offer_triage:db-s3cret@db.example:5432/offer_triage',
  REDIS_URL: 'redis://:redis-s3cret@redis.example:6379',
  SESSION_SECRET: 'session-secret-session-secret-0123',
};

function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  return { log, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function expectNoSecret(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) for (const secret of SECRETS) expect(line).not.toContain(secret);
}

describe('log redaction', () => {
  it('redacts the configuration URLs and the session secret when the config is logged', () => {
    const { log, lines, records } = memoryLogger();
    log.info({ config: loadConfig(env) }, 'configuration');
    expectNoSecret(lines);
    const config = records()[0]!.config as Record<string, unknown>;
    expect(config.imapUrl).toBe('[redacted]');
    expect(config.databaseUrl).toBe('[redacted]');
    expect(config.smtpUrl).toBe('[redacted]');
    expect(config.redisUrl).toBe('[redacted]');
    expect(config.sessionSecret).toBe('[redacted]');
    expect(config.fromAddress).toBe('aanbod@crisisteam.example');
  });

  it('logs the mailbox by its label, which holds the user but not the password', () => {
    const { log, lines, records } = memoryLogger();
    const target = parseImapUrl(env.IMAP_URL);
    log.child({ mailbox: target.label }).info('mailbox session open');
    expectNoSecret(lines);
    expect(records()[0]!.mailbox).toBe('imaps://aanbod%40crisisteam.example@imap.example:993/INBOX');
  });

  it('scrubs a password quoted in an error, its cause and its extra properties', () => {
    const { log, lines, records } = memoryLogger();
    const cause = new Error(`connect to ${env.DATABASE_URL} failed`);
    const err = Object.assign(new Error(`could not open ${env.SMTP_URL}`, { cause }), { input: env.REDIS_URL });
    log.error({ err }, 'connection failed');
    log.warn({ error: err }, 'import: skipped');
    log.error(err);
    expectNoSecret(lines);
    const logged = records()[0]!.err as Record<string, unknown>;
    expect(logged.message).toContain('could not open smtps://mailer:[redacted]@smtp.example:465');
    expect(logged.input).toBe('redis://:[redacted]@redis.example:6379');
  });

  it('scrubs a password in the message text and in string errors from describeError', () => {
    const { log, lines, records } = memoryLogger();
    log.warn(`retrying ${env.IMAP_URL}`);
    log.warn({ err: `OT_ERR_DB: ${env.DATABASE_URL} refused` }, 'store failed for %s', env.REDIS_URL);
    expectNoSecret(lines);
    expect(records()[0]!.msg).toBe('retrying imaps://aanbod%40crisisteam.example:[redacted]@imap.example:993/INBOX');
    expect(records()[1]!.msg).toBe('store failed for redis://:[redacted]@redis.example:6379');
  });

  it('redacts passwords by field name and cookies in request logs, in child loggers too', () => {
    const { log, lines, records } = memoryLogger();
    const child = log.child({ messageId: 7 });
    child.info({ password: 'hunter2', user: { email: 'a@b.example', password: 'hunter2' } }, 'user');
    child.info({ req: { headers: { cookie: 'sid=abc', authorization: 'Basic eDp5' } } }, 'request');
    child.warn({ err: new Error(`lost ${env.REDIS_URL}`) }, 'worker error');
    expectNoSecret(lines);
    for (const line of lines) expect(line).not.toMatch(/hunter2|sid=abc|eDp5/);
    expect(records()[0]!.messageId).toBe(7);
    expect((records()[0]!.user as Record<string, unknown>).email).toBe('a@b.example');
  });
});

describe('scrubCredentials', () => {
  it('never joins two JSON string values, so every scrubbed line stays valid JSON', () => {
    const { log, records } = memoryLogger();
    log.info({ a: 'see http://x', b: 'u:p@q', c: `${env.SMTP_URL}"quoted"` }, 'two fields');
    expect(records()[0]).toMatchObject({
      a: 'see http://x',
      b: 'u:p@q',
      c: 'smtps://mailer:[redacted]@smtp.example:465"quoted"',
    });
  });

  it('keeps URLs without a password and ordinary text as they are', () => {
    for (const text of [
      'imaps://user@imap.example/INBOX',
      'file:///var/lib/offer-triage/outbox',
      'mailto:a@b.example',
      'at 10:30 user@host',
      'http://host:8080/x@y',
    ]) {
      expect(scrubCredentials(text)).toBe(text);
    }
  });

  it('scrubs a password that holds an unencoded @ up to the host', () => {
    expect(scrubCredentials('smtp://u:p@ss@host:25 and postgres://a:b@c/d')).toBe(
      'smtp://u:[redacted]@host:25 and postgres://a:[redacted]@c/d',
    );
  });
});
