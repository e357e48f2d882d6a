/** Turns scores into probabilities in place (the exponential of each, over their sum; the largest subtracted first, so none overflows). */
export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if ((scores[c] as number) > max) max = scores[c] as number;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] as number) - max);
    sum += scores[c] as number;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
  return scores;
}
