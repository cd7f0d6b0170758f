import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { writeAudit } from '../../store/audit.js';
import { createUser, listUsers, ROLES, setUserDisabled } from '../../store/users.js';
import { idParam, requireRole, seeOther } from '../guard.js';
import type { AdminOptions } from '../options.js';
import type { SessionCache } from '../session-cache.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../password.js';
import { page } from '../render.js';

/** Account management: admins only. */
const newUser = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an email address'),
  role: z.enum(ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

export function registerUsers(app: FastifyInstance, opts: AdminOptions, sessions: SessionCache): void {
  const admin = { preHandler: requireRole('admin') };

  app.get('/users', admin, async (req, reply) =>
    page(req, reply, 'users', { title: 'Accounts', users: await listUsers(opts.db.pool), roles: ROLES }),
  );

  app.post('/users', admin, async (req, reply) => {
    const body = newUser.parse(req.body);
    const user = await createUser(opts.db.pool, body.email, body.role, await hashPassword(body.password));
    await writeAudit(opts.db.pool, [
      { actor: req.user!.email, action: 'user.saved', detail: { email: user.email, role: user.role } },
    ]);
    return seeOther(reply, '/users');
  });

  app.post<{ Params: { id: string } }>('/users/:id/disable', admin, async (req, reply) => {
    const { disabled } = z
      .object({ disabled: z.enum(['true', 'false']).transform((v) => v === 'true') })
      .parse(req.body);
    const id = idParam(req.params.id);
    await setUserDisabled(opts.db, id, disabled);
    sessions.clear();
    await writeAudit(opts.db.pool, [
      { actor: req.user!.email, action: disabled ? 'user.disabled' : 'user.enabled', detail: { id } },
    ]);
    return seeOther(reply, '/users');
  });
}
