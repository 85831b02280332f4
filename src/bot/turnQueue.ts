// Runs jobs in order, one per turn of the event loop. One read of the gateway socket can carry dozens of
// interactions, which discord.js hands over one after the other in the same turn: started there, twenty map
// requests held the loop for over 30 ms, and the autocomplete that arrived just after waited for all of them.
// Queued here, each starts in a turn of its own, so I/O and timers (other interactions, answers being sent) get
// their turn between two.

export class TurnQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;

  /** Jobs queued and not yet started. */
  get length(): number {
    return this.jobs.length;
  }

  /** `job` starts in a later turn, after every job pushed before it; it must not throw (an async job rejects). */
  push(job: () => void): void {
    this.jobs.push(job);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.next);
    }
  }

  // An immediate set from inside an immediate runs in the next turn, after the loop has polled for I/O.
  private readonly next = (): void => {
    const job = this.jobs.shift();
    try {
      job?.();
    } finally {
      if (this.jobs.length > 0) setImmediate(this.next);
      else this.scheduled = false;
    }
  };
}
