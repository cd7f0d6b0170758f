import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';
import { addUser, PASSWORD, seedLead } from './admin-fixtures.js';
import { launchChromium, serveAdmin } from './browser-fixtures.js';

/**
 * Hostile mail in a real Chromium. Every trick tries to run script (setting window.top.name, the page title,
 * or calling a beacon) or to fetch something from a "remote" server, played by a local HTTP server that
 * records every request. Nothing may run and the beacon must hear nothing.
 */
let t: TestDb;
let app: FastifyInstance;
let url: string;
let browser: Browser;
let beacon: Server;
let beaconUrl: string;
const beaconHits: string[] = [];

function hostileHtml(b: string): string {
  const js = `top.name='pwned';document.title='pwned';fetch('${b}/js')`;
  return `<html><head><base href="${b}/base/"><meta http-equiv="refresh" content="0;url=${b}/refresh">
<link rel="stylesheet" href="${b}/link.css"><style>@import url(${b}/import.css); body { background: url(${b}/style-bg.png) }</style>
<script>${js}</script><script src="${b}/external.js"></script></head>
<body onload="${js}" background="${b}/body-bg.png">
<p>Dear team, we offer <b>masks</b>.</p>
<img src="${b}/remote.png" alt="logo"><img src="x" onerror="${js}"><img srcset="${b}/srcset.png 1x">
<picture><source srcset="${b}/source.png"><img src="${b}/picture.png"></picture>
<video poster="${b}/poster.png" src="${b}/video.mp4"></video><audio src="${b}/audio.mp3" autoplay></audio>
<a href="javascript:${js}" id="jslink">click me</a> <a href="JaVaScRiPt&colon;top.name='pwned'">encoded</a>
<a href="data:text/html,<script>${js}</script>">data link</a>
<svg xmlns="http://www.w3.org/2000/svg" onload="${js}"><script>${js}</script><image href="${b}/svg-image.png"/><foreignObject><iframe src="${b}/svg-iframe"></iframe></foreignObject></svg>
<math><mtext><table><mglyph><style><img src=x onerror="${js}"></style></mglyph></table></mtext></math>
<div style="background-image: url(${b}/css-bg.png); width: expression(alert(1))">styled</div>
<div style="behavior: url(${b}/behavior.htc); -moz-binding: url(${b}/binding.xml)">bound</div>
<table background="${b}/table-bg.png"><tr><td background="${b}/td-bg.png">cell</td></tr></table>
<iframe src="${b}/iframe" srcdoc="<script>${js}</script>"></iframe><object data="${b}/object"></object><embed src="${b}/embed">
<form action="${b}/form" method="post"><input name="q" value="x" autofocus onfocus="${js}"><button formaction="javascript:${js}">go</button></form>
<details open ontoggle="${js}"><summary>more</summary></details>
<noscript><p title="</noscript><img src=x onerror=${js}>"></p></noscript>
<img src="cid:logo@inline" alt="inline logo">
</body></html>`;
}

function multipart(html: string): string {
  return [
    'From: Evil <evil@attacker.example>',
    'To: aanbod@crisisteam.example',
    'Subject: =?utf-8?q?<img src=x onerror=alert(1)> offer?=',
    'Message-ID: <hostile.1@attacker.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="r"',
    '',
    '--r',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--r',
    'Content-Type: image/png',
    'Content-ID: <logo@inline>',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    '--r--',
    '',
  ].join('\r\n');
}

beforeAll(async () => {
  beacon = createServer((req, res) => {
    beaconHits.push(`${req.method} ${req.url}`);
    res.end('');
  });
  await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
  beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
  t = await createTestDb('browser_hostile');
  ({ app, url } = await serveAdmin(t.db));
  browser = await launchChromium();
  await addUser(t.db, 'rita@team.example', 'reviewer');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.drop();
  await new Promise((resolve) => beacon?.close(resolve));
});

it('nothing in a hostile mail runs or fetches anything remote, in the frame or on the lead page', async () => {
  const js = `top.name='pwned';document.title='pwned';fetch('${beaconUrl}/js')`;
  const html = await seedLead(t.db, {
    raw: multipart(hostileHtml(beaconUrl)),
    organisation: `<script>${js}</script>`,
    senderEmail: `"><img src=${beaconUrl}/field.png onerror=alert(1)>@x.example`,
  });
  const text = await seedLead(t.db, {
    raw: [
      'From: evil@attacker.example',
      'Subject: plain',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `<script>${js}</script> <img src="${beaconUrl}/text.png">`,
    ].join('\r\n'),
  });

  // The same hostile mail forwarded as an attachment under a hostile note: both tabs of the lead page.
  const forward = await seedLead(t.db, {
    forwardedBy: 'desk@fme.example',
    raw: [
      'From: Desk <desk@fme.example>',
      'Subject: Fwd: offer',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="f"',
      '',
      '--f',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p onclick="${js}">See attached <b>note</b><img src="${beaconUrl}/note.png"></p>`,
      '--f',
      'Content-Type: message/rfc822',
      '',
      multipart(hostileHtml(beaconUrl)),
      '--f--',
      '',
    ].join('\r\n'),
  });

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });

  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill('rita@team.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${url}/`);

  const visits = [
    { lead: html, path: '', bold: 'masks' },
    { lead: text, path: '', bold: null },
    { lead: forward, path: '', bold: 'masks' },
    { lead: forward, path: '?mail=received', bold: 'note' },
  ];
  for (const { lead, path, bold } of visits) {
    await page.goto(`${url}/leads/${lead.leadId}${path}`, { waitUntil: 'load' });
    const frame = page.frameLocator('section.mail iframe');
    if (bold) {
      await expect.poll(() => frame.locator('b').first().textContent()).toBe(bold);
      if (lead === html) {
        // The inline (cid:) image survives as data:, everything else is the blocked placeholder.
        await expect
          .poll(() => frame.locator('img[alt="inline logo"]').getAttribute('src'))
          .toMatch(/^data:image\/png;base64,/);
      }
      await frame
        .locator('a', { hasText: 'click me' })
        .click({ timeout: 2000 })
        .catch(() => undefined);
    } else {
      await expect.poll(() => frame.locator('pre').textContent()).toContain('<script>');
    }
    await page.waitForTimeout(700);
    expect(await page.evaluate(() => window.name)).not.toBe('pwned');
    expect(await page.title()).not.toBe('pwned');
    expect(new URL(page.url()).pathname).toBe(`/leads/${lead.leadId}`);
  }

  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(beaconHits).toEqual([]);
  await ctx.close();
});
