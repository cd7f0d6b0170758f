import type { CommandIo } from '../cli.js';
import { readStats, type Stats } from '../store/stats.js';
import { guarded, openCommandContext } from './guard.js';

/** `offer-triage stats [--json]` (DESIGN §5b contract for the JSON shape). */
export async function run(args: string[], io: CommandIo): Promise<number> {
  return guarded('stats', io, async () => {
    const json = args.includes('--json');
    if (args.some((a) => a !== '--json')) {
      io.stderr.write('usage: offer-triage stats [--json]\n');
      return 2;
    }
    const ctx = await openCommandContext();
    try {
      const stats = await readStats(ctx.db);
      io.stdout.write(json ? `${JSON.stringify(stats)}\n` : table(stats));
      return 0;
    } finally {
      await ctx.close();
    }
  });
}

function table(s: Stats): string {
  const rows: Array<[string, number]> = [
    ['messages stored', s.messages],
    ['leads', s.leads],
    ['  processed: review', s.routes.review],
    ['  processed: redirect', s.routes.redirect],
    ['  processed: ignore', s.routes.ignore],
    ['quarantined', s.quarantined],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  return rows.map(([label, n]) => `${label.padEnd(22)} ${String(n).padStart(width)}\n`).join('');
}
