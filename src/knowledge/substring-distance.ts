/** Longest pattern `withinEdits` takes: its columns are bits of one 32-bit integer. */
export const MAX_PATTERN_UNITS = 32;

/**
 * A test of whether `pattern` (at most 32 UTF-16 units) turns into some substring of a text with at most `limit`
 * edits (insertions, deletions and substitutions of UTF-16 units). Myers' bit-parallel algorithm: the column of edit
 * distances of every pattern prefix is kept as bit vectors of its ±1 steps, one update per character of the text;
 * the test stops at the first substring that is close enough.
 */
export function withinEdits(pattern: string, limit: number): (text: string) => boolean {
  const m = pattern.length;
  if (m > MAX_PATTERN_UNITS) throw new RangeError(`withinEdits: pattern longer than ${MAX_PATTERN_UNITS} units`);
  if (m <= limit) return () => true;
  // the pattern positions of each character, as bits
  const positions = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const char = pattern.charCodeAt(i);
    positions.set(char, (positions.get(char) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  return (text) => {
    // vertical steps of the column (+1 / -1 per prefix), and the distance of the whole pattern
    let plus = -1;
    let minus = 0;
    let distance = m;
    for (let j = 0; j < text.length; j++) {
      const equal = positions.get(text.charCodeAt(j)) ?? 0;
      const xv = equal | minus;
      const xh = (((equal & plus) + plus) ^ plus) | equal;
      let ph = minus | ~(xh | plus);
      let mh = plus & xh;
      if ((ph & last) !== 0) distance++;
      else if ((mh & last) !== 0) distance--;
      if (distance <= limit) return true;
      // a substring may start anywhere: the top row stays 0, so no step enters at the top
      ph <<= 1;
      mh <<= 1;
      plus = mh | ~(xv | ph);
      minus = ph & xv;
    }
    return false;
  };
}
