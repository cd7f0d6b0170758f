import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/admin/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addUser, Client, seedLead } from './admin-fixtures.js';

let t: TestDb;
let app: FastifyInstance;
let leadId: number;

beforeAll(async () => {
  t = await createTestDb('admin_auth');
  app = await build({ db: t.db, config: loadConfig({}), sessionSecret: 'a-test-secret-that-is-long-enough-000000' });
  await addUser(t.db, 'rita@team.example', 'reviewer');
  await addUser(t.db, 'cor@team.example', 'coordinator');
  await addUser(t.db, 'ada@team.example', 'admin');
  await addUser(t.db, 'locked@team.example', 'reviewer');
  leadId = (await seedLead(t.db)).leadId;
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('the front door', () => {
  it('GET /login answers 200 with a form posting email and password', async () => {
    const res = await app.inject({ method: 'GET', url: '/login' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<form method="post" action="\/login">/);
    expect(res.body).toMatch(/name="email"/);
    expect(res.body).toMatch(/name="password"/);
  });

  it.each([
    '/',
    '/leads/1',
    `/leads/1/mail`,
    '/reports',
    '/reports/shortlist.csv',
    '/quarantine',
    '/audit',
    '/users',
    '/no-such-page',
  ])('without a session, %s redirects HTML requests to /login and answers 401 to JSON requests', async (url) => {
    const html = await app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(html.statusCode).toBe(302);
    expect(html.headers.location).toMatch(/^\/login/);
    const json = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(401);
  });

  it('state-changing requests without a session are refused before anything happens', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/leads/${leadId}/decide`,
      headers: { accept: 'application/json' },
      payload: { decision: 'declined' },
    });
    expect(res.statusCode).toBe(401);
    const status = await t.db.query('SELECT status FROM leads WHERE id = $1', [leadId]);
    expect(status.rows[0]!.status).toBe('new');
  });

  it('health, readiness and static assets need no session', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ok: true, checks: { postgres: 'ok' } });
    expect((await app.inject({ method: 'GET', url: '/static/style.css' })).statusCode).toBe(200);
  });
});

describe('login and sessions', () => {
  it('sets a signed HttpOnly SameSite=Lax session cookie and stores only its hash', async () => {
    const c = new Client(app);
    await c.get('/login');
    const res = await c.post('/login', { email: 'Rita@Team.example', password: 'correct horse battery staple' });
    expect(res.statusCode).toBe(303);
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('ot_session='))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const token = decodeURIComponent(header.split(';')[0]!.split('=')[1]!).split('.')[0]!;
    const stored = await t.db.query('SELECT id FROM sessions');
    expect(stored.rows.map((r) => r.id)).not.toContain(token);
    expect((await c.get('/')).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const c = new Client(app);
    await c.get('/login');
    const wrong = await c.post('/login', { email: 'rita@team.example', password: 'not the password at all' });
    const unknown = await c.post('/login', { email: 'nobody@team.example', password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Email address or password is wrong.');
    expect(unknown.body).toContain('Email address or password is wrong.');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const c = new Client(app);
    await c.get('/login');
    for (let i = 0; i < 5; i++)
      expect((await c.post('/login', { email: 'locked@team.example', password: 'guess number ' + i })).statusCode).toBe(
        401,
      );
    const right = await c.post('/login', { email: 'locked@team.example', password: 'correct horse battery staple' });
    expect(right.statusCode).toBe(429);
  });

  it('logout ends the session in the database', async () => {
    const c = new Client(app);
    await c.login('cor@team.example');
    const stolen = new Map(c.cookies);
    expect((await c.post('/logout')).statusCode).toBe(303);
    const replay = new Client(app);
    replay.cookies = stolen;
    const res = await replay.get('/');
    expect(res.statusCode).toBe(302);
  });
});

describe('CSRF', () => {
  it('refuses state-changing requests without a token, with a forged one, or with another session’s token', async () => {
    const rita = new Client(app);
    await rita.login('rita@team.example');
    expect((await rita.request('POST', '/queue/next', {})).statusCode).toBe(403);
    expect((await rita.request('POST', '/queue/next', { _csrf: 'forged-token' })).statusCode).toBe(403);
    const cor = new Client(app);
    await cor.login('cor@team.example');
    expect((await rita.request('POST', `/leads/${leadId}/notes`, { _csrf: cor.csrf, body: 'hi' })).statusCode).toBe(
      403,
    );
    const notes = await t.db.query('SELECT count(*)::int AS n FROM notes');
    expect(notes.rows[0]!.n).toBe(0);
    expect((await rita.post(`/leads/${leadId}/notes`, { body: 'with the right token' })).statusCode).toBe(303);
  });

  it('login itself needs the token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'email=rita%40team.example&password=correct+horse+battery+staple',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('roles', () => {
  it('a reviewer cannot reach coordinator or admin pages and actions', async () => {
    const c = new Client(app);
    await c.login('rita@team.example');
    for (const url of ['/users', '/reports', '/reports/shortlist.csv', '/quarantine', '/audit'])
      expect((await c.get(url)).statusCode, url).toBe(403);
    const add = await c.post('/users', {
      email: 'mallory@team.example',
      role: 'admin',
      password: 'mallory-password-1',
    });
    expect(add.statusCode).toBe(403);
    const users = await t.db.query(`SELECT 1 FROM users WHERE email = 'mallory@team.example'`);
    expect(users.rowCount).toBe(0);
    expect((await c.post('/quarantine/1/reprocess')).statusCode).toBe(403);
  });

  it('a coordinator reaches reports but not accounts; an admin reaches accounts', async () => {
    const cor = new Client(app);
    await cor.login('cor@team.example');
    expect((await cor.get('/reports')).statusCode).toBe(200);
    expect((await cor.get('/users')).statusCode).toBe(403);
    const ada = new Client(app);
    await ada.login('ada@team.example');
    expect((await ada.get('/users')).statusCode).toBe(200);
    expect(
      (await ada.post('/users', { email: 'new@team.example', role: 'reviewer', password: 'a-long-enough-password' }))
        .statusCode,
    ).toBe(303);
    const nu = new Client(app);
    expect((await nu.login('new@team.example', 'a-long-enough-password')).statusCode).toBe(303);
  });
});
