import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DUMMY_HASH, verifyPassword } from '../password.js';
import { page } from '../render.js';
import { seeOther, wantsHtml } from '../guard.js';
import {
  clearLoginFailures,
  createSession,
  deleteSession,
  findUserByEmail,
  recentLoginFailures,
  recordLoginFailure,
  sessionUser,
} from '../../store/users.js';
import { writeAudit } from '../../store/audit.js';
import type { AdminOptions } from '../options.js';
import type { SessionCache } from '../session-cache.js';

/**
 * Login, logout and the session check in front of every page. The session cookie holds a random token,
 * signed, HttpOnly, SameSite=Lax, Secure behind TLS; the sessions table holds its hash and expiry.
 * Failed logins are counted in PostgreSQL per account and per address (shared by every serve process); the
 * per-address request rate is also capped in memory by @fastify/rate-limit before any password work.
 */
export const SESSION_COOKIE = 'ot_session';
const PUBLIC = new Set(['/login', '/healthz', '/readyz']);
const FAILURE_WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

const loginBody = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
  next: z.string().optional(),
});

/** Only same-site paths: a crafted ?next= must not send a user elsewhere after login. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

export function registerAuth(app: FastifyInstance, opts: AdminOptions, sessions: SessionCache): void {
  const { db } = opts;
  const ttl = opts.sessionTtlSeconds ?? 12 * 3600;
  const secure = opts.config.trustProxy ? true : 'auto';

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req, reply) => {
    const pathname = req.url.split('?')[0]!;
    const raw = req.cookies[SESSION_COOKIE];
    // Cached by the signed cookie as sent: only a value whose signature checked out is ever stored, so a
    // hit skips the HMAC as well as the query.
    req.user = raw ? (sessions.get(raw) ?? null) : null;
    if (raw && !req.user) {
      const unsigned = req.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) {
        req.user = await sessionUser(db.pool, unsigned.value);
        if (req.user) sessions.set(raw, req.user);
      }
    }
    if (req.user || PUBLIC.has(pathname) || pathname.startsWith('/static/')) return;
    if (wantsHtml(req)) {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
      return reply.code(302).header('location', `/login${next}`).send();
    }
    return reply.code(401).send({ error: 'OT_ERR_AUTH', message: 'login required' });
  });

  const loginPage = (req: FastifyRequest, reply: FastifyReply, error: string | null, email = '', next = '/') =>
    page(req, reply, 'login', { title: 'Log in', error, email, next });

  app.get<{ Querystring: { next?: string } }>('/login', async (req, reply) => {
    if (req.user) return seeOther(reply, '/');
    return loginPage(req, reply, null, '', safeNext(req.query.next));
  });

  app.post('/login', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = loginBody.safeParse(req.body);
    if (!body.success) return loginPage(req, reply.code(400), 'Enter your email address and password.');
    const { email, password } = body.data;
    const next = safeNext(body.data.next);
    const failures = await recentLoginFailures(db.pool, email, req.ip, FAILURE_WINDOW_SECONDS);
    if (failures.email >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS) {
      return loginPage(req, reply.code(429), 'Too many failed attempts. Wait 15 minutes and try again.', email, next);
    }
    const user = await findUserByEmail(db.pool, email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await recordLoginFailure(db.pool, email, req.ip);
      return loginPage(req, reply.code(401), 'Email address or password is wrong.', email, next);
    }
    await clearLoginFailures(db.pool, email);
    const token = await createSession(db.pool, user.id, req.ip, ttl);
    await writeAudit(db.pool, [{ actor: user.email, action: 'user.login', detail: { address: req.ip } }]);
    reply.setCookie(SESSION_COOKIE, token, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: ttl,
    });
    return seeOther(reply, next);
  });

  app.post('/logout', async (req, reply) => {
    if (req.user) {
      await deleteSession(db.pool, req.user.sessionId);
      sessions.dropSession(req.user.sessionId);
      await writeAudit(db.pool, [{ actor: req.user.email, action: 'user.logout' }]);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return seeOther(reply, '/login');
  });
}
