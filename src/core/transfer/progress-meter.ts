const MIN_SAMPLE_MS = 100;

/** What the UI shows for one file. */
export interface Progress {
  readonly bytesDone: number;
  readonly total: number;
  /** Smoothed; 0 until two measurements exist. */
  readonly bytesPerSecond: number;
  /** undefined while the speed is unknown, so the UI shows "—" rather than "∞". */
  readonly secondsLeft: number | undefined;
}

/**
 * Speed as an exponentially weighted moving average whose weight depends on elapsed time, so
 * irregular updates (one per chunk, or one per ack) give the same curve: a sample dt ms after the
 * last one counts 1 − e^(−dt/τ). τ = 2 s keeps the time-left figure from jumping every frame
 * yet follows a real change of link speed within a few seconds.
 */
export class ProgressMeter {
  private bytesDone: number;
  private bytesPerSecond = 0;
  private lastAtMs: number | undefined;
  private lastBytes: number;
  /** Throughput is unknown until time has passed since the first measurement. */
  private hasRate = false;

  constructor(
    readonly total: number,
    startBytes = 0,
    private readonly timeConstantMs = 2000,
  ) {
    this.bytesDone = startBytes;
    this.lastBytes = startBytes;
  }

  /** Records that bytesDone bytes are done at nowMs (a monotonic clock such as performance.now()). */
  update(bytesDone: number, nowMs: number): void {
    this.bytesDone = Math.min(bytesDone, this.total);
    if (this.lastAtMs === undefined) {
      this.lastAtMs = nowMs;
      this.lastBytes = this.bytesDone;
      return;
    }
    const elapsedMs = nowMs - this.lastAtMs;
    // Samples closer than this are merged: a rate over a few microseconds is noise.
    if (elapsedMs < MIN_SAMPLE_MS) return;
    const instantRate = ((this.bytesDone - this.lastBytes) * 1000) / elapsedMs;
    const weight = this.hasRate ? 1 - Math.exp(-elapsedMs / this.timeConstantMs) : 1;
    this.bytesPerSecond += weight * (instantRate - this.bytesPerSecond);
    this.hasRate = true;
    this.lastAtMs = nowMs;
    this.lastBytes = this.bytesDone;
  }

  snapshot(): Progress {
    const remaining = this.total - this.bytesDone;
    const secondsLeft =
      remaining === 0 ? 0 : this.hasRate && this.bytesPerSecond > 0 ? remaining / this.bytesPerSecond : undefined;
    return { bytesDone: this.bytesDone, total: this.total, bytesPerSecond: this.bytesPerSecond, secondsLeft };
  }
}

/** At most one progress report per transfer every intervalMs: each one re-renders both pages. */
export class ProgressThrottle {
  private readonly lastAtMs = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** Whether a report on id is due now; if so, the next one is due intervalMs later. */
  due(id: string): boolean {
    const now = this.now();
    if (now - (this.lastAtMs.get(id) ?? -Infinity) < this.intervalMs) return false;
    this.lastAtMs.set(id, now);
    return true;
  }

  forget(id: string): void {
    this.lastAtMs.delete(id);
  }
}
