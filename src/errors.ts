/**
 * The one error catalog. Codes are stable: logs, quarantine rows, the admin page and tests refer to them,
 * so a code is never renamed or reused. Add new codes at the end of their group.
 */
export const ERRORS = {
  // configuration and usage
  OT_ERR_CONFIG: 'invalid configuration',
  OT_ERR_USAGE: 'bad command-line usage',
  // reading and parsing mail
  OT_ERR_READ: 'file could not be read',
  OT_ERR_TOO_LARGE: 'message exceeds the configured maximum size',
  OT_ERR_PARSE: 'message could not be parsed',
  OT_ERR_PARSE_TIMEOUT: 'parsing took longer than the configured limit',
  OT_ERR_EMPTY: 'message is empty',
  // storage and jobs
  OT_ERR_DB: 'database operation failed',
  OT_ERR_MIGRATION: 'migration failed',
  OT_ERR_NOT_FOUND: 'record not found',
  OT_ERR_STATE: 'record is not in a state that allows this',
  OT_ERR_PROCESS: 'message could not be processed',
  // mailbox
  OT_ERR_IMAP: 'IMAP operation failed',
  OT_ERR_IMAP_AUTH: 'IMAP login refused',
  OT_ERR_LEADER: 'another worker holds this mailbox',
  // replies
  OT_ERR_SMTP_TEMPORARY: 'SMTP server refused temporarily (4xx)',
  OT_ERR_SMTP_PERMANENT: 'SMTP server refused permanently (5xx)',
  OT_ERR_TEMPLATE: 'reply template is missing or invalid',
  // admin
  OT_ERR_AUTH: 'authentication failed',
  OT_ERR_FORBIDDEN: 'not allowed for this role',
  OT_ERR_CSRF: 'missing or invalid CSRF token',
  OT_ERR_CLAIMED: 'lead is claimed by another reviewer',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class OfferTriageError extends Error {
  readonly code: ErrorCode;
  /** permanent errors are not retried (BullMQ UnrecoverableError); transient ones are */
  readonly permanent: boolean;

  constructor(code: ErrorCode, detail?: string, opts: { cause?: unknown; permanent?: boolean } = {}) {
    super(detail ? `${ERRORS[code]}: ${detail}` : ERRORS[code], { cause: opts.cause });
    this.name = 'OfferTriageError';
    this.code = code;
    this.permanent = opts.permanent ?? false;
  }
}

export function isOfferTriageError(err: unknown, code?: ErrorCode): err is OfferTriageError {
  return err instanceof OfferTriageError && (code === undefined || err.code === code);
}

/** A one-line description for logs, quarantine rows and CLI output. */
export function describeError(err: unknown): string {
  if (err instanceof OfferTriageError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.message;
  return String(err);
}
