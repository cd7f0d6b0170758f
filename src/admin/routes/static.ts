import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../../paths.js';

/** The few static files (CSS) are read once at start-up and served from memory. */
const DIR = path.join(PROJECT_ROOT, 'src/admin/public');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export function registerStatic(app: FastifyInstance): void {
  for (const name of readdirSync(DIR)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = readFileSync(path.join(DIR, name));
    app.get(`/static/${name}`, async (_req, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=3600').send(body),
    );
  }
}
