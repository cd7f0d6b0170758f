import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATEGORIES } from '../../core/types.js';
import {
  claimNext,
  LEAD_STATUSES,
  listQueue,
  openCountsByCategory,
  type QueueFilter,
  type QueueRow,
} from '../../store/queue.js';
import { seeOther } from '../guard.js';
import type { AdminOptions } from '../options.js';
import { page } from '../render.js';
import type { SharedReads } from '../shared-reads.js';

/**
 * The queue page (most promising first, filters, counts per category) and "Next lead". The counts are a
 * whole-table aggregate, so they are cached for a few seconds per process: they may lag. The rows are never
 * cached; pages asking for the same view at the same moment share one query (`rows`, see shared-reads.ts).
 */
const PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const filterQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(['open', 'all', ...LEAD_STATUSES]).default('open')),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORIES).optional()),
  route: z.preprocess(blankToUndefined, z.enum(['review', 'redirect']).optional()),
  association: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10000).default(1)),
  empty: z.string().optional(),
});

export function registerQueue(app: FastifyInstance, opts: AdminOptions, rows: SharedReads<QueueRow[]>): void {
  const ttl = opts.countsCacheMs ?? 5000;
  // Stale while revalidating: the aggregate scans the open queue (~35 ms at 100k leads), and every page
  // that arrived during a refresh would otherwise wait for it together, which is what p99 measures.
  let counts: { at: number; value: Promise<Record<string, number>> } | null = null;
  let refreshing = false;
  const categoryCounts = () => {
    if (ttl <= 0) return openCountsByCategory(opts.db.pool);
    if (counts && (Date.now() - counts.at < ttl || refreshing)) return counts.value;
    const value = openCountsByCategory(opts.db.pool);
    if (!counts) {
      counts = { at: Date.now(), value };
      value.catch(() => (counts = null));
      return value;
    }
    refreshing = true;
    value
      .then((fresh) => (counts = { at: Date.now(), value: Promise.resolve(fresh) }))
      .catch((err: unknown) => opts.log?.warn({ err }, 'queue counts refresh failed'))
      .finally(() => (refreshing = false));
    return counts.value;
  };

  app.get('/', async (req, reply) => {
    const q = filterQuery.parse(req.query);
    const filter: QueueFilter = { status: q.status, category: q.category, route: q.route, association: q.association };
    const view = JSON.stringify([filter.status, filter.category, filter.route, filter.association, q.page]);
    const [found, perCategory] = await Promise.all([
      rows.read(view, () =>
        listQueue(opts.db.pool, filter, { limit: PAGE_SIZE + 1, offset: (q.page - 1) * PAGE_SIZE }),
      ),
      categoryCounts(),
    ]);
    const params = new URLSearchParams(
      Object.entries({ status: q.status, category: q.category, route: q.route, association: q.association }).filter(
        (e): e is [string, string] => !!e[1],
      ),
    );
    return page(req, reply, 'queue', {
      title: 'Queue',
      rows: found.slice(0, PAGE_SIZE),
      hasMore: found.length > PAGE_SIZE,
      q,
      params: params.toString(),
      perCategory,
      categories: CATEGORIES,
      statuses: LEAD_STATUSES,
      empty: q.empty !== undefined,
    });
  });

  app.post('/queue/next', async (req, reply) => {
    const q = filterQuery.parse(req.body ?? {});
    const id = await claimNext(opts.db, req.user!.id, opts.config.claimLeaseSeconds, {
      category: q.category,
      route: q.route,
      association: q.association,
    });
    return seeOther(reply, id === null ? '/?empty=1' : `/leads/${id}`);
  });
}
