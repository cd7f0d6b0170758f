import { z } from 'zod';
import { OfferTriageError } from './errors.js';

/**
 * Configuration is read from the environment once, validated as a whole, and frozen. Every bad variable is
 * reported at start-up in one error, named, with what is wrong, so an operator fixes them all in one go.
 */

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` }));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const email = z.string().regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, { message: 'must be an email address' });

const schema = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  /** where embedded PostgreSQL keeps its data when DATABASE_URL is unset */
  DATA_DIR: z.string().min(1).default('.data'),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  /** BullMQ key prefix, so several deployments (or tests) can share one Redis */
  QUEUE_PREFIX: z.string().regex(/^[\w:-]+$/, { message: 'may hold letters, digits, _ : -' }).default('ot'),
  IMAP_URL: url(['imap:', 'imaps:']).optional(),
  IMAP_PROCESSED_FOLDER: z.string().min(1).default('Processed'),
  /** move: processed mail goes to IMAP_PROCESSED_FOLDER; flag: it stays and gets the \Seen flag plus $Triaged */
  IMAP_AFTER_STORE: z.enum(['move', 'flag'], { message: 'must be move or flag' }).default('move'),
  IMAP_POLL_SECONDS: int(1, 3600).default(30),
  IMAP_BATCH_SIZE: int(1, 5000).default(500),
  MAX_MESSAGE_BYTES: int(1024, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  PARSE_TIMEOUT_MS: int(100, 600000).default(30000),
  SMTP_URL: url(['smtp:', 'smtps:', 'file:']).optional(),
  SMTP_MAX_CONNECTIONS: int(1, 100).default(5),
  /** messages per second to the mail provider; 0 means no limit */
  SMTP_RATE_PER_SECOND: int(0, 100000).default(0),
  MINISTRY_ADDRESS: email.default('inkoop@ministerie.example'),
  FROM_ADDRESS: email.default('aanbod@crisisteam.example'),
  TEAM_NAME: z.string().min(1).default('Crisisteam Medische Hulpmiddelen'),
  DEFAULT_LANGUAGE: z.enum(['nl', 'en'], { message: 'must be nl or en' }).default('nl'),
  REPLY_CC_FORWARDER: bool.default(false),
  FORWARD_REDIRECTS_TO_MINISTRY: bool.default(false),
  REPLY_LIMIT_PER_DAY: int(0, 1000).default(3),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Prometheus /metrics on HOST:METRICS_PORT, a listener of its own because it has no session; unset: none */
  METRICS_PORT: int(1, 65535).optional(),
  /** signs session cookies; required for `serve` outside the demo, at least 32 characters */
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /** set when behind a TLS-terminating proxy, so cookies are Secure and client addresses come from it */
  TRUST_PROXY: bool.default(false),
  CLAIM_LEASE_SECONDS: int(30, 86400).default(900),
  /** batches of messages (up to 100 each) a processor works on at once */
  PROCESS_CONCURRENCY: int(1, 256).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).superRefine((e, ctx) => {
  if (e.METRICS_PORT === e.PORT) ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT' });
});

type Schema = z.infer<typeof schema>;

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  queuePrefix: string;
  imapUrl: string | undefined;
  imapProcessedFolder: string;
  imapAfterStore: 'move' | 'flag';
  imapPollSeconds: number;
  imapBatchSize: number;
  maxMessageBytes: number;
  parseTimeoutMs: number;
  smtpUrl: string | undefined;
  smtpMaxConnections: number;
  smtpRatePerSecond: number;
  ministryAddress: string;
  fromAddress: string;
  teamName: string;
  defaultLanguage: 'nl' | 'en';
  replyCcForwarder: boolean;
  forwardRedirectsToMinistry: boolean;
  replyLimitPerDay: number;
  port: number;
  host: string;
  metricsPort: number | undefined;
  sessionSecret: string | undefined;
  trustProxy: boolean;
  claimLeaseSeconds: number;
  processConcurrency: number;
  logLevel: Schema['LOG_LEVEL'];
}

/** Reads and validates the environment. Empty strings count as unset, as in most .env tooling. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new OfferTriageError('OT_ERR_CONFIG', problems.join('; '), { permanent: true });
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    imapUrl: e.IMAP_URL,
    imapProcessedFolder: e.IMAP_PROCESSED_FOLDER,
    imapAfterStore: e.IMAP_AFTER_STORE,
    imapPollSeconds: e.IMAP_POLL_SECONDS,
    imapBatchSize: e.IMAP_BATCH_SIZE,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    parseTimeoutMs: e.PARSE_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL,
    smtpMaxConnections: e.SMTP_MAX_CONNECTIONS,
    smtpRatePerSecond: e.SMTP_RATE_PER_SECOND,
    ministryAddress: e.MINISTRY_ADDRESS.toLowerCase(),
    fromAddress: e.FROM_ADDRESS.toLowerCase(),
    teamName: e.TEAM_NAME,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    replyCcForwarder: e.REPLY_CC_FORWARDER,
    forwardRedirectsToMinistry: e.FORWARD_REDIRECTS_TO_MINISTRY,
    replyLimitPerDay: e.REPLY_LIMIT_PER_DAY,
    port: e.PORT,
    host: e.HOST,
    metricsPort: e.METRICS_PORT,
    sessionSecret: e.SESSION_SECRET,
    trustProxy: e.TRUST_PROXY,
    claimLeaseSeconds: e.CLAIM_LEASE_SECONDS,
    processConcurrency: e.PROCESS_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
  });
}
