import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../paths.js';
import { ANONYMOUS, CSRF_COOKIE } from './guard.js';
import { roleAtLeast } from '../store/users.js';

/**
 * Server-rendered pages with Eta: every `<%= %>` is HTML-escaped (autoEscape), raw output needs the explicit
 * `<%~ %>` and is used only for the layout's body. Every view is compiled once, at start, under a name
 * (`@lead`, and `layout('@layout')` in the views): a view looked up by file path costs Eta a path resolution
 * per render and per layout, a seventh of a page's rendering.
 */
const VIEWS = path.join(PROJECT_ROOT, 'src/admin/views');
const eta = new Eta({ autoEscape: true, cache: true });
for (const file of readdirSync(VIEWS).filter((f) => f.endsWith('.eta')))
  eta.loadTemplate(`@${path.basename(file, '.eta')}`, readFileSync(path.join(VIEWS, file), 'utf8'));

export interface PageData {
  title: string;
  [key: string]: unknown;
}

export function renderView(view: string, data: Record<string, unknown>): string {
  return eta.render(`@${view}`, data);
}

/**
 * A CSRF token stays valid for its secret (the `_csrf` cookie) and session, so each pair gets one, made once
 * per process: no random salt and HMAC on every page. Responses are not compressed, so a repeated token gives
 * BREACH nothing to work with. Without a valid cookie, the library makes a new secret and sets it.
 */
const tokens = new Map<string, string>();
const MAX_TOKENS = 10_000;

function csrfToken(req: FastifyRequest, reply: FastifyReply, userInfo: string): string {
  const secretCookie = req.cookies[CSRF_COOKIE];
  if (!secretCookie) return reply.generateCsrf({ userInfo });
  const key = `${secretCookie}\n${userInfo}`;
  let token = tokens.get(key);
  if (token === undefined) {
    token = reply.generateCsrf({ userInfo });
    // a forged or stale cookie makes the library set a new secret: that token belongs to the new cookie
    if (!reply.unsignCookie(secretCookie).valid) return token;
    if (tokens.size >= MAX_TOKENS) tokens.clear();
    tokens.set(key, token);
  }
  return token;
}

/** Renders a page with what the layout needs: the user, their permissions, and a CSRF token for its forms. */
export function page(req: FastifyRequest, reply: FastifyReply, view: string, data: PageData): FastifyReply {
  const user = req.user;
  const csrf = csrfToken(req, reply, user?.sessionId ?? ANONYMOUS);
  const html = renderView(view, {
    ...data,
    user,
    csrf,
    can: {
      coordinate: user ? roleAtLeast(user.role, 'coordinator') : false,
      administer: user ? roleAtLeast(user.role, 'admin') : false,
    },
    path: req.url,
  });
  return reply.type('text/html; charset=utf-8').send(html);
}
