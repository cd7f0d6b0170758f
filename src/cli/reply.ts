import type { CommandIo } from '../cli.js';
import { openContext } from '../context.js';
import { describeError } from '../errors.js';
import { previewReply } from '../replies/preview.js';
import { isTemplateName, TEMPLATES } from '../replies/templates.js';

/**
 * `offer-triage reply preview LEAD_ID TEMPLATE`: prints the rendered message (RFC 5322 text) on stdout and
 * whether it is in the outbox on stderr. Exit 0 on success, 1 when the lead is unknown, 2 on bad usage.
 */
const USAGE = `usage: offer-triage reply preview LEAD_ID TEMPLATE\n  TEMPLATE: ${TEMPLATES.join(', ')}\n`;

export async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [sub, id, template] = args;
  if (sub !== 'preview' || !id || !/^\d+$/.test(id) || !template || !isTemplateName(template) || args.length !== 3) {
    io.stderr.write(USAGE);
    return 2;
  }
  const ctx = await openContext();
  try {
    const preview = await previewReply(ctx.db.pool, ctx.config, Number(id), template);
    io.stderr.write(`offer-triage reply: ${preview.status}\n`);
    io.stdout.write(preview.eml.endsWith('\n') ? preview.eml : `${preview.eml}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`offer-triage reply: ${describeError(err)}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}
