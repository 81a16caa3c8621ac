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
  /** Validation loss per entry, NaN while early stopping holds no validation rows out. */
  validation: number[] = [];
  private sent = 0;
  /** Set when the curve restarted (reset, new data) so the next delta starts at 0. */
  push(epoch: number, train: number, test: number, validation = Number.NaN): void {
    this.epochs.push(epoch);
    this.train.push(train);
    this.test.push(test);
    this.validation.push(validation);
  }
  clear(): void {
    this.epochs = [];
    this.train = [];
    this.test = [];
    this.validation = [];
    this.sent = 0;
  }
  /** Entries not yet sent, and where they start. */
  delta(): { from: number; epochs: number[]; train: number[]; test: number[]; validation: number[] } {
    const from = this.sent;
    this.sent = this.epochs.length;
    return {
      from,
      epochs: this.epochs.slice(from),
      train: this.train.slice(from),
      test: this.test.slice(from),
      validation: this.validation.slice(from),
    };
  }
}

/** The page's copy of the curve: appends deltas, restarts when a delta starts at 0. */
export class CurveView {
  epochs: number[] = [];
  train: number[] = [];
  test: number[] = [];
  validation: number[] = [];
  /** Bumped on every change, for charts to know when to redraw. */
  version = 0;
  /** A delta without validation losses (none held out) fills them with NaN. */
  apply(d: { from: number; epochs: number[]; train: number[]; test: number[]; validation?: number[] }): void {
    if (d.from === 0) {
      this.epochs = [];
      this.train = [];
      this.test = [];
      this.validation = [];
    } else if (d.from !== this.epochs.length) {
      // A gap or an overlap means a lost or repeated delta: keep what lines up.
      this.epochs.length = this.train.length = this.test.length = this.validation.length = Math.min(d.from, this.epochs.length);
    }
    this.epochs.push(...d.epochs);
    this.train.push(...d.train);
    this.test.push(...d.test);
    this.validation.push(...(d.validation ?? d.epochs.map(() => Number.NaN)));
    this.version++;
  }
  /**
   * At most `max` points for drawing: every k-th entry plus the last, so a long run stays cheap
   * to draw. Test and validation losses are NaN where there is no such set.
   */
  decimated(max: number): [number[], number[], number[], number[]] {
    const n = this.epochs.length;
    if (n <= max) return [this.epochs, this.train, this.test, this.validation];
    const k = Math.ceil(n / max);
    const e: number[] = [];
    const tr: number[] = [];
    const te: number[] = [];
    const va: number[] = [];
    const take = (i: number) => {
      e.push(this.epochs[i]);
      tr.push(this.train[i]);
      te.push(this.test[i]);
      va.push(this.validation[i]);
    };
    for (let i = 0; i < n; i += k) take(i);
    if ((n - 1) % k !== 0) take(n - 1);
    return [e, tr, te, va];
  }
}
