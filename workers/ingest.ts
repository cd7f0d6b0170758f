/**
 * Entry point for the mailbox worker as its own process (docker-compose service, systemd unit): the same
 * as `offer-triage ingest`.
 */
import { run } from '../src/cli/ingest.js';

process.exitCode = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
