import path from 'node:path';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../paths.js';
import { ANONYMOUS } from './guard.js';
import { roleAtLeast } from '../store/users.js';

/**
 * Server-rendered pages with Eta: every `<%= %>` is HTML-escaped (autoEscape), raw output needs the explicit
 * `<%~ %>` and is used only for the layout's body. Compiled templates are cached.
 */
const eta = new Eta({ views: path.join(PROJECT_ROOT, 'src/admin/views'), autoEscape: true, cache: true });

export interface PageData {
  title: string;
  [key: string]: unknown;
}

export function renderView(view: string, data: Record<string, unknown>): string {
  return eta.render(view, data);
}

/** Renders a page with what the layout needs: the user, their permissions, and a CSRF token for its forms. */
export function page(req: FastifyRequest, reply: FastifyReply, view: string, data: PageData): FastifyReply {
  const user = req.user;
  const csrf = reply.generateCsrf({ userInfo: user?.sessionId ?? ANONYMOUS });
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
