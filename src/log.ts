import { pino, type Logger } from 'pino';

/**
 * One logger for the process. JSON lines on stderr-free stdout for production; pretty output is piped
 * through pino-pretty by the demo. Secrets that can reach a log line are redacted by path.
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
    },
    opts.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

export type { Logger };
