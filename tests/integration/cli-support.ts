import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Runs the built command as a user would: `node bin/offer-triage.js ...` (`npm test` builds first). */
export const BIN = path.join(PROJECT_ROOT, 'bin', 'offer-triage.js');

export function assertBuilt(): void {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env, cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}


/** A small offer mail; `forwardedBy` wraps it as an Outlook-style inline forward with the original Message-ID. */
export function offerMail(opts: { id: string; from: string; text: string; subject?: string; forwardedBy?: string }): string {
  const subject = opts.subject ?? 'Aanbod isolatiejassen';
  const original = `From: ${opts.from}\r\nTo: aanbod@crisisteam.example\r\nSubject: ${subject}\r\nMessage-ID: <${opts.id}>\r\nDate: Fri, 20 Mar 2020 08:35:14 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${opts.text}\r\n`;
  if (!opts.forwardedBy) return original;
  const boundary = 'b-' + opts.id.replace(/\W/g, '');
  return [
    `From: ${opts.forwardedBy}`,
    'To: aanbod@crisisteam.example',
    `Subject: Fwd: ${subject}`,
    `Message-ID: <fw-${opts.forwardedBy.replace(/\W/g, '')}-${opts.id}>`,
    'Date: Fri, 20 Mar 2020 10:00:00 +0100',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Ter informatie doorgestuurd, een aanbod van een van onze leden.',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    original,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
