import type { Checkpoint, EventStore, RecordedEvent } from '@guichet/eventstore';

/**
 * Projections catching up side by side ask for the same pages of the log: one read serves them all.
 * Only full pages are kept. A full page after a checkpoint never changes (an event committed later
 * sorts after it), whereas keeping a short one would hide the events that arrived since.
 */
export class SharedReader {
  private readonly pages = new Map<string, Promise<RecordedEvent[]>>();

  constructor(
    private readonly store: EventStore,
    private readonly keep = 16,
  ) {}

  read(from: Checkpoint, limit: number): Promise<RecordedEvent[]> {
    const key = `${from.transactionId}/${from.position}/${limit}`;
    const known = this.pages.get(key);
    if (known) return known;
    const page = this.store.readAll({ from, limit });
    this.pages.set(key, page);
    page.then(
      (events) => {
        if (events.length < limit) this.pages.delete(key);
      },
      () => this.pages.delete(key),
    );
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.keep) break;
      this.pages.delete(oldest);
    }
    return page;
  }
}
