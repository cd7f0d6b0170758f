import type { Db } from './db.js';

/** The DESIGN §5b `stats --json` contract; key order is the printed order. */
export interface Stats {
  messages: number;
  leads: number;
  routes: { review: number; redirect: number; ignore: number };
  quarantined: number;
}

export async function readStats(q: Pick<Db, 'query'>): Promise<Stats> {
  const { rows } = await q.query<{
    messages: number;
    quarantined: number;
    review: number;
    redirect: number;
    ignore: number;
    leads: number;
  }>(
    `SELECT
       (SELECT count(*) FROM messages)::int AS messages,
       (SELECT count(*) FROM messages WHERE status = 'quarantined')::int AS quarantined,
       (SELECT count(*) FROM messages WHERE status = 'processed' AND route = 'review')::int AS review,
       (SELECT count(*) FROM messages WHERE status = 'processed' AND route = 'redirect')::int AS redirect,
       (SELECT count(*) FROM messages WHERE status = 'processed' AND route = 'ignore')::int AS ignore,
       (SELECT count(*) FROM leads WHERE status <> 'duplicate')::int AS leads`,
  );
  const r = rows[0]!;
  return {
    messages: r.messages,
    leads: r.leads,
    routes: { review: r.review, redirect: r.redirect, ignore: r.ignore },
    quarantined: r.quarantined,
  };
}
