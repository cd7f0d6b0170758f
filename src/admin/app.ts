import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import helmet, { type HelmetOptions } from 'helmet';
import { ZodError } from 'zod';
import { isOfferTriageError, type ErrorCode } from '../errors.js';
import { ANONYMOUS, wantsHtml } from './guard.js';
import type { AdminOptions } from './options.js';
import { page } from './render.js';
import { registerAuth } from './routes/auth.js';
import { registerExports } from './routes/exports.js';
import { registerHealth } from './routes/health.js';
import { registerLead } from './routes/lead.js';
import { registerQuarantine } from './routes/quarantine.js';
import { registerReplies } from './routes/replies.js';
import { registerQueue } from './routes/queue.js';
import { registerReports } from './routes/reports.js';
import { registerStatic } from './routes/static.js';
import { registerUsers } from './routes/users.js';
import { SessionCache } from './session-cache.js';
import { SharedReads } from './shared-reads.js';
import type { QueueRow } from '../store/queue.js';

/**
 * The admin page as a fastify instance, not yet listening: `serve` calls listen(), tests call inject().
 * Security headers (helmet) give every page a CSP that allows only our own CSS and forms; the mail frame
 * and downloads set their own stricter ones.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  OT_ERR_NOT_FOUND: 404,
  OT_ERR_FORBIDDEN: 403,
  OT_ERR_CSRF: 403,
  OT_ERR_AUTH: 401,
  OT_ERR_CLAIMED: 409,
  OT_ERR_STATE: 409,
};

const isSafe = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/** The headers helmet sets for `options`, collected from one dry run of its middleware. */
function staticHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

export async function build(opts: AdminOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger | undefined,
    trustProxy: opts.config.trustProxy,
    bodyLimit: 256 * 1024,
    // one line per request would dominate the log; errors are still logged by the error handler
    logController: new LogController({ disableRequestLogging: true }),
  });

  // With one fixed configuration helmet's headers are the same on every response: computed once here,
  // then handed to each reply as one object (@fastify/helmet rebuilds helmet and its CSP per request).
  const securityHeaders = staticHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    strictTransportSecurity: opts.config.trustProxy,
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(cookie, { secret: opts.sessionSecret });
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: opts.config.trustProxy ? true : 'auto',
    },
    csrfOpts: { hmacKey: opts.sessionSecret, userInfo: true },
    // Tokens are bound to the session, so a token from before login (or another user's) is refused.
    getUserInfo: (req) => req.user?.sessionId ?? ANONYMOUS,
  });

  // Every state-changing request carries the CSRF token: forms in a hidden _csrf field, scripts in a header.
  app.addHook('preHandler', (req, reply, done) => {
    if (isSafe(req.method)) return done();
    app.csrfProtection(req, reply, done);
  });
  // A page asked for after a write (the redirect that follows it, the queue opened next) must not join a
  // queue read that started before the write: by the time a reply is sent, the handler's transaction is over.
  const queueReads = new SharedReads<QueueRow[]>();
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (!isSafe(req.method)) queueReads.invalidate();
    done(null, payload);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = err.statusCode ?? 500;
    let message = err.message;
    if (isOfferTriageError(err)) status = STATUS[err.code] ?? 500;
    if (err instanceof ZodError) {
      status = 400;
      message = err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    }
    if (status >= 500) {
      req.log.error({ err }, 'admin request failed');
      message = 'Something went wrong; the error is in the server log.';
    }
    if (!wantsHtml(req))
      return reply.code(status).send({ error: isOfferTriageError(err) ? err.code : (err.code ?? 'error'), message });
    return page(req, reply.code(status), 'error', { title: `Error ${status}`, status, message });
  });
  app.setNotFoundHandler((req, reply) => {
    if (!wantsHtml(req)) return reply.code(404).send({ error: 'OT_ERR_NOT_FOUND', message: 'no such page' });
    return page(req, reply.code(404), 'error', { title: 'Not found', status: 404, message: 'There is no such page.' });
  });

  const sessions = new SessionCache(opts.sessionCacheMs ?? 5000);
  registerAuth(app, opts, sessions);
  registerHealth(app, opts);
  registerStatic(app);
  registerQueue(app, opts, queueReads);
  registerLead(app, opts);
  registerQuarantine(app, opts);
  registerReplies(app, opts);
  registerReports(app, opts);
  registerExports(app, opts);
  registerUsers(app, opts, sessions);
  return app;
}
