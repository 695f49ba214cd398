/**
 * @module
 * How busy anonymous submission is, for abuse resistance that identifies no
 * one. The proof-of-work difficulty rises while submissions per minute
 * exceed a threshold, and falls back as the surge passes.
 *
 * Minute counts live only in this instance's memory: a stored minute-level
 * record of submissions would be finer metadata than the hour the database
 * is allowed to keep. On several instances each one sees its own share,
 * which errs towards a lower difficulty, never a refusal.
 */

/** The most extra bits a surge can add: 2^8 times the work, still seconds in a browser. */
export const MAX_SURGE_BITS = 8;

export class SubmissionLoad {
  /** Submission counts per whole minute, oldest first, at most `WINDOW` entries. */
  private minutes: { minute: number; count: number }[] = [];

  constructor(
    /** Submissions per minute above which difficulty rises. */
    private readonly threshold: number,
  ) {}

  /** Counts one accepted submission at `now`. */
  record(now: Date): void {
    const minute = Math.floor(now.getTime() / 60_000);
    const last = this.minutes.at(-1);
    if (last?.minute === minute) last.count += 1;
    else this.minutes.push({ minute, count: 1 });
    this.minutes = this.minutes.filter((entry) => entry.minute > minute - 2);
  }

  /** Submissions in the last full minute and the current one, scaled to a per-minute rate. */
  ratePerMinute(now: Date): number {
    const minute = Math.floor(now.getTime() / 60_000);
    const previous = this.minutes.find((entry) => entry.minute === minute - 1)?.count ?? 0;
    const current = this.minutes.find((entry) => entry.minute === minute)?.count ?? 0;
    return Math.max(previous, current);
  }

  /**
   * Extra leading zero bits to ask for now: one bit once the rate passes the
   * threshold, and one more for every doubling beyond it.
   */
  surgeBits(now: Date): number {
    const rate = this.ratePerMinute(now);
    if (rate <= this.threshold) return 0;
    return Math.min(MAX_SURGE_BITS, 1 + Math.floor(Math.log2(rate / this.threshold)));
  }
}
