import { createHash } from 'node:crypto';
import type { Category } from '../core/types.js';
import type { Db, Queryable } from './db.js';

/**
 * The human review queue: rows in PostgreSQL, most promising first (leads.priority, set by triage), taken
 * one at a time with a lease. `FOR UPDATE SKIP LOCKED` lets concurrent "Next lead" clicks pass each other
 * instead of queueing on the same row, and the lease means a reviewer who walks away frees the lead again.
 */
export const OPEN_STATUSES = ['new', 'in_review'] as const;
export const LEAD_STATUSES = [
  'new',
  'in_review',
  'shortlisted',
  'forwarded',
  'declined',
  'redirected',
  'duplicate',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface QueueFilter {
  /** 'open' is new + in_review: the queue proper */
  status: LeadStatus | 'open' | 'all';
  category?: Category;
  route?: 'review' | 'redirect';
  /** a forwarder's email address or domain */
  association?: string;
}

export interface QueueRow {
  id: number;
  reference: string;
  status: LeadStatus;
  route: string;
  category: Category;
  /** the organisation, else the contact's name, else their address */
  company: string | null;
  /** one decimal, as the page shows it */
  priority: string;
  certifications: string;
  /** UTC, to the minute: "2020-04-02 09:15" */
  createdAt: string;
  claimedBy: string | null;
}

interface QueueRecord extends Omit<QueueRow, 'priority'> {
  priority: number;
}

// Status values come from the fixed list above, never from the request, so they can be inlined: a literal
// IN list lets the planner use the partial indexes on the open queue.
function statusSql(status: QueueFilter['status']): string {
  if (status === 'all') return 'TRUE';
  if (status === 'open') return `l.status IN ('new', 'in_review')`;
  if (!LEAD_STATUSES.includes(status)) throw new Error(`unknown status ${status}`);
  return `l.status = '${status}'`;
}

function filterSql(f: QueueFilter, values: unknown[]): string {
  const where = [statusSql(f.status)];
  if (f.category) {
    values.push(f.category);
    where.push(`l.category = $${values.length}`);
  }
  if (f.route) {
    values.push(f.route);
    where.push(`l.route = $${values.length}`);
  }
  if (f.association) {
    const a = f.association.toLowerCase().replace(/^@/, '');
    values.push(a, `%@${a}`);
    where.push(
      `EXISTS (SELECT 1 FROM lead_sources s WHERE s.lead_id = l.id AND (s.forwarded_by_email = $${values.length - 1} OR s.forwarded_by_email LIKE $${values.length}))`,
    );
  }
  return where.join(' AND ');
}

export async function listQueue(
  q: Queryable,
  f: QueueFilter,
  page: { limit: number; offset: number },
): Promise<QueueRow[]> {
  const values: unknown[] = [];
  const where = filterSql(f, values);
  // LIMIT and OFFSET are inlined (integers from our code): as parameters, the generic plan of the named
  // statement cannot see how few rows are wanted and sorts the whole open queue instead of walking the index.
  const limit = Math.trunc(page.limit);
  const offset = Math.trunc(page.offset);
  // The busiest query of the admin page. to_char() cost PostgreSQL a third of this query's time (pgbench: 13k
  // against 19-22k queries/s), and node-postgres turns a timestamptz into a Date with a regex per row, so the
  // time goes over as plain timestamp text and both columns are formatted here. The holder's address is looked
  // up only for a live claim: a join probed users for every row (7 % of the query).
  const text = `SELECT l.id, l.reference, l.status, l.route, l.category,
            coalesce(l.organisation, l.sender_name, l.sender_email) AS company, l.priority,
            array_to_string(l.certifications, ', ') AS certifications,
            (l.created_at AT TIME ZONE 'UTC')::text AS "createdAt",
            CASE WHEN l.claim_expires_at > now() THEN (SELECT u.email FROM users u WHERE u.id = l.claimed_by) END AS "claimedBy"
     FROM leads l
     WHERE ${where}
     ORDER BY l.priority DESC, l.id
     LIMIT ${limit} OFFSET ${offset}`;
  const res = await q.query<QueueRecord>({ name: statementName(text), text, values });
  return res.rows.map((row) => ({ ...row, priority: row.priority.toFixed(1), createdAt: row.createdAt.slice(0, 16) }));
}

/** Named per filter shape, so each is planned once per connection; the names are kept, not hashed per page. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `admin-queue-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    // Filter shapes are few (status x category x route x association), and pages only change OFFSET.
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return name;
}

export async function openCountsByCategory(q: Queryable): Promise<Record<string, number>> {
  const res = await q.query<{ category: string; n: number }>(
    `SELECT category, count(*)::int AS n FROM leads WHERE status IN ('new', 'in_review') GROUP BY category`,
  );
  return Object.fromEntries(res.rows.map((r) => [r.category, r.n]));
}

/**
 * Claims the most promising open lead for `userId`: not held by anyone else under a live lease, not already
 * scored by this reviewer, and not the lead they are handing back (so "Next" also means "skip"). Whatever the
 * reviewer held before is released in the same transaction.
 */
export async function claimNext(
  db: Db,
  userId: number,
  leaseSeconds: number,
  f: Omit<QueueFilter, 'status'> = {},
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const released = await tx.query<{ id: number }>(
      `UPDATE leads SET claimed_by = NULL, claim_expires_at = NULL WHERE claimed_by = $1 RETURNING id`,
      [userId],
    );
    const values: unknown[] = [userId, released.rows.map((r) => r.id)];
    const where = filterSql({ ...f, status: 'open' }, values);
    values.push(leaseSeconds);
    const res = await tx.query<{ id: number }>(
      `WITH next AS (
         SELECT l.id FROM leads l
         WHERE ${where}
           AND (l.claimed_by IS NULL OR l.claim_expires_at <= now())
           AND l.id <> ALL ($2::bigint[])
           AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.lead_id = l.id AND r.reviewer_id = $1)
         ORDER BY l.priority DESC, l.id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       UPDATE leads SET claimed_by = $1, claim_expires_at = now() + make_interval(secs => $${values.length}),
                        status = 'in_review', updated_at = now()
       FROM next WHERE leads.id = next.id
       RETURNING leads.id`,
      values,
    );
    const id = res.rows[0]?.id ?? null;
    if (id !== null) {
      await tx.query(
        `INSERT INTO audit_log (actor, action, lead_id) SELECT email, 'lead.claimed', $2 FROM users WHERE id = $1`,
        [userId, id],
      );
    }
    return id;
  });
}

export async function releaseClaim(q: Queryable, leadId: number, userId: number): Promise<void> {
  await q.query('UPDATE leads SET claimed_by = NULL, claim_expires_at = NULL WHERE id = $1 AND claimed_by = $2', [
    leadId,
    userId,
  ]);
}
