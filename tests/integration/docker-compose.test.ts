import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const run = promisify(execFile);

/**
 * The compose file is for users with a Docker engine; none runs here, but Debian's docker-compose validates
 * the file (schema, interpolation, anchors) without one. .ci/run installs it.
 */
describe('docker-compose.yml', () => {
  const env = { ...process.env, SESSION_SECRET: 'a-test-secret-that-is-long-enough-0000' };

  it('validates and defines every service of the stack', async () => {
    const { stdout } = await run('docker-compose', ['config', '--services'], { cwd: PROJECT_ROOT, env });
    expect(stdout.trim().split('\n').sort()).toEqual(['admin', 'ingest', 'mailer', 'postgres', 'processor', 'redis']);
    const full = await run('docker-compose', ['config'], { cwd: PROJECT_ROOT, env });
    expect(full.stdout).toMatch(/worker[\s\S]*--queues[\s\S]*process/);
    expect(full.stdout).toMatch(/healthcheck/);
  });

  it('refuses to start the admin page without a session secret', async () => {
    const noSecret = { ...process.env, SESSION_SECRET: '' };
    await expect(run('docker-compose', ['config'], { cwd: PROJECT_ROOT, env: noSecret })).rejects.toThrow(/SESSION_SECRET/);
  });
});
