import type { FastifyReply, FastifyRequest } from 'fastify';
import { OfferTriageError } from '../errors.js';
import { roleAtLeast, type Role } from '../store/users.js';

/**
 * Roles, from least to most: reviewer (queue, leads, scoring, notes, category corrections, decisions),
 * coordinator (also reports, exports, the audit log, quarantine and reprocessing), admin (also accounts).
 */
export function requireRole(role: Role) {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.user || !roleAtLeast(req.user.role, role))
      throw new OfferTriageError('OT_ERR_FORBIDDEN', `needs role ${role}`);
  };
}

/** CSRF tokens are bound to the session; before login (the login form itself) to this fixed value. */
export const ANONYMOUS = 'anonymous';
/** @fastify/csrf-protection's cookie holding the per-browser secret (its default name). */
export const CSRF_COOKIE = '_csrf';

/** Browsers get HTML and redirects; anything that asks for JSON (or some other non-HTML type) gets status codes. */
export function wantsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  if (!accept) return true;
  if (accept.includes('text/html')) return true;
  return accept.includes('*/*') && !accept.includes('application/json');
}

export function seeOther(reply: FastifyReply, url: string): FastifyReply {
  return reply.code(303).header('location', url).send();
}

/** Path parameters that are database ids: digits only, within bigint range. */
export function idParam(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value))
    throw new OfferTriageError('OT_ERR_NOT_FOUND', `no record ${String(value)}`);
  return Number(value);
}
