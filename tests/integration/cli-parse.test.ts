import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_MESSAGES } from '../../src/core/analyse.js';
import { assertBuilt, cliEnv, runCli } from './cli-support.js';

/**
 * The `parse` command is a contract (DESIGN §5) that outside checks run: one JSON object per file, in input
 * order, nothing else on stdout, exit 0 / 1 / 2, and no database, Redis or network (none is configured here).
 */
const CONTRACT_KEYS = [
  'file',
  'messageId',
  'subject',
  'date',
  'language',
  'sender',
  'forwardedBy',
  'kvk',
  'category',
  'categories',
  'route',
  'reasons',
  'attachments',
];
const SAMPLE = 'samples/01-masks-ffp2-line-rfc822-hightechnl.eml';
const env = cliEnv({ DATABASE_URL: undefined, REDIS_URL: undefined });
let tmp: string;

beforeAll(async () => {
  assertBuilt();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ot-parse-'));
  await writeFile(path.join(tmp, 'empty.eml'), '');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('offer-triage parse', () => {
  it('prints exactly one contract object per file, in input order, and nothing else', async () => {
    const files = [SAMPLE, 'samples/05-gowns-stock-gmail-fme.eml', SAMPLE];
    const r = await runCli(['parse', ...files], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => o.file)).toEqual(files);
    for (const o of objects) expect(Object.keys(o)).toEqual(CONTRACT_KEYS);
    const first = objects[0]!;
    expect(first.forwardedBy).toMatchObject({ email: 'm.vandam@hightechnl.nl' });
    expect(first.sender).toMatchObject({ email: 'l.verstraete@zeeuwsefilter.nl' });
    expect(first).toMatchObject({ category: 'masks', route: 'review', kvk: '22061184', language: 'nl' });
  });

  it('exits 0 with an error line for a file that cannot be parsed', async () => {
    const empty = path.join(tmp, 'empty.eml');
    const r = await runCli(['parse', empty, SAMPLE], env);
    expect(r.code).toBe(0);
    const [bad, good] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(bad).toEqual({ file: empty, error: expect.stringMatching(/^OT_ERR_EMPTY/) });
    expect(good!.file).toBe(SAMPLE);
  });

  it('exits 1 when a file cannot be read, still printing a line for every file', async () => {
    const missing = path.join(tmp, 'missing.eml');
    const r = await runCli(['parse', SAMPLE, missing], env);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[1]).toEqual({ file: missing, error: expect.stringMatching(/^OT_ERR_READ: .*ENOENT/) });
    expect(r.stderr).toContain(missing);
  });

  it('keeps input order and every line across the groups the core analyses at once', async () => {
    const empty = path.join(tmp, 'empty.eml');
    const missing = path.join(tmp, 'missing.eml');
    // More files than one group (GROUP_MESSAGES), with an unreadable and an unparsable one inside the second.
    const files = Array.from({ length: GROUP_MESSAGES + 3 }, (_, i): string =>
      i % 2 === 0 ? SAMPLE : 'samples/05-gowns-stock-gmail-fme.eml',
    );
    files.splice(GROUP_MESSAGES + 1, 0, missing, empty);
    const r = await runCli(['parse', ...files], env);
    expect(r.code).toBe(1);
    const objects = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => o.file)).toEqual(files);
    expect(objects[GROUP_MESSAGES + 1]!.error).toMatch(/^OT_ERR_READ/);
    expect(objects[GROUP_MESSAGES + 2]!.error).toMatch(/^OT_ERR_EMPTY/);
    const categories = objects.filter((o) => !('error' in o)).map((o) => `${String(o.file)} ${String(o.category)}`);
    expect(new Set(categories)).toEqual(new Set([`${SAMPLE} masks`, 'samples/05-gowns-stock-gmail-fme.eml gowns']));
  });

  it('exits 2 on bad usage, with the usage on stderr', async () => {
    const r = await runCli(['parse'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/usage: offer-triage parse FILE/);
  });
});
