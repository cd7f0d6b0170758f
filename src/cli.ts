/**
 * The `offer-triage` command. Each subcommand lives in its own module under src/cli/ and is loaded only
 * when used, so `parse` starts without loading database, queue or HTTP code.
 */
export interface CommandIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type CommandRun = (args: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CommandRun }> }> = {
  parse: { summary: 'parse FILE...            print the triage of raw .eml files as JSON lines', load: () => import('./cli/parse.js') },
  migrate: { summary: 'migrate                  apply pending database migrations', load: () => import('./cli/migrate.js') },
  import: { summary: 'import PATH...           store .eml files, folders and mbox archives, and process them', load: () => import('./cli/import.js') },
  worker: { summary: 'worker                   run the job workers (needs REDIS_URL)', load: () => import('./cli/worker.js') },
  run: { summary: 'run --once               drain the mailbox, process every pending message, send due replies, exit', load: () => import('./cli/run.js') },
  stats: { summary: 'stats [--json]           counts of messages, leads, routes and quarantined messages', load: () => import('./cli/stats.js') },
  ingest: { summary: 'ingest                   run the long-running mailbox worker (IMAP_URL)', load: () => import('./cli/ingest.js') },
  reprocess: { summary: 'reprocess ID...|--quarantined  put quarantined messages back through processing', load: () => import('./cli/reprocess.js') },
  reply: { summary: 'reply preview LEAD_ID TEMPLATE  print a reply as it would be sent', load: () => import('./cli/reply.js') },
  serve: { summary: 'serve                    run the admin page (PORT, HOST, SESSION_SECRET)', load: () => import('./cli/serve.js') },
  user: { summary: 'user add EMAIL --role reviewer|coordinator|admin  create an account (password from prompt or stdin)', load: () => import('./cli/user.js') },
  demo: { summary: 'demo                     the whole product on embedded defaults: demo inbox, admin page, replies to ./outbox', load: () => import('./cli/demo.js') },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  offer-triage ${c.summary}`);
  return `usage:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`offer-triage: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest, io);
}
