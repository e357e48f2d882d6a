/**
 * The `size` best of a stream of scored candidates, ordered by score (highest first) and then id (`localeCompare`),
 * earlier candidates first on a full tie — the first `size` of a stable sort, without sorting every candidate.
 * A candidate is built (`make`) only when it enters the best.
 */
export class TopHits<T> {
  private readonly entries: { score: number; id: string; item: T }[] = [];

  constructor(private readonly size: number) {}

  /** Offers a candidate with its score and id. */
  offer(score: number, id: string, make: () => T): void {
    const { entries } = this;
    if (entries.length >= this.size && precedes(entries[entries.length - 1] as { score: number; id: string }, score, id)) return;
    let at = entries.length;
    while (at > 0 && !precedes(entries[at - 1] as { score: number; id: string }, score, id)) at--;
    entries.splice(at, 0, { score, id, item: make() });
    if (entries.length > this.size) entries.pop();
  }

  /** The lowest score kept once `size` candidates are kept (a lower score cannot enter), else -Infinity. */
  get floor(): number {
    return this.entries.length >= this.size ? (this.entries[this.entries.length - 1] as { score: number }).score : -Infinity;
  }

  /** The best candidates, best first. */
  get best(): T[] {
    return this.entries.map((e) => e.item);
  }
}

/** Whether `entry` stays ahead of a later candidate (`score`, `id`): higher score, or same score and id not after. */
function precedes(entry: { score: number; id: string }, score: number, id: string): boolean {
  return entry.score > score || (entry.score === score && entry.id.localeCompare(id) <= 0);
}
