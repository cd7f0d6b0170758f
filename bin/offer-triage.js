#!/usr/bin/env node
// The TypeScript is compiled by the `prepare` script on `npm ci`; this shim only loads the result.
import { main } from '../dist/src/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`offer-triage: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
