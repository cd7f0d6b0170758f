import { OfferTriageError, describeError } from '../errors.js';

/**
 * Which processing failures are worth retrying. A message that cannot be parsed, or data PostgreSQL
 * rejects (SQLSTATE class 22), fails the same way every time: quarantine it at once. Everything else
 * (database down, a lost connection, a serialisation conflict) may pass: retry with backoff.
 */
const PERMANENT_CODES = new Set(['OT_ERR_PARSE', 'OT_ERR_PARSE_TIMEOUT', 'OT_ERR_TOO_LARGE', 'OT_ERR_EMPTY', 'OT_ERR_CONFIG']);

export interface FailureInfo {
  permanent: boolean;
  code: string;
  message: string;
}

export function classifyFailure(err: unknown): FailureInfo {
  const message = describeError(err);
  if (err instanceof OfferTriageError) {
    return { permanent: err.permanent || PERMANENT_CODES.has(err.code), code: err.code, message };
  }
  const sqlState = (err as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    return { permanent: true, code: 'OT_ERR_DB', message };
  }
  return { permanent: false, code: 'OT_ERR_PROCESS', message };
}
