import type { CommandIo } from '../cli.js';
import { loadConfig, type Config } from '../config.js';
import { openContext, type Context } from '../context.js';
import { describeError, isOfferTriageError } from '../errors.js';
import { createLogger } from '../log.js';

/**
 * The exit-status policy shared by the operating commands: configuration and usage errors exit 2 with the
 * catalog message (which names the variable), anything else exits 1 with its message.
 */
export async function guarded(name: string, io: CommandIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    io.stderr.write(`offer-triage ${name}: ${describeError(err)}\n`);
    return isOfferTriageError(err, 'OT_ERR_CONFIG') || isOfferTriageError(err, 'OT_ERR_USAGE') ? 2 : 1;
  }
}

/**
 * Opens the context for a command whose stdout is its result (stats --json, import summaries): logs then go
 * to stderr so they never mix with the output.
 */
export async function openCommandContext(opts: { config?: Readonly<Config>; logToStdout?: boolean } = {}): Promise<Context> {
  const config = opts.config ?? loadConfig();
  const log = createLogger({ level: config.logLevel, destination: opts.logToStdout ? undefined : process.stderr });
  return openContext({ config, log });
}
