/**
 * Per-query rows of values (one per query term, raised to the best) for the keys a query touches, kept in buffers
 * that are reused across queries: `reset` starts a query in O(1) and a row is zeroed when first touched, so a
 * search allocates nothing per document.
 */
export class ScoreTable {
  private stamp: Int32Array;
  private slot: Int32Array;
  private values = new Float64Array(0);
  private generation = 0;
  private width = 0;
  /** Keys touched since the last `reset`, in the order they were first touched. */
  readonly touched: number[] = [];

  constructor(keys: number) {
    this.stamp = new Int32Array(keys);
    this.slot = new Int32Array(keys);
  }

  /** Starts a query with `width` values per row. */
  reset(width: number): void {
    if (this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    this.generation++;
    this.width = width;
    this.touched.length = 0;
  }

  /** Raises the value of query term `qi` in the row of `key` to at least `value`. */
  raise(key: number, qi: number, value: number): void {
    const at = this.row(key) + qi;
    if (value > (this.values[at] as number)) this.values[at] = value;
  }

  /** Raises each `into[qi]` to at least the value of query term qi in the row of `key`; false when `key` is untouched. */
  raiseInto(key: number, into: Float64Array): boolean {
    if (!this.has(key)) return false;
    const start = this.slot[key] as number;
    for (let qi = 0; qi < this.width; qi++) {
      const value = this.values[start + qi] as number;
      if (value > (into[qi] as number)) into[qi] = value;
    }
    return true;
  }

  /** Whether `key` was touched in this query. */
  has(key: number): boolean {
    return this.stamp[key] === this.generation;
  }

  /** IDF-weighted share of the query in the row of `key` (0 when untouched): Σ value·weight / total. */
  weightedShare(key: number, weights: readonly number[], total: number): number {
    if (total <= 0 || !this.has(key)) return 0;
    const start = this.slot[key] as number;
    let sum = 0;
    for (let i = 0; i < this.width; i++) sum += (this.values[start + i] as number) * (weights[i] ?? 0);
    return sum / total;
  }

  /** Offset of the row of `key`, creating a zeroed row on first touch. */
  private row(key: number): number {
    if (this.stamp[key] === this.generation) return this.slot[key] as number;
    const start = this.touched.length * this.width;
    if (start + this.width > this.values.length) {
      const grown = new Float64Array(Math.max(2 * this.values.length, start + this.width, 1024));
      grown.set(this.values);
      this.values = grown;
    }
    this.values.fill(0, start, start + this.width);
    this.stamp[key] = this.generation;
    this.slot[key] = start;
    this.touched.push(key);
    return start;
  }
}
