import type { CommandIo } from '../cli.js';
import { migrate } from '../store/migrate.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { openContext } from '../context.js';
import { guarded } from './guard.js';

/** `offer-triage migrate`: applies pending migrations and prints their names. Safe to run concurrently. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('migrate', io, async () => {
    if (args.length > 0) {
      io.stderr.write('usage: offer-triage migrate\n');
      return 2;
    }
    const config = loadConfig();
    const ctx = await openContext({ config, log: createLogger({ level: config.logLevel, destination: process.stderr }), migrate: false });
    try {
      const applied = await migrate(ctx.db);
      io.stdout.write(applied.length === 0 ? 'migrate: nothing to apply, the schema is up to date\n' : applied.map((n) => `applied ${n}\n`).join(''));
      return 0;
    } finally {
      await ctx.close();
    }
  });
}
