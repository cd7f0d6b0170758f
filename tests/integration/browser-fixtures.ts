import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { build } from '../../src/admin/app.js';
import { loadConfig } from '../../src/config.js';
import type { AdminOptions } from '../../src/admin/options.js';
import type { Db } from '../../src/store/db.js';

/** Debian's chromium, headless, with nothing in the background that could make its own requests. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The admin page listening on a free loopback port. */
export async function serveAdmin(
  db: Db,
  extra: Partial<AdminOptions> = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await build({
    db,
    config: loadConfig({}),
    sessionSecret: 'a-browser-test-secret-long-enough-00000',
    countsCacheMs: 0,
    ...extra,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
