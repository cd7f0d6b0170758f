import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessages, folderCounts, makeMessage, startDovecot, type Dovecot } from '../support/dovecot.js';

describe('Dovecot test harness', () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('accepts APPEND and maildir delivery, and survives a hard restart', async () => {
    const user = Object.keys(dovecot.users)[0]!;
    await appendMessages(dovecot, user, [makeMessage(1), makeMessage(2)]);
    dovecot.deliver(user, [makeMessage(3)]);
    expect(await folderCounts(dovecot, user, ['INBOX'])).toEqual({ INBOX: 3 });
    await dovecot.restart();
    expect(await folderCounts(dovecot, user, ['INBOX', 'Processed'])).toEqual({ INBOX: 3, Processed: 0 });
  });
});
