import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from '../../src/free-port.js';

/**
 * A private Dovecot on a random loopback port with a throwaway config, users and maildirs in a temp dir.
 * Debian's `dovecot-imapd` (installed by .ci/run) provides the binary; nothing under /etc is touched.
 * Dovecot refuses to deliver as uid 0, so mail belongs to the system user `mail` when we run as root,
 * else to the current user.
 */
export interface Dovecot {
  host: string;
  port: number;
  users: Record<string, string>;
  /** the temp dir holding config, log and mail */
  dir: string;
  /** `imap://user:pass@host:port/Mailbox` with user and password URL-encoded */
  url(user: string, mailbox?: string): string;
  /** with `tls`: the implicit-TLS port and its self-signed certificate (PEM), the one CA a client must trust */
  tls: { port: number; certFile: string; url(user: string, mailbox?: string): string } | null;
  /** writes raw messages straight into a user's maildir `new/` (fast bulk loading for benchmarks) */
  deliver(user: string, raws: Buffer[], mailbox?: string): void;
  /** kills the server hard (SIGKILL: every connection drops mid-command) and starts it again on the same port */
  restart(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

const DOVECOT = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';

function dovecotVersion(): string {
  try {
    return execFileSync(DOVECOT, ['--version'], { encoding: 'utf8' }).trim();
  } catch (err) {
    throw new Error(`Dovecot not found at ${DOVECOT}: install Debian's dovecot-imapd (.ci/run does)`, { cause: err });
  }
}

function mailOwner(): { name: string; uid: number; gid: number } {
  if (process.getuid?.() === 0) {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('mail:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    if (uid === undefined || gid === undefined) throw new Error('system user "mail" is missing');
    return { name: 'mail', uid: Number(uid), gid: Number(gid) };
  }
  const me = os.userInfo();
  return { name: me.username, uid: me.uid, gid: me.gid };
}

interface TlsFiles {
  port: number;
  certFile: string;
  keyFile: string;
}

/** A self-signed certificate for 127.0.0.1 (subjectAltName, as TLS clients check the address there). */
function selfSignedCert(dir: string): { certFile: string; keyFile: string } {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  chmodSync(keyFile, 0o600);
  return { certFile, keyFile };
}

function config(
  version: string,
  dir: string,
  port: number,
  owner: { name: string; uid: number; gid: number },
  tls: TlsFiles | null,
): string {
  const runAsRoot = process.getuid?.() === 0;
  const legacy = version.startsWith('2.3') || version.startsWith('2.2');
  // Plain IMAP stays on `port` for the harness's own clients; implicit TLS (imaps) listens on its own port.
  const ssl = !tls
    ? 'ssl = no'
    : legacy
      ? `ssl = yes\nssl_cert = <${tls.certFile}\nssl_key = <${tls.keyFile}`
      : `ssl = yes\nssl_server_cert_file = ${tls.certFile}\nssl_server_key_file = ${tls.keyFile}`;
  const common = `
base_dir = ${dir}/run
instance_name = ot-${path.basename(dir)}
protocols = imap
listen = 127.0.0.1
log_path = ${dir}/dovecot.log
mail_uid = ${owner.uid}
mail_gid = ${owner.gid}
first_valid_uid = ${Math.min(owner.uid, 8)}
first_valid_gid = ${Math.min(owner.gid, 8)}
${runAsRoot ? '' : `default_internal_user = ${owner.name}\ndefault_login_user = ${owner.name}\ndefault_internal_group = ${os.userInfo().username}`}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tls ? tls.port : 0}
    ssl = yes
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`;
  if (legacy) {
    return `${common}
${ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/mail/%u
}
`;
  }
  // Dovecot 2.4 renamed most settings and requires the version header first.
  return `dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
${common}
${ssl}
auth_allow_cleartext = yes
auth_mechanisms = plain login
mail_driver = maildir
mail_path = ${dir}/mail/%{user}
mail_home = ${dir}/mail/%{user}
passdb passwd-file {
  default_password_scheme = PLAIN
  passwd_file_path = ${dir}/users
}
userdb static {
  fields {
    uid = ${owner.uid}
    gid = ${owner.gid}
    home = ${dir}/mail/%{user}
  }
}
`;
}

function childPids(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // field 4 of /proc/PID/stat is the parent pid; the name in field 2 may hold spaces, so split after ')'
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) out.push(Number(entry));
    } catch {
      // process ended while we looked
    }
  }
  return out;
}

/** Until the port answers: with a greeting (plain IMAP), or by accepting the connection (TLS waits for a hello). */
async function waitForPort(
  port: number,
  child: ChildProcess,
  logFile: string,
  timeoutMs = 10_000,
  greets = true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once(greets ? 'data' : 'connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  let log = '';
  try {
    log = readFileSync(logFile, 'utf8');
  } catch {
    log = '(no log)';
  }
  throw new Error(`Dovecot did not start on port ${port} (exit ${child.exitCode}):\n${log}`);
}

/**
 * `capabilities` replaces what Dovecot advertises after login (e.g. without IDLE, to exercise polling).
 */
export async function startDovecot(
  opts: { users?: Record<string, string>; capabilities?: string; tls?: boolean } = {},
): Promise<Dovecot> {
  const version = dovecotVersion();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ot-dovecot-'));
  // Dovecot's mail processes run as `mail` and must traverse the temp dir.
  chmodSync(dir, 0o755);
  const owner = mailOwner();
  const users = opts.users ?? { offers: `pw ${randomBytes(4).toString('hex')}:@/%` };
  mkdirSync(path.join(dir, 'run'), { mode: 0o755 });
  mkdirSync(path.join(dir, 'mail'), { mode: 0o755 });
  chownSync(path.join(dir, 'mail'), owner.uid, owner.gid);
  // passwd-file fields are colon-separated, so a password with ':' is written in the {PLAIN} scheme's
  // base64 form that Dovecot offers for exactly this.
  writeFileSync(
    path.join(dir, 'users'),
    Object.entries(users)
      .map(([u, p]) => `${u}:{PLAIN.b64}${Buffer.from(p).toString('base64')}::::::`)
      .join('\n') + '\n',
    { mode: 0o644 },
  );
  const port = await freePort();
  const tls: TlsFiles | null = opts.tls ? { port: await freePort(), ...selfSignedCert(dir) } : null;
  const confFile = path.join(dir, 'dovecot.conf');
  writeFileSync(
    confFile,
    config(version, dir, port, owner, tls) + (opts.capabilities ? `imap_capability = ${opts.capabilities}\n` : ''),
  );
  const logFile = path.join(dir, 'dovecot.log');

  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(DOVECOT, ['-F', '-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await waitForPort(port, child, logFile);
      if (tls) await waitForPort(tls.port, child, logFile, 10_000, false);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${stderr}`);
    }
  };
  const kill = async (signal: NodeJS.Signals) => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    // SIGKILL leaves the master's children (imap, auth) with their connections; end those by pid too.
    const children = signal === 'SIGKILL' && c.pid !== undefined ? childPids(c.pid) : [];
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    await exited;
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    child = null;
  };

  await start();
  const host = '127.0.0.1';
  const urlFor = (scheme: string, at: number, user: string, mailbox: string) =>
    `${scheme}://${encodeURIComponent(user)}:${encodeURIComponent(users[user] ?? '')}@${host}:${at}/${mailbox.split('/').map(encodeURIComponent).join('/')}`;
  return {
    host,
    port,
    users,
    dir,
    url: (user, mailbox = 'INBOX') => urlFor('imap', port, user, mailbox),
    tls: tls && { port: tls.port, certFile: tls.certFile, url: (user, mailbox = 'INBOX') => urlFor('imaps', tls.port, user, mailbox) },
    deliver(user, raws, mailbox = 'INBOX') {
      const base = mailbox === 'INBOX' ? path.join(dir, 'mail', user) : path.join(dir, 'mail', user, `.${mailbox}`);
      const home = path.join(dir, 'mail', user);
      for (const d of [home, ...['', 'new', 'cur', 'tmp'].map((sub) => path.join(base, sub))]) {
        mkdirSync(d, { recursive: true });
        chownSync(d, owner.uid, owner.gid);
      }
      const stamp = Date.now();
      raws.forEach((raw, i) => {
        const file = path.join(base, 'new', `${Math.floor(stamp / 1000)}.M${i}P${process.pid}R${randomBytes(4).toString('hex')}.ot`);
        writeFileSync(file, raw);
        chownSync(file, owner.uid, owner.gid);
      });
    },
    async restart() {
      await kill('SIGKILL');
      await start();
    },
    async stop() {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };
}

/** A connected imapflow client for test set-up and assertions (not the code under test). */
export async function imapClient(d: Dovecot, user: string): Promise<ImapFlow> {
  const client = new ImapFlow({ host: d.host, port: d.port, secure: false, doSTARTTLS: false, auth: { user, pass: d.users[user] ?? '' }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Appends messages with IMAP APPEND (pipelined on one connection), creating the mailbox if needed. */
export async function appendMessages(d: Dovecot, user: string, raws: Buffer[], mailbox = 'INBOX'): Promise<void> {
  const client = await imapClient(d, user);
  try {
    if (mailbox !== 'INBOX') await client.mailboxCreate(mailbox).catch(() => undefined);
    await Promise.all(raws.map((raw) => client.append(mailbox, raw)));
  } finally {
    await client.logout();
  }
}

/** Message counts of the given folders (missing folder: 0). */
export async function folderCounts(d: Dovecot, user: string, folders: string[]): Promise<Record<string, number>> {
  const client = await imapClient(d, user);
  try {
    const out: Record<string, number> = {};
    for (const f of folders) {
      const s = await client.status(f, { messages: true }).catch(() => false as const);
      out[f] = s ? (s.messages ?? 0) : 0;
    }
    return out;
  } finally {
    await client.logout();
  }
}

/** A small, distinct offer message. */
export function makeMessage(i: number, opts: { bodyBytes?: number; tag?: string } = {}): Buffer {
  const tag = opts.tag ?? randomBytes(4).toString('hex');
  const filler = opts.bodyBytes ? 'x'.repeat(opts.bodyBytes) : '';
  return Buffer.from(
    [
      `From: "Bedrijf ${i}" <info${i}@bedrijf${i}.example>`,
      'To: aanbod@crisisteam.example',
      `Subject: Aanbod mondkapjes ${i}`,
      `Message-ID: <offer-${tag}-${i}@bedrijf${i}.example>`,
      'Date: Fri, 20 Mar 2020 08:35:14 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Wij kunnen 500.000 mondkapjes per week leveren (offerte ${i}, ${tag}).`,
      filler,
      '',
    ].join('\r\n'),
  );
}
