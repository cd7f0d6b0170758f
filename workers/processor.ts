/**
 * Entry point for the processor as its own process (docker-compose service, systemd unit): the same as
 * `offer-triage worker`.
 */
import { run } from '../src/cli/worker.js';

process.exitCode = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
