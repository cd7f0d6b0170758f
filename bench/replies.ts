import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { Analysis } from '../src/core/types.js';
import { composeReply } from '../src/replies/compose.js';
import type { LeadContext } from '../src/replies/lead-context.js';
import { buildMail, partsOf } from '../src/replies/message.js';
import { createReplyTransport, type OutgoingMail, type ReplyTransport } from '../src/replies/transport.js';
import { loadConfig } from '../src/config.js';

/**
 * Sending throughput over loopback: nodemailer's pooled SMTP (what the send worker uses) against one
 * connection per message, both with the same number of messages in flight, to a receiving smtp-server in
 * this process that accepts and discards. Messages are real rendered acknowledgements to made-up company
 * addresses. Targets (issue 4): pooled >= 500 msg/s and >= 10x unpooled.
 */
export interface ReplyFigures {
  pooledMessages: number;
  pooledMsgPerSec: number;
  unpooledMessages: number;
  unpooledMsgPerSec: number;
  /** pooled / unpooled */
  speedup: number;
  connections: number;
}

// The shipped defaults (example addresses): the bench sends only to a sink on loopback.
const CONFIG = loadConfig({});

function message(i: number): OutgoingMail {
  const email = `verkoop${i}@bedrijf${i}.example`;
  const ctx: LeadContext = {
    leadId: i,
    reference: `OT-${String(i).padStart(6, '0')}`,
    language: i % 2 === 0 ? 'nl' : 'en',
    category: 'masks',
    subject: 'Aanbod mondkapjes',
    sender: { email, name: `Contact ${i}` },
    organisation: `Bedrijf ${i} BV`,
    originalMessageId: `<orig-${i}@bedrijf${i}.example>`,
    phone: null,
    website: null,
    kvk: null,
    quantities: [],
    leadTime: null,
    certifications: [],
    offerText: '',
    forwarder: null,
    sourceMessageId: null,
    analysis: null as Analysis | null,
  };
  return buildMail(partsOf(composeReply(ctx, 'acknowledgement', CONFIG)), CONFIG, null);
}

// The receiving server runs on its own thread, as a real mail server runs in its own process: in the
// sender's event loop it would take half the sender's time and measure the two together.
const SINK_THREAD = `
const { parentPort } = require('node:worker_threads');
const { SMTPServer } = require('smtp-server');
let count = 0;
const server = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, closeTimeout: 1000, disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => { count++; callback(null, 'queued'); });
  },
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (m) => { if (m === 'count') parentPort.postMessage({ count }); });
`;

async function startDiscardServer(): Promise<{ url: string; received: () => Promise<number>; close: () => Promise<void> }> {
  const thread = new Worker(SINK_THREAD, { eval: true, env: SHARE_ENV });
  const port = await new Promise<number>((resolve, reject) => {
    thread.once('message', (m: { port: number }) => resolve(m.port));
    thread.once('error', reject);
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () =>
      new Promise((resolve) => {
        thread.once('message', (m: { count: number }) => resolve(m.count));
        thread.postMessage('count');
      }),
    close: async () => {
      await thread.terminate();
    },
  };
}

/** Sends `count` messages with at most `inFlight` waiting at once; returns messages per second. */
async function measure(transport: ReplyTransport, mails: OutgoingMail[], inFlight: number): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  const lane = async () => {
    while (next < mails.length) await transport.send(mails[next++]!);
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return mails.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function benchReplies(opts: { pooled?: number; unpooled?: number; connections?: number } = {}): Promise<ReplyFigures> {
  const pooledCount = opts.pooled ?? 3000;
  const unpooledCount = opts.unpooled ?? 300;
  const connections = opts.connections ?? 5;
  const server = await startDiscardServer();
  const mails = Array.from({ length: Math.max(pooledCount, unpooledCount) }, (_, i) => message(i + 1));
  try {
    const pooled = createReplyTransport({ url: server.url, pool: true, maxConnections: connections });
    await measure(pooled, mails.slice(0, 50), connections); // warm-up: connections open, JIT settles
    const pooledRate = await measure(pooled, mails.slice(0, pooledCount), connections * 4);
    pooled.close();
    const unpooled = createReplyTransport({ url: server.url, pool: false });
    const unpooledRate = await measure(unpooled, mails.slice(0, unpooledCount), connections);
    unpooled.close();
    const expected = 50 + pooledCount + unpooledCount;
    if ((await server.received()) !== expected) throw new Error(`the server received ${await server.received()} messages, expected ${expected}`);
    return {
      pooledMessages: pooledCount,
      pooledMsgPerSec: Math.round(pooledRate),
      unpooledMessages: unpooledCount,
      unpooledMsgPerSec: Math.round(unpooledRate),
      speedup: Math.round((pooledRate / unpooledRate) * 10) / 10,
      connections,
    };
  } finally {
    await server.close();
  }
}

export function formatReplyFigures(f: ReplyFigures): string {
  return [
    `replies: pooled SMTP over loopback   ${f.pooledMsgPerSec} msg/s (${f.pooledMessages} messages, ${f.connections} connections; target >= 500)`,
    `replies: one connection per message  ${f.unpooledMsgPerSec} msg/s (${f.unpooledMessages} messages, ${f.connections} in flight)`,
    `replies: pooled / unpooled           ${f.speedup}x (target >= 10x)`,
  ].join('\n');
}
