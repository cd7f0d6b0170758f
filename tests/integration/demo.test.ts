import { spawn, type ChildProcess } from 'node:child_process';
import { access, chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths.js';
import { freePort } from '../../src/free-port.js';
import { launchChromium } from './browser-fixtures.js';

/**
 * A newcomer's first five minutes: `npm run demo` on a fresh data folder, then log in with the printed
 * credentials in a real browser and find the imported leads. Nothing but Node and the npm packages.
 */
let tmp: string;
let demo: ChildProcess;
let output = '';
let browser: Browser;
let credentials: { url: string; email: string; password: string };

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ot-demo-'));
  // As root, embedded PostgreSQL runs as an unprivileged user that must be able to reach the data folder.
  await chmod(tmp, 0o755);
  const port = await freePort();
  const started = Date.now();
  demo = spawn('npm', ['run', '--silent', 'demo'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      IMAP_URL: '',
      DATA_DIR: path.join(tmp, 'data'),
      SMTP_URL: pathToFileURL(path.join(tmp, 'outbox')).href,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so the test can send Ctrl-C to npm and the demo together, as a terminal does
    detached: true,
  });
  demo.stdout!.on('data', (d) => (output += d));
  demo.stderr!.on('data', (d) => (output += d));
  credentials = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not print its credentials in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const url = /demo is running: (\S+)\/login/.exec(output)?.[1];
      const email = /log in as\s+(\S+)/.exec(output)?.[1];
      const password = /password\s+(\S+)/.exec(output)?.[1];
      if (url && email && password) {
        clearTimeout(timer);
        resolve({ url, email, password });
      }
    };
    demo.stdout!.on('data', check);
    demo.once('exit', (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
  });
  process.stdout.write(`demo: credentials printed after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (demo?.pid && demo.exitCode === null && demo.signalCode === null) process.kill(-demo.pid, 'SIGKILL');
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('shows the imported leads to the printed demo account in Chromium', async () => {
    const page = await browser.newPage();
    await page.goto(`${credentials.url}/login`);
    await page.fill('input[name=email]', credentials.email);
    await page.fill('input[name=password]', credentials.password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const leadLinks = page.locator('a[href^="/leads/"]');
    expect(await leadLinks.count()).toBeGreaterThan(10);
    await leadLinks.first().click();
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/\S/);
    expect(page.url()).toMatch(/\/leads\/\d+/);
  });

  it('wrote the replies as .eml files and stops cleanly on Ctrl-C', async () => {
    const files = await readdir(path.join(tmp, 'outbox'));
    expect(files.filter((f) => f.endsWith('.eml')).length).toBeGreaterThan(10);

    process.kill(-demo.pid!, 'SIGINT');
    // npm itself exits at once on Ctrl-C; the demo must then close the admin page and stop PostgreSQL,
    // which removes its postmaster.pid (a crash would leave it behind).
    const pidFile = path.join(tmp, 'data', 'postgres', 'postmaster.pid');
    await expect.poll(() => access(pidFile).then(() => true, () => false), { timeout: 30_000, interval: 200 }).toBe(false);
    await expect.poll(() => reachable(credentials.url), { timeout: 10_000, interval: 200 }).toBe(false);
    expect(output).toMatch(/demo stopping/);
    expect(output).not.toMatch(/"level":50|ERROR/);
  });
});

async function reachable(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    () => true,
    () => false,
  );
}
