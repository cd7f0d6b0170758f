import type { SessionUser } from '../store/users.js';

/**
 * Session lookups for a few seconds per process, so a page costs one query instead of two. The price is
 * bounded: a logout or a disabled account is seen at once by this process (it drops the entry or
 * everything) and within `ttlMs` by the others. Size-capped so a flood of bogus cookies cannot grow it.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(token: string): SessionUser | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (Date.now() - hit.at < this.ttlMs) return hit.user;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, user: SessionUser): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, { user, at: Date.now() });
  }

  dropSession(sessionId: string): void {
    for (const [token, e] of this.entries) if (e.user.sessionId === sessionId) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }
}
