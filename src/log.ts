import { pino, type Logger } from 'pino';

/**
 * One logger for the process. JSON lines on stderr-free stdout for production; pretty output is piped
 * through pino-pretty by the demo. Secrets that can reach a log line are redacted by path; and because a
 * driver's error message may quote a connection URL, the password of any `scheme://user:password@` is
 * scrubbed from the whole line as well.
 */
export function createLogger(opts: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      name: opts.name ?? 'offer-triage',
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: {
        paths: [
          'password',
          '*.password',
          'config.databaseUrl',
          'config.redisUrl',
          'config.imapUrl',
          'config.smtpUrl',
          'config.sessionSecret',
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      // Last, on the finished line, so no field, message, error, cause or stack can carry a password past it.
      hooks: { streamWrite: scrubCredentials },
    },
    opts.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

// scheme://user:password@, the password up to the last '@' before the host. Neither part may contain '"',
// so on a JSON line a match never runs from one string value into the next.
const CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#:@"]*):[^\s/?#"]*@/gi;

/** Replaces the password of every URL with credentials in `text` (the user name stays, for diagnosis). */
export function scrubCredentials(text: string): string {
  return text.replace(CREDENTIALS, '$1:[redacted]@');
}

export type { Logger };
