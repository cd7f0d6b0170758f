import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/**
 * A receiving SMTP server on loopback (nodemailer's smtp-server). `respond` decides the reply to each
 * message's DATA in arrival order: a number is an SMTP code (2xx accepts and records it), 'hold' records
 * the message and never answers (for killing the sender mid-send).
 */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  mail: ParsedMail;
}

export interface Sink {
  url: string;
  received: Received[];
  /** DATA commands seen, accepted or not */
  attempts: number;
  respond: (attempt: number) => number | 'hold';
  onData?: (r: Received) => void;
  close(): Promise<void>;
}

export async function startSink(extra: Partial<SMTPServerOptions> = {}): Promise<Sink> {
  const sink: Sink = { url: '', received: [], attempts: 0, respond: () => 250, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 50 * 1024 * 1024,
    closeTimeout: 1000,
    ...extra,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const attempt = ++sink.attempts;
        const answer = sink.respond(attempt);
        const raw = Buffer.concat(chunks);
        const record = async () => {
          const r: Received = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
            raw,
            mail: await simpleParser(raw),
          };
          sink.received.push(r);
          sink.onData?.(r);
        };
        if (answer === 'hold') {
          void record();
          return;
        }
        if (answer >= 400) {
          const err = Object.assign(new Error(answer >= 500 ? 'rejected for good' : 'try again later'), { responseCode: answer });
          callback(err);
          return;
        }
        record().then(() => callback(null, 'queued as test'), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** The value of one header of a received message, as a string. */
export function header(r: Received, name: string): string | undefined {
  const v = r.mail.headers.get(name.toLowerCase());
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : JSON.stringify(v);
}
