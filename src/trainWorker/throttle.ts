/** Rate limits for what the worker posts and what the page redraws: pure, so it is unit-tested. */

/** Lets something through at most once per `intervalMs`, or whenever it is forced. */
export class Throttle {
  private last = -Infinity;
  constructor(public intervalMs: number) {}
  /** Whether enough time has passed since the last pass at `now`. */
  due(now: number): boolean {
    return now - this.last >= this.intervalMs;
  }
  /** Marks a pass at `now`. */
  pass(now: number): void {
    this.last = now;
  }
  /** due(now), and marks the pass when it is. */
  take(now: number): boolean {
    if (!this.due(now)) return false;
    this.pass(now);
    return true;
  }
  reset(): void {
    this.last = -Infinity;
  }
}

/** Epochs per second over a sliding window of at least `windowMs`, smoothed. */
export class RateMeter {
  private samples: { t: number; n: number }[] = [];
  constructor(private windowMs = 1000) {}
  add(t: number, n: number): void {
    this.samples.push({ t, n });
    while (this.samples.length > 2 && t - this.samples[1].t >= this.windowMs) this.samples.shift();
  }
  rate(): number {
    const s = this.samples;
    if (s.length < 2) return 0;
    const dt = s[s.length - 1].t - s[0].t;
    return dt > 0 ? ((s[s.length - 1].n - s[0].n) * 1000) / dt : 0;
  }
  clear(): void {
    this.samples = [];
  }
}

/** A loss curve kept as growing arrays, handed out as deltas: what was not yet sent. */
export class CurveLog {
  epochs: number[] = [];
  train: number[] = [];
  test: number[] = [];
  private sent = 0;
  /** Set when the curve restarted (reset, new data) so the next delta starts at 0. */
  push(epoch: number, train: number, test: number): void {
    this.epochs.push(epoch);
    this.train.push(train);
    this.test.push(test);
  }
  clear(): void {
    this.epochs = [];
    this.train = [];
    this.test = [];
    this.sent = 0;
  }
  /** Entries not yet sent, and where they start. */
  delta(): { from: number; epochs: number[]; train: number[]; test: number[] } {
    const from = this.sent;
    this.sent = this.epochs.length;
    return { from, epochs: this.epochs.slice(from), train: this.train.slice(from), test: this.test.slice(from) };
  }
}

/** The page's copy of the curve: appends deltas, restarts when a delta starts at 0. */
export class CurveView {
  epochs: number[] = [];
  train: number[] = [];
  test: number[] = [];
  /** Bumped on every change, for charts to know when to redraw. */
  version = 0;
  apply(d: { from: number; epochs: number[]; train: number[]; test: number[] }): void {
    if (d.from === 0) {
      this.epochs = [];
      this.train = [];
      this.test = [];
    } else if (d.from !== this.epochs.length) {
      // A gap or an overlap means a lost or repeated delta: keep what lines up.
      this.epochs.length = this.train.length = this.test.length = Math.min(d.from, this.epochs.length);
    }
    this.epochs.push(...d.epochs);
    this.train.push(...d.train);
    this.test.push(...d.test);
    this.version++;
  }
  /**
   * At most `max` points for drawing: every k-th entry plus the last, so a long run stays cheap
   * to draw. Test losses are NaN where there is no test set.
   */
  decimated(max: number): [number[], number[], number[]] {
    const n = this.epochs.length;
    if (n <= max) return [this.epochs, this.train, this.test];
    const k = Math.ceil(n / max);
    const e: number[] = [];
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < n; i += k) {
      e.push(this.epochs[i]);
      tr.push(this.train[i]);
      te.push(this.test[i]);
    }
    if ((n - 1) % k !== 0) {
      e.push(this.epochs[n - 1]);
      tr.push(this.train[n - 1]);
      te.push(this.test[n - 1]);
    }
    return [e, tr, te];
  }
}
