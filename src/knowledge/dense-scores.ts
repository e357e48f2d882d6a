/**
 * One value per key for the current query, in a dense buffer reused across queries: reading a value is a single load
 * (0 when untouched), and `reset` zeroes only the keys the last query touched. For per-query values of one number per
 * key where ScoreTable's rows of several would cost an indirection on every read.
 */
export class DenseScores {
  private readonly values: Float64Array;
  private readonly seen: Uint8Array;
  /** Keys touched since the last `reset`, in the order they were first touched. */
  readonly touched: number[] = [];

  constructor(keys: number) {
    this.values = new Float64Array(keys);
    this.seen = new Uint8Array(keys);
  }

  /** Starts a query: every value back to 0. */
  reset(): void {
    for (const key of this.touched) {
      this.values[key] = 0;
      this.seen[key] = 0;
    }
    this.touched.length = 0;
  }

  /** Raises the value of `key` to at least `value`. */
  raise(key: number, value: number): void {
    this.touch(key);
    if (value > (this.values[key] as number)) this.values[key] = value;
  }

  /** Adds `value` to the value of `key`. */
  add(key: number, value: number): void {
    this.touch(key);
    this.values[key] = (this.values[key] as number) + value;
  }

  /** The value of `key` (0 when untouched in this query, or not a key of the table). */
  valueOf(key: number): number {
    return this.values[key] ?? 0;
  }

  private touch(key: number): void {
    if (this.seen[key] === 0) {
      this.seen[key] = 1;
      this.touched.push(key);
    }
  }
}
