/**
 * Identical reads that arrive while one is in flight share it (request coalescing, as Go's singleflight or a
 * proxy's cache lock): when many reviewers open the same queue view at once, PostgreSQL runs its query once
 * and every waiting page renders from that one answer. Nothing is kept after the read settles, so no answer
 * is older than the query that was already running when a page asked; a page never waits for a newer one.
 *
 * A write in this process calls `invalidate()` once it has committed: reads already in flight may have
 * started before it, so pages that arrive afterwards start a fresh read and see the write. (Writes in other
 * processes race a read exactly as they would without sharing.) The shared value is the same object for every
 * page that joined: treat it as read-only.
 */
export class SharedReads<T> {
  private readonly inFlight = new Map<string, { generation: number; value: Promise<T> }>();
  private generation = 0;

  read(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running && running.generation === this.generation) return running.value;
    const entry = { generation: this.generation, value: load() };
    this.inFlight.set(key, entry);
    const settle = () => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    };
    entry.value.then(settle, settle);
    return entry.value;
  }

  invalidate(): void {
    this.generation++;
  }

  /** reads in flight now: 0 once everything has settled (nothing is cached) */
  get size(): number {
    return this.inFlight.size;
  }
}
