import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInlineForward, looseDate, subjectIntent } from '../../src/mail/inline-forward.js';
import { parseMail } from '../../src/mail/parse.js';
import { unwrapForward } from '../../src/mail/unwrap.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/mail');
const BODIES = path.resolve(import.meta.dirname, '../../../shared/corpora/forward-bodies');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe('forward bodies of many mail clients (crisp-oss corpus)', () => {
  // Replies in the corpus ("_variant_4") must not be taken for forwards. Every forward names John Doe's
  // address except unknown_en_body_variant_12, whose header block has a name only ("From: John Doe"), so
  // 62 of 63 is the most that can be found; the threshold allows no other miss.
  const THRESHOLD = 62 / 63;

  it('finds the original sender of every forward and no sender in replies', () => {
    if (!fs.existsSync(BODIES)) throw new Error(`forward-bodies corpus missing at ${BODIES}`);
    const bodies = fs.readdirSync(BODIES).filter((f) => f.includes('_body')).sort();
    expect(bodies.length).toBe(73);
    let forwards = 0;
    let found = 0;
    const misses: string[] = [];
    for (const name of bodies) {
      const text = fs.readFileSync(path.join(BODIES, name), 'utf8');
      const subjectFile = path.join(BODIES, name.replace('_body', '_subject'));
      const subject = fs.existsSync(subjectFile) ? fs.readFileSync(subjectFile, 'utf8').trim() : null;
      const result = findInlineForward(text, subject);
      if (name.endsWith('_variant_4.txt')) {
        expect(result?.from ?? null, `${name} is a reply`).toBeNull();
        continue;
      }
      forwards++;
      if (result?.from?.email === 'john.doe@acme.com') found++;
      else misses.push(name);
    }
    console.log(`forward-bodies: original sender found in ${found}/${forwards} forwards; missed: ${misses.join(', ')}`);
    expect(found / forwards).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
