import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CommandIo } from '../cli.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../admin/password.js';
import { writeAudit } from '../store/audit.js';
import { createUser, ROLES, type Role } from '../store/users.js';
import { guarded, openCommandContext } from './guard.js';

/**
 * `offer-triage user add EMAIL --role reviewer|coordinator|admin`: creates the account (or resets its role
 * and password). The password is never an argument (it would sit in shell history and `ps`): it is read
 * from a prompt with echo off on a terminal, or as the first line of standard input otherwise.
 */
const USAGE =
  'usage: offer-triage user add EMAIL --role reviewer|coordinator|admin   (password from the prompt or stdin)\n';

function parseArgs(args: string[]): { email: string; role: Role } | null {
  const [verb, email, flag, role] = args;
  if (verb !== 'add' || !email || args.length !== 4) return null;
  if (flag !== '--role' || !ROLES.includes(role as Role)) return null;
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) return null;
  return { email: email.toLowerCase(), role: role as Role };
}

async function readPassword(io: CommandIo): Promise<string> {
  const tty = io.stdin.isTTY === true;
  let muted = false;
  // On a terminal, echo is suppressed by swallowing what readline writes back after the prompt.
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) io.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: io.stdin, output: tty ? output : undefined, terminal: tty });
  try {
    if (tty) {
      io.stderr.write('Password: ');
      muted = true;
    }
    for await (const line of rl) return line;
    return '';
  } finally {
    if (tty) io.stderr.write('\n');
    rl.close();
  }
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('user', io, async () => {
    const parsed = parseArgs(args);
    if (!parsed) {
      io.stderr.write(USAGE);
      return 2;
    }
    const password = await readPassword(io);
    if (password.length < MIN_PASSWORD_LENGTH) {
      io.stderr.write(`offer-triage user: the password must be at least ${MIN_PASSWORD_LENGTH} characters\n`);
      return 2;
    }
    const ctx = await openCommandContext();
    try {
      const user = await createUser(ctx.db.pool, parsed.email, parsed.role, await hashPassword(password));
      await writeAudit(ctx.db.pool, [
        { actor: 'cli', action: 'user.saved', detail: { email: user.email, role: user.role } },
      ]);
      io.stdout.write(`user ${user.email} saved with role ${user.role}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  });
}
