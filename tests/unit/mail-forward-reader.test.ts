import fs from 'node:fs';
import path from 'node:path';
import EmailForwardParser from 'email-forward-parser';
import { describe, expect, it } from 'vitest';
import { readForward, requiredLiteral } from '../../src/mail/forward-reader.js';

const BODIES = path.resolve(import.meta.dirname, '../../../shared/corpora/forward-bodies');
const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus/messages');

describe('requiredLiteral', () => {
  it('finds the word every match needs', () => {
    expect(requiredLiteral(String.raw`^\s?.+\s*[\[|<].+[\]|>]\s?kirjoitti\s?.+\s?:`)).toBe('kirjoitti');
    expect(requiredLiteral(String.raw`^\s*-{5,8} Forwarded Message -{5,8}\s*`)).toBe(' Forwarded Message -');
    expect(requiredLiteral(String.raw`^\s?Dne\s?.+\,\s?.+\s*[\[|<].+[\]|>]\s?napsal\(a\)\s?:`)).toBe('napsal(a)');
    expect(requiredLiteral(String.raw`(^\*?\s*Subject\s?:\*?(.+))`)).toBe('Subject');
    expect(requiredLiteral(String.raw`\uFEFF`)).toBe('\uFEFF');
  });

  it('leaves out what may be absent and gives up where a word is not certain', () => {
    expect(requiredLiteral(String.raw`^>?\s*Begin`)).toBe('Begin');
    expect(requiredLiteral('ab?c')).toBe('a');
    expect(requiredLiteral('x(?:abc)?')).toBeNull();
    expect(requiredLiteral('abc|def')).toBeNull();
    expect(requiredLiteral('(?=abc)')).toBeNull();
    expect(requiredLiteral(String.raw`^(>+)\s?$`)).toBe('>');
    expect(requiredLiteral(String.raw`^\s*$`)).toBeNull();
  });
});

describe('readForward', () => {
  const reference = new EmailForwardParser();

  /** Bodies from many clients, the team corpus, and splices of them with CRLF, no-break spaces and quotes. */
  function bodies(): string[] {
    if (!fs.existsSync(BODIES)) throw new Error(`forward-bodies corpus missing at ${BODIES}`);
    const base = [
      ...fs.readdirSync(BODIES).map((f) => fs.readFileSync(path.join(BODIES, f), 'utf8')),
      ...fs.readdirSync(CORPUS).map((f) => fs.readFileSync(path.join(CORPUS, f), 'latin1').split(/\r?\n\r?\n/).slice(1).join('\n\n')),
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = () => base[Math.floor(random() * base.length)]!.split('\n');
    const out = [...base];
    for (let i = 0; i < 400; i++) {
      const a = pick();
      const b = pick();
      let text = [...a.slice(0, Math.floor(random() * a.length)), ...b.slice(Math.floor(random() * b.length))].join('\n');
      const variant = i % 5;
      if (variant === 1) text = text.replace(/\n/g, '\r\n');
      if (variant === 2) text = text.replace(/ /g, (s) => (random() < 0.1 ? '\u00a0' : s));
      if (variant === 3) text = text.replace(/^/gm, '> ');
      if (variant === 4) text = text.replace(/e/g, (s) => (random() < 0.05 ? `${s}\ufeff` : s));
      out.push(text);
    }
    return out;
  }

  it('gives exactly what the library gives with all its patterns', () => {
    const subjects = [undefined, 'Fwd: aanbod', 'FW: RE: masks', 'Aanbod mondkapjes', 'TR: offre', 'WG: Angebot'];
    let compared = 0;
    for (const body of bodies()) {
      for (const subject of subjects) {
        expect(readForward(body, subject)).toEqual(reference.read(body, subject));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
