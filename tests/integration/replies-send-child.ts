import { createLogger } from '../../src/log.js';
import { sendOutbox } from '../../src/replies/send.js';
import { createReplyTransport } from '../../src/replies/transport.js';
import { createDb } from '../../src/store/db.js';

/**
 * A send worker in its own process, so a test can SIGKILL it in the middle of an SMTP session.
 * argv: DATABASE_URL SMTP_URL OUTBOX_ID. Compiled by the test before it runs (Node 20 runs no TypeScript).
 */
const [databaseUrl, smtpUrl, outboxId] = process.argv.slice(2);
const db = createDb(databaseUrl!);
const transport = createReplyTransport({ url: smtpUrl! });
const outcome = await sendOutbox(
  {
    db,
    config: { fromAddress: 'aanbod@crisisteam.example', teamName: 'Crisisteam', replyLimitPerDay: 0 },
    log: createLogger({ level: 'silent' }),
    transport,
    leaseSeconds: 1,
  },
  Number(outboxId),
);
process.stdout.write(`${outcome}\n`);
transport.close();
await db.close();
