import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Category, Language, Route } from '../../src/core/types.js';
import { extractOffer } from '../../src/mail/extract.js';
import { classifyWith } from '../../src/triage/classify.js';
import { decideRoute } from '../../src/triage/route.js';
import { detectUnwanted } from '../../src/triage/spam.js';
import { train, type LabelledExample } from '../../src/triage/train.js';

/**
 * Short offers phrased the ways people outside this team write them: trade names and synonyms
 * ("chirurgische maskers", "KN-95", "respirators", "jumpsuits", "pipette tips", "spunbond", "CPAP"),
 * fans called ventilators, materials named as a condition or as the customer's product, SEO spam.
 * They are checked against a model trained on labelled-offers.jsonl alone, so they test what the
 * lexicon and rules generalise to, not what the model memorised from them.
 */

interface Phrasing {
  category: Category | null;
  route: Route;
  language: Language;
  subject: string;
  text: string;
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(new URL(`../fixtures/triage/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const phrasings = readJsonl<Phrasing>('phrasings.jsonl');
const model = train(readJsonl<LabelledExample>('labelled-offers.jsonl'));

function triage(phrasing: Phrasing) {
  const classification = classifyWith(model, {
    subject: phrasing.subject,
    text: phrasing.text,
    forwarderNote: null,
    attachmentNames: [],
    language: phrasing.language,
  });
  const extracted = extractOffer({ text: phrasing.text, from: null, subject: phrasing.subject, html: null });
  const unwanted = detectUnwanted({ subject: phrasing.subject, text: phrasing.text, from: null, classification });
  return decideRoute({
    automatic: unwanted,
    classification,
    leadTime: extracted.leadTime,
    quantities: extracted.quantities,
    text: phrasing.text,
  });
}

describe('offers phrased in words the team did not write', () => {
  it('has 40+ phrasings in both languages, every category and every route', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(40);
    expect(new Set(phrasings.map((p) => p.language))).toEqual(new Set(['nl', 'en']));
    expect(new Set(phrasings.map((p) => p.category))).toEqual(
      new Set(['masks', 'gowns', 'tests', 'materials', 'ventilators', 'other', null]),
    );
    expect(new Set(phrasings.map((p) => p.route))).toEqual(new Set(['review', 'redirect', 'ignore']));
  });

  it.each(phrasings.map((p) => [`${p.subject} → ${p.category ?? 'none'}/${p.route}`, p] as const))(
    '%s',
    (_, phrasing) => {
      const decision = triage(phrasing);
      expect({ category: decision.category, route: decision.route, why: decision.reasons }).toMatchObject({
        category: phrasing.category,
        route: phrasing.route,
      });
    },
  );
});
