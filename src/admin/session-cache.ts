import type { SessionUser } from '../store/users.js';

/**
 * Session lookups for a few seconds per process, keyed by the signed session cookie, so a page costs one
 * query instead of two and no HMAC. The price is bounded: a logout or a disabled account is seen at once by
 * this process (it drops the entry or everything) and within `ttlMs` by the others. Only cookies whose
 * signature checked out are stored, and the map is size-capped.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(cookie: string): SessionUser | undefined {
    const hit = this.entries.get(cookie);
    if (!hit) return undefined;
    if (Date.now() - hit.at < this.ttlMs) return hit.user;
    this.entries.delete(cookie);
    return undefined;
  }

  set(cookie: string, user: SessionUser): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(cookie, { user, at: Date.now() });
  }

  dropSession(sessionId: string): void {
    for (const [token, e] of this.entries) if (e.user.sessionId === sessionId) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }
}
