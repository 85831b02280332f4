// Per-user burst limit: `limit` commands in any `windowMs`, then "try again in N s". Autocomplete never counts.

export class Cooldown {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a use and returns 0, or returns the whole seconds to wait (the use is not recorded). */
  take(userId: string): number {
    if (this.limit <= 0) return 0;
    const now = this.now();
    const times = (this.recent.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length >= this.limit) {
      this.recent.set(userId, times);
      return Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000));
    }
    times.push(now);
    this.recent.set(userId, times);
    if (this.recent.size > 10_000) this.sweep(now);
    return 0;
  }

  /** Forgets users whose window has passed, so a long-running bot does not keep every user forever. */
  private sweep(now: number): void {
    for (const [user, times] of this.recent) {
      if (times.every((t) => now - t >= this.windowMs)) this.recent.delete(user);
    }
  }
}
