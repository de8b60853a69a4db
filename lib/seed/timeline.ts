/** Something the seed does at a given time: the whole demo history is replayed in time order. */
export type SeedEvent = { at: number; what: string; act: () => Promise<unknown> };

/**
 * The demo history, replayed oldest first. Events at the same moment keep the order they were
 * listed in (the sort is stable); one event may schedule another (always later than itself), which
 * goes in after those already due at its time. Nothing may happen after `now`.
 */
export class Timeline {
  private readonly events: SeedEvent[] = [];
  private next = -1;

  constructor(private readonly now: number) {}

  add(e: SeedEvent) {
    if (this.next >= 0) throw new Error("seed: the timeline is running: schedule() instead");
    this.events.push(e);
  }

  /** Adds an event while the history is being replayed. */
  schedule(e: SeedEvent) {
    let k = this.events.length;
    while (k > this.next + 1 && this.events[k - 1]!.at > e.at) k--;
    this.events.splice(k, 0, e);
  }

  async play() {
    this.events.sort((a, b) => a.at - b.at);
    for (this.next = 0; this.next < this.events.length; this.next++) {
      const e = this.events[this.next]!;
      if (e.at > this.now) throw new Error(`seed: ${e.what} would happen in the future`);
      try {
        await e.act();
      } catch (err) {
        throw new Error(`seed: ${e.what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }
  }
}
