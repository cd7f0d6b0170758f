import { OfferTriageError } from '../errors.js';

/**
 * `IMAP_URL` (imap[s]://user:password@host:port/Mailbox) taken apart. User and password are URL-decoded,
 * so a password with `@`, `:` or `/` is written percent-encoded. `label` names the mailbox without the
 * password: it keys the checkpoint, the leader lock and the stored message locations, and appears in logs.
 */
export interface ImapTarget {
  host: string;
  port: number;
  /** imaps:// is TLS from the first byte; imap:// is plain unless the server offers STARTTLS (meant for loopback) */
  secure: boolean;
  user: string;
  pass: string;
  /** the mailbox path as the server names it, e.g. INBOX or Offers/Incoming */
  mailbox: string;
  label: string;
}

export function parseImapUrl(value: string): ImapTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OfferTriageError('OT_ERR_CONFIG', 'IMAP_URL is not a URL', { permanent: true });
  }
  const secure = url.protocol === 'imaps:';
  if (!secure && url.protocol !== 'imap:') {
    throw new OfferTriageError('OT_ERR_CONFIG', 'IMAP_URL must start with imap:// or imaps://', { permanent: true });
  }
  if (!url.hostname) throw new OfferTriageError('OT_ERR_CONFIG', 'IMAP_URL has no host', { permanent: true });
  const user = decodeURIComponent(url.username);
  if (!user) throw new OfferTriageError('OT_ERR_CONFIG', 'IMAP_URL has no user name', { permanent: true });
  const pass = decodeURIComponent(url.password);
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  // The path's segments are decoded one by one so an encoded '/' inside a name stays part of that name.
  const segments = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s));
  const mailbox = segments.length > 0 ? segments.join('/') : 'INBOX';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const label = `${url.protocol}//${encodeURIComponent(user)}@${url.host}/${mailbox}`;
  return { host, port, secure, user, pass, mailbox, label };
}
