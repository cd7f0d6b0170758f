import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { Category, Language } from '../core/types.js';
import { OfferTriageError } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import { headerText } from './headers.js';

/**
 * Reply templates: one eta file per template and language (templates/<name>.<lang>.eta). A file is a
 * `subject:` line, a blank line, then the body. The body is rendered twice from the same source: with
 * escaping on for the HTML part (every variable is HTML-escaped; blank lines become paragraphs), and with
 * escaping off for the plain-text part. The template text itself is ours and holds no markup.
 */
export const TEMPLATES = ['acknowledgement', 'referral', 'shortlisted', 'declined', 'ministry-forward'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export function isTemplateName(v: string): v is TemplateName {
  return (TEMPLATES as readonly string[]).includes(v);
}

export const CATEGORY_NAMES: Record<Language, Record<Category, string>> = {
  nl: {
    masks: 'mondmaskers',
    gowns: 'beschermende kleding',
    tests: 'testmaterialen',
    materials: 'grondstoffen en materialen',
    ventilators: 'beademingsapparatuur',
    other: 'overige hulpmiddelen en diensten',
  },
  en: {
    masks: 'face masks',
    gowns: 'protective clothing',
    tests: 'diagnostic tests',
    materials: 'raw materials',
    ventilators: 'ventilators',
    other: 'other supplies and services',
  },
};

/** What a template can use. Strings only, so nothing in a template can call back into code. */
export interface TemplateVars {
  company: string;
  contact: string | null;
  category: string;
  reference: string;
  team: string;
  replySubject: string;
  ministryAddress: string;
  /** the ministry-forward summary; empty strings where unknown */
  offer: {
    senderEmail: string;
    phone: string;
    website: string;
    kvk: string;
    quantities: string;
    leadTime: string;
    certifications: string;
    forwardedBy: string;
    text: string;
  };
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const htmlEta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, cache: false });
const textEta = new Eta({ autoEscape: false, autoTrim: false, useWith: false, cache: false });

interface Compiled {
  subject: ReturnType<Eta['compile']>;
  html: ReturnType<Eta['compile']>;
  text: ReturnType<Eta['compile']>;
}

const compiled = new Map<string, Compiled>();

function load(name: TemplateName, language: Language, dir: string): Compiled {
  const key = `${dir}\0${name}.${language}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const file = path.join(dir, `${name}.${language}.eta`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  } catch (err) {
    throw new OfferTriageError('OT_ERR_TEMPLATE', `${file} cannot be read`, { cause: err, permanent: true });
  }
  const m = /^subject:[ \t]*(.*)\n\n([\s\S]*)$/i.exec(source);
  if (!m) throw new OfferTriageError('OT_ERR_TEMPLATE', `${file} must start with a "subject:" line and a blank line`, { permanent: true });
  try {
    const entry = { subject: textEta.compile(m[1]!), html: htmlEta.compile(m[2]!), text: textEta.compile(m[2]!) };
    compiled.set(key, entry);
    return entry;
  } catch (err) {
    throw new OfferTriageError('OT_ERR_TEMPLATE', `${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err, permanent: true });
  }
}

export function render(name: TemplateName, language: Language, vars: TemplateVars, dir = TEMPLATES_DIR): Rendered {
  const t = load(name, language, dir);
  const text = t.text.call(textEta, vars).replace(/\n{3,}/g, '\n\n').trim();
  const body = t.html
    .call(htmlEta, vars)
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.trim().split('\n').join('<br>\n')}</p>`)
    .join('\n');
  const html = `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"></head>\n<body>\n${body}\n</body></html>\n`;
  return { subject: headerText(t.subject.call(textEta, vars), 250), text: `${text}\n`, html };
}
