import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { addUser, PASSWORD, seedLead } from './admin-fixtures.js';
import { launchChromium, serveAdmin } from './browser-fixtures.js';

/** A reviewer's whole round in a real Chromium: log in, take the next lead, read it, score, decide; then the export. */
let t: TestDb;
let app: FastifyInstance;
let url: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestDb('browser_review');
  ({ app, url } = await serveAdmin(t.db));
  browser = await launchChromium();
  await addUser(t.db, 'rita@team.example', 'reviewer');
  await addUser(t.db, 'cor@team.example', 'coordinator');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.drop();
});

async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${url}/`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${url}/`);
}

it('a reviewer logs in, claims the next lead, scores and decides it; the coordinator exports it', async () => {
  await seedLead(t.db, { priority: 0.2, organisation: 'Second Best B.V.' });
  const best = await seedLead(t.db, {
    priority: 0.9,
    organisation: 'Best Gowns B.V.',
    category: 'gowns',
    raw: [
      'From: a@best.example',
      'Subject: gowns',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'We make 20,000 isolation gowns a week.',
    ].join('\r\n'),
  });

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, 'rita@team.example');
  const rows = page.locator('table.list tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await rows.first().textContent()).toContain('Best Gowns B.V.');

  await page.getByRole('button', { name: /Next lead/ }).click();
  await page.waitForURL(`${url}/leads/${best.leadId}`);
  expect(await page.locator('h1').textContent()).toContain('Best Gowns B.V.');
  expect(await page.textContent('body')).toContain('You hold this lead');
  const frame = page.frameLocator('iframe[title="Original mail, sanitised"]');
  await expect.poll(() => frame.locator('pre').textContent()).toContain('20,000 isolation gowns');

  for (const k of ['capacity', 'lead_time', 'quality', 'credibility', 'price_fit'])
    await page.getByLabel(`${k} 4`, { exact: true }).check();
  await page.getByLabel('Comment').first().fill('credible, certified');
  await page.getByRole('button', { name: /Save score/ }).click();
  await page.waitForURL(/msg=scored/);
  expect(await page.locator('#avg-score').textContent()).toBe('4');

  await page.getByLabel('Decision').selectOption('shortlisted');
  await page.locator('#decide-form textarea[name=comment]').fill('shortlist for partners');
  await page.getByRole('button', { name: /Decide/ }).click();
  await page.waitForURL(/msg=decided/);
  expect(await page.locator('#lead-status').textContent()).toBe('shortlisted');
  await ctx.close();

  const coord = await browser.newContext({ acceptDownloads: true });
  const cpage = await coord.newPage();
  await login(cpage, 'cor@team.example');
  await cpage.goto(`${url}/reports`);
  const [download] = await Promise.all([
    cpage.waitForEvent('download'),
    cpage.getByRole('link', { name: 'Shortlist (CSV)' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const line = csv.split('\n').find((l) => l.includes('Best Gowns B.V.'));
  expect(line).toContain(',shortlisted,gowns,');
  expect(line).toContain('shortlist for partners');
  expect(line).toContain('rita@team.example');
  expect(csv).not.toContain('Second Best B.V.');
  await cpage.goto(`${url}/reports/shortlist`);
  expect(await cpage.textContent('table')).toContain('Best Gowns B.V.');
  await coord.close();
});
