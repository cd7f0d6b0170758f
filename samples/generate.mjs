// Writes the demo inbox (samples/*.eml) and its README table. The texts are written for the demo, apart
// from the corpus; the encoder is the corpus's. Run `node samples/generate.mjs`; the output is committed.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from '../tests/fixtures/corpus/generator/render.mjs';
import offers from './offers.mjs';
import others from './non-offers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
for (const f of readdirSync(here)) if (f.endsWith('.eml')) rmSync(join(here, f));

const rows = [];
let n = 0;
const write = (id, raw, { route, category, how }) => {
  n++;
  const file = `${String(n).padStart(2, '0')}-${id}.eml`;
  writeFileSync(join(here, file), raw);
  rows.push(`| ${file} | ${route} | ${category ?? '—'} | ${how} |`);
};
for (const spec of offers) write(spec.id, render(spec), { route: spec.route, category: spec.category, how: spec.how });
for (const m of others) write(m.id, m.build(m.id), { route: 'ignore', category: null, how: m.how });

const readme = `# Demo inbox

${n} raw messages (RFC 5322, CRLF) for trying offer-triage by hand: every forward format the parser knows,
every route, both languages, and the awkward cases (an offer forwarded by two associations, a reply in a
thread, a fan that is not a ventilator, mail that must never be answered).

    npx offer-triage parse samples/*.eml          # one JSON line per message
    npx offer-triage import samples/              # through the store and pipeline
    npx offer-triage run --once && npx offer-triage serve

The messages are generated from hand-written texts by \`node samples/generate.mjs\` (which also writes this
file); edit the texts in \`samples/offers.mjs\` and \`samples/non-offers.mjs\`, never the .eml files.
Companies, people, addresses and registration numbers are made up; the associations are real names.
"Expected" is what a person would decide (DESIGN §4), not what the code happens to output.

| file | expected route | expected category | what it shows |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
writeFileSync(join(here, 'README.md'), readme);
console.log(`wrote ${n} samples`);
