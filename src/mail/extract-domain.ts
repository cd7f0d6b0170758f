/**
 * What an email domain says about the company behind it. Free-mail and hosted-tenant domains say nothing,
 * and saying nothing is better than naming the wrong company.
 */

/** Providers whose addresses belong to private persons, matched on the registrable label (any TLD). */
const FREE_MAIL_LABELS = new Set([
  'gmail',
  'googlemail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'icloud',
  'me',
  'mac',
  'aol',
  'gmx',
  'protonmail',
  'proton',
  'yandex',
  'mail',
  'email',
  'zoho',
  'onmicrosoft',
]);

/** Free-mail domains matched exactly: Dutch and Belgian ISPs, and large providers elsewhere. */
const FREE_MAIL_DOMAINS = new Set([
  'ziggo.nl',
  'kpnmail.nl',
  'kpnplanet.nl',
  'planet.nl',
  'home.nl',
  'hetnet.nl',
  'xs4all.nl',
  'chello.nl',
  'casema.nl',
  'upcmail.nl',
  'tele2.nl',
  'online.nl',
  'quicknet.nl',
  'zeelandnet.nl',
  'telfort.nl',
  'versatel.nl',
  'caiway.nl',
  'solcon.nl',
  'hccnet.nl',
  'wxs.nl',
  'freeler.nl',
  '12move.nl',
  'kabelfoon.nl',
  'telenet.be',
  'skynet.be',
  'web.de',
  't-online.de',
  'freenet.de',
  'orange.fr',
  'free.fr',
  'wanadoo.fr',
  'btinternet.com',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
  'aliyun.com',
  'naver.com',
]);

/** Second-level public suffixes seen in supplier mail; the registrable label sits one level further left. */
const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.hk',
  'com.tw',
  'co.jp',
  'co.kr',
  'com.au',
  'co.nz',
  'co.za',
  'com.tr',
  'com.br',
  'com.sg',
  'com.my',
  'co.in',
  'com.pk',
  'com.vn',
  'co.il',
]);

export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, '');
}

/** "mail.acme-medical.co.uk" → "acme-medical.co.uk" */
export function registrableDomain(host: string): string {
  // Dots found from the end, not split and joined: asked for every address and link of every message.
  const lower = host.toLowerCase();
  const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const last = name.lastIndexOf('.');
  const second = last > 0 ? name.lastIndexOf('.', last - 1) : -1;
  if (second < 0) return name;
  if (!TWO_LEVEL_SUFFIXES.has(name.slice(second + 1))) return name.slice(second + 1);
  return name.slice(second > 0 ? name.lastIndexOf('.', second - 1) + 1 : 0);
}

function registrableLabel(host: string): string {
  const registrable = registrableDomain(host);
  const dot = registrable.indexOf('.');
  return dot < 0 ? registrable : registrable.slice(0, dot);
}

export function isFreeMailDomain(host: string): boolean {
  const registrable = registrableDomain(host);
  return FREE_MAIL_DOMAINS.has(registrable) || FREE_MAIL_LABELS.has(registrableLabel(host));
}

/** "acme-medical.nl" → "Acme Medical"; null for free mail. */
/** Reserved for documentation and tests (RFC 2606): no company lives there. */
const RESERVED_TLD = /\.(?:example|test|invalid|localhost)$/;

export function organisationFromDomain(host: string): string | null {
  if (isFreeMailDomain(host) || RESERVED_TLD.test(host)) return null;
  const label = registrableLabel(host);
  if (label.length < 2 || /^\d+$/.test(label)) return null;
  return label
    .split(/[-_]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** Letters and digits only, lower-cased: for comparing a company name with a domain label. */
export function squash(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a name and a domain plausibly belong to the same company ("Acme Medical B.V." and
 * acme-medical.nl, "ACME" and acmegroup.com). The whole name is compared, not single words, so that a
 * person "Jan Jansen" does not match jansen-bv.nl; short labels must match exactly.
 */
export function nameMatchesDomain(name: string, host: string): boolean {
  const label = squash(registrableLabel(host));
  const words = name
    .split(/[\s,|()/&]+/)
    .map(squash)
    .filter((w) => w.length >= 3);
  const whole = words.join('');
  if (label.length < 3 || whole.length === 0) return false;
  if (whole === label) return true;
  // "MKB-Nederland" and mkb.nl: a short label must be the name's whole first word.
  if (squash(name.split(/[\s-]+/)[0] ?? '') === label) return true;
  // "Boer Installatietechniek" and boerinstallaties.nl share all but the ending.
  const shorter = Math.min(label.length, whole.length);
  return (
    shorter >= 4 && commonPrefix(label, whole) >= Math.max(shorter === label.length ? 4 : 6, Math.ceil(0.8 * shorter))
  );
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
