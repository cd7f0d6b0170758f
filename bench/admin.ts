import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { build } from '../src/admin/app.js';
import { referencePage } from './admin-reference.js';
import { SESSION_COOKIE } from '../src/admin/routes/auth.js';
import { hashPassword } from '../src/admin/password.js';
import { loadConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import type { Db } from '../src/store/db.js';
import { createSession, createUser } from '../src/store/users.js';

/**
 * The admin page under load: `leads` leads (plus their source messages) inserted server-side with
 * generate_series, then the queue page and a lead page hammered by autocannon at `connections`
 * concurrent connections with a logged-in session. autocannon runs in its own process so the load
 * generator does not share this event loop. A bare reference page (admin-reference.ts) is measured in the same
 * run, and each page's CPU per request is read off this process, so the page's own cost is told apart from
 * the machine's speed that day. Each page is loaded twice: every connection on one URL (the queue's first
 * page, which reviewers share, and one lead), and spread over many (60 queue views, 1,000 leads), where
 * pages asking for the same view at once (shared-reads.ts) rarely meet. Give it an empty, migrated database.
 */
export interface PageFigures {
  page: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** CPU of this process (which serves the pages) per answered request, user + system */
  serverCpuMicros: number;
}

export interface AdminFigures {
  leads: number;
  fillSeconds: number;
  connections: number;
  pages: PageFigures[];
}

const CATEGORIES = ['masks', 'gowns', 'tests', 'materials', 'ventilators', 'other'];

export async function fillLeads(db: Db, count: number): Promise<void> {
  await db.query(
    `INSERT INTO messages (sha256, size, raw, message_id, source, status, route, processed_at)
     SELECT 'bench-' || g, 120, convert_to('From: co' || g || '@example.nl' || E'\\r\\nSubject: offer ' || g || E'\\r\\n\\r\\nWe offer 100.000 masks per week, EN 14683 type IIR.', 'UTF8'),
            '<bench.' || g || '@example.nl>', 'import', 'processed', 'review', now()
     FROM generate_series(1, $1) g`,
    [count],
  );
  await db.query(
    `INSERT INTO leads (reference, status, route, category, predicted_category, language, subject, sender_email, sender_name, organisation,
                        kvk, quantities, lead_time, certifications, offer_text, priority, categories, reasons, created_at)
     SELECT 'B-' || g,
            (ARRAY['new','new','new','new','new','new','in_review','shortlisted','declined','forwarded'])[1 + g % 10],
            CASE WHEN g % 7 = 0 THEN 'redirect' ELSE 'review' END,
            ($2::text[])[1 + g % 6], ($2::text[])[1 + g % 6], 'nl', 'offer ' || g, 'co' || g || '@example.nl', 'Contact ' || g,
            'Company ' || g || ' B.V.', lpad((10000000 + g)::text, 8, '0'),
            '[{"text": "100.000 per week", "amount": 100000, "per": "week"}]', '{"inStock": false, "days": 10, "text": "binnen 10 dagen"}',
            ARRAY['EN 14683 type IIR'], 'We offer 100.000 masks per week from meltblown filter fabric, tested by an accredited lab.',
            random(), '[{"category": "masks", "score": 0.9}]', '["bench"]', now() - (g % 30) * interval '1 day'
     FROM generate_series(1, $1) g`,
    [count, CATEGORIES],
  );
  await db.query(
    `INSERT INTO lead_sources (lead_id, message_id, kind, forwarded_by_email)
     SELECT l.id, m.id, 'forward', 'desk@association' || (l.id % 5) || '.example'
     FROM leads l JOIN messages m ON m.sha256 = 'bench-' || substr(l.reference, 3)`,
  );
  await db.query(
    `UPDATE messages m SET lead_id = s.lead_id FROM lead_sources s WHERE s.message_id = m.id AND m.lead_id IS NULL`,
  );
  await db.query('ANALYZE leads; ANALYZE lead_sources; ANALYZE messages');
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

/**
 * autocannon's CLI takes one URL; its API can send each request to a path of our choosing. Run as an inline
 * script in a process of its own (like the CLI), so tests running from source need no build; prints the
 * same JSON as `autocannon -j`.
 */
const SPREAD_LOAD = `
import autocannon from 'autocannon';
const a = JSON.parse(process.argv[1]);
let next = 0;
const result = await autocannon({ url: a.origin, connections: a.connections, duration: a.seconds, headers: a.headers,
  requests: [{ setupRequest: (req) => ({ ...req, path: a.paths[next++ % a.paths.length] }) }] });
process.stdout.write(JSON.stringify(result));
`;

interface Load {
  origin: string;
  paths: string[];
  cookie: string;
}

function autocannon(load: Load, connections: number, seconds: number): Promise<AutocannonJson> {
  const args =
    load.paths.length === 1
      ? [
          path.join(PROJECT_ROOT, 'node_modules', 'autocannon', 'autocannon.js'),
          '-j',
          '-c',
          String(connections),
          '-d',
          String(seconds),
          '-H',
          `cookie=${load.cookie}`,
          '-H',
          'accept=text/html',
          `${load.origin}${load.paths[0]}`,
        ]
      : [
          '--input-type=module',
          '-e',
          SPREAD_LOAD,
          JSON.stringify({
            origin: load.origin,
            paths: load.paths,
            headers: { cookie: load.cookie, accept: 'text/html' },
            connections,
            seconds,
          }),
        ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as AutocannonJson) : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export async function benchAdmin(
  db: Db,
  opts: { leads?: number; connections?: number; seconds?: number; print?: (line: string) => void } = {},
): Promise<AdminFigures> {
  const leads = opts.leads ?? 100_000;
  const connections = opts.connections ?? 100;
  const seconds = opts.seconds ?? 10;
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  const start = process.hrtime.bigint();
  await fillLeads(db, leads);
  const fillSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  print(`admin: filled ${leads} leads in ${fillSeconds.toFixed(1)} s`);

  const user = await createUser(
    db.pool,
    'bench@team.example',
    'reviewer',
    await hashPassword('bench-password-not-secret'),
  );
  const token = await createSession(db.pool, user.id, '127.0.0.1', 3600);
  const app = await build({ db, config: loadConfig({}), sessionSecret: 'bench-session-secret-at-least-32-characters' });
  const reference = await referencePage(db);
  const pages: PageFigures[] = [];
  try {
    const base = await listen(app);
    const session = `${SESSION_COOKIE}=${encodeURIComponent(app.signCookie(token))}`;
    // A browser sends back the CSRF secret cookie the first page set; without it every page makes a new one.
    const first = await fetch(`${base}/`, { headers: { cookie: session, accept: 'text/html' } });
    const csrfCookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('_csrf='));
    const cookie = csrfCookie ? `${session}; ${csrfCookie}` : session;
    const open = await db.query<{ id: number }>(
      `SELECT id FROM leads WHERE status IN ('new', 'in_review') ORDER BY priority DESC, id LIMIT 1000`,
    );
    const views = CATEGORIES.flatMap((c) => Array.from({ length: 10 }, (_, i) => `/?category=${c}&page=${i + 1}`));
    const loads: Array<[string, Load]> = [
      ['reference page', { origin: await listen(reference), paths: ['/'], cookie }],
      ['queue page', { origin: base, paths: ['/'], cookie }],
      ['queue page, 60 views', { origin: base, paths: views, cookie }],
      ['lead page', { origin: base, paths: [`/leads/${open.rows[0]!.id}`], cookie }],
      ['lead page, 1,000 leads', { origin: base, paths: open.rows.map((r) => `/leads/${r.id}`), cookie }],
    ];
    for (const [name, load] of loads) {
      await autocannon(load, connections, 2); // warm-up: JIT, template cache, PostgreSQL buffers
      const cpu = process.cpuUsage();
      const r = await autocannon(load, connections, seconds);
      const used = process.cpuUsage(cpu);
      const figures = {
        page: name,
        requestsPerSecond: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
        serverCpuMicros: (used.user + used.system) / Math.max(1, r.requests.total),
      };
      pages.push(figures);
      const relative =
        name === 'reference page'
          ? ''
          : `, ${(figures.serverCpuMicros / pages[0]!.serverCpuMicros).toFixed(2)}x the reference's`;
      print(
        `admin: ${name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms at ${connections} connections; ` +
          `server CPU ${figures.serverCpuMicros.toFixed(0)} us/request${relative}` +
          (figures.errors + figures.non2xx > 0 ? ` (${figures.errors} errors, ${figures.non2xx} non-2xx)` : ''),
      );
    }
  } finally {
    await app.close();
    await reference.close();
  }
  return { leads, fillSeconds, connections, pages };
}
