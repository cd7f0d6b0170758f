import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isOfferTriageError } from '../../src/errors.js';

describe('configuration', () => {
  it('gives working defaults for an empty environment, frozen', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.imapAfterStore).toBe('move');
    expect(c.replyLimitPerDay).toBe(3);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads and converts every kind of value', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      IMAP_URL: 'imaps://user:p%40ss@mail.example:993/INBOX',
      SMTP_URL: 'file:///tmp/outbox',
      PORT: '8080',
      REPLY_CC_FORWARDER: 'yes',
      MINISTRY_ADDRESS: 'Inkoop@Ministerie.example',
    });
    expect(c.port).toBe(8080);
    expect(c.replyCcForwarder).toBe(true);
    expect(c.ministryAddress).toBe('inkoop@ministerie.example');
    expect(c.smtpUrl).toBe('file:///tmp/outbox');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('lists every bad variable at once, by name and with the reason', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', IMAP_URL: 'http://mail.example', SESSION_SECRET: 'short', IMAP_AFTER_STORE: 'delete', FROM_ADDRESS: 'nobody' });
    } catch (err) {
      error = err;
    }
    expect(isOfferTriageError(error, 'OT_ERR_CONFIG')).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT must be a whole number/);
    expect(message).toMatch(/IMAP_URL must be a URL starting with imap:\/\/ or imaps:\/\//);
    expect(message).toMatch(/SESSION_SECRET must be at least 32 characters/);
    expect(message).toMatch(/IMAP_AFTER_STORE must be move or flag/);
    expect(message).toMatch(/FROM_ADDRESS must be an email address/);
  });

  it('refuses numbers outside their range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be at most 65535/);
  });
});
