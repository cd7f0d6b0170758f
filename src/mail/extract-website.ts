import { isFreeMailDomain, registrableDomain } from './extract-domain.js';
import type { Signature } from './extract-signature.js';

/**
 * The company's website. A link in the signature is the company's own; a link elsewhere in the text (a
 * datasheet on a marketplace, a news item) counts only when it is on the sender's own domain. Failing
 * both, the sender's domain itself, unless it is free mail.
 */

const URL_IN_TEXT = /(?<![\w@.-])(?:https?:\/\/|www\.)[^\s<>"'()[\]{}|,;]{1,300}/gi;
const HREF = /href\s*=\s*["']?(https?:\/\/[^"'\s<>]{1,300})/gi;
/** Sites that are never a company's own website: social media, link wrappers, mail providers, shops. */
const NOT_OWN_SITE = new Set([
  'linkedin.com',
  'facebook.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'youtube.com',
  'youtu.be',
  'safelinks.protection.outlook.com',
  'outlook.com',
  'google.com',
  'goo.gl',
  'bit.ly',
  'tinyurl.com',
  'wetransfer.com',
  'dropbox.com',
  'alibaba.com',
  'aliexpress.com',
  'made-in-china.com',
  'amazon.com',
  'microsoft.com',
  'apple.com',
  'zoom.us',
  'teams.microsoft.com',
]);

/** Gives up on HTML beyond this size: a signature link sits near the top of any real message. */
const MAX_HTML_SCAN = 200_000;

export function findWebsite(
  signature: Signature,
  text: string,
  html: string | null,
  domain: string | null,
): string | null {
  const own = domain && !isFreeMailDomain(domain) ? registrableDomain(domain) : null;
  const inSignature = signature.lines.flatMap((line) => urlsIn(line, URL_IN_TEXT));
  const onOwnDomain = (url: Site) => own !== null && registrableDomain(url.host) === own;
  const elsewhere = () =>
    urlsIn(text, URL_IN_TEXT).find(onOwnDomain) ??
    (html ? urlsIn(html.slice(0, MAX_HTML_SCAN), HREF).find(onOwnDomain) : undefined);
  const chosen = inSignature.find(onOwnDomain) ?? (own ? elsewhere() : undefined) ?? inSignature[0];
  if (chosen) return chosen.url;
  return own ? `https://${own}` : null;
}

interface Site {
  url: string;
  host: string;
}

function urlsIn(text: string, pattern: RegExp): Site[] {
  const sites: Site[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const site = normaliseUrl(m[1] ?? m[0]);
    if (site) sites.push(site);
    if (sites.length >= 20) break;
  }
  return sites;
}

/** "WWW.Acme.nl/contact." → https://www.acme.nl/contact */
export function normaliseUrl(raw: string): Site | null {
  const cleaned = raw.replace(/[.:!?'"»>]+$/, '');
  const withScheme = /^https?:\/\//i.test(cleaned) ? cleaned : `https://${cleaned}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  if (!host.includes('.') || /^[\d.]+$/.test(host)) return null;
  const registrable = registrableDomain(host);
  if (NOT_OWN_SITE.has(registrable) || NOT_OWN_SITE.has(host) || isFreeMailDomain(host)) return null;
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  return { url: `${parsed.protocol}//${host}${path}`, host };
}
