import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from './db.js';

/**
 * Accounts, sessions and failed-login counts for the admin page. Sessions live in PostgreSQL so every
 * serve process sees a logout at once; the cookie holds a random token and the table only its sha256.
 */
export const ROLES = ['reviewer', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string;
  role: Role;
}

export interface UserRow extends User {
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
}

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export async function createUser(q: Queryable, email: string, role: Role, passwordHash: string): Promise<User> {
  const res = await q.query<User>(
    `INSERT INTO users (email, role, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, disabled = false
     RETURNING id, email, role`,
    [email.toLowerCase(), role, passwordHash],
  );
  return res.rows[0]!;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const res = await q.query<UserRow>(
    `SELECT id, email, role, password_hash AS "passwordHash", disabled, created_at AS "createdAt" FROM users WHERE email = $1`,
    [email.toLowerCase()],
  );
  return res.rows[0] ?? null;
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  const res = await q.query<UserRow>(
    `SELECT id, email, role, '' AS "passwordHash", disabled, created_at AS "createdAt" FROM users ORDER BY email`,
  );
  return res.rows;
}

/** Disabling also ends the account's sessions. */
export async function setUserDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, disabled]);
    if (disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  });
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  q: Queryable,
  userId: number,
  address: string,
  ttlSeconds: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.query(
    `INSERT INTO sessions (id, user_id, address, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashToken(token), userId, address, ttlSeconds],
  );
  return token;
}

export interface SessionUser extends User {
  sessionId: string;
}

export async function sessionUser(q: Queryable, token: string): Promise<SessionUser | null> {
  // Named: asked on every request, so PostgreSQL keeps it parsed and planned per connection.
  const res = await q.query<SessionUser>({
    name: 'admin-session-user',
    text: `SELECT u.id, u.email, u.role, s.id AS "sessionId" FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.id = $1 AND s.expires_at > now() AND NOT u.disabled`,
    values: [hashToken(token)],
  });
  return res.rows[0] ?? null;
}

export async function deleteSession(q: Queryable, sessionId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE id = $1 OR expires_at < now()', [sessionId]);
}

export async function recordLoginFailure(q: Queryable, email: string, address: string): Promise<void> {
  await q.query('INSERT INTO login_failures (email, address) VALUES ($1, $2)', [email.toLowerCase(), address]);
}

export async function recentLoginFailures(
  q: Queryable,
  email: string,
  address: string,
  windowSeconds: number,
): Promise<{ email: number; address: number }> {
  const res = await q.query<{ email: number; address: number }>(
    `SELECT count(*) FILTER (WHERE email = $1)::int AS email, count(*) FILTER (WHERE address = $2)::int AS address
     FROM login_failures WHERE (email = $1 OR address = $2) AND at > now() - make_interval(secs => $3)`,
    [email.toLowerCase(), address, windowSeconds],
  );
  return res.rows[0] ?? { email: 0, address: 0 };
}

/** A successful login clears the account's failures, so a user who mistyped once is not locked out later. */
export async function clearLoginFailures(q: Queryable, email: string): Promise<void> {
  await q.query("DELETE FROM login_failures WHERE email = $1 OR at < now() - interval '1 day'", [email.toLowerCase()]);
}
