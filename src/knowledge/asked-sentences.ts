/** Splits text into sentences by Unicode's rules (UAX #29): an abbreviation before a lower-case word ("f.eks. fik") ends none. */
const sentenceSegmenter = new Intl.Segmenter('da', { granularity: 'sentence' });

/**
 * The sentences of a message of several that ask something (hold a question mark): where a long message says what is
 * needed after who and what happened. None for a message of one sentence, whose every word is the question.
 */
export function askedSentences(text: string): string[] {
  const sentences = [...sentenceSegmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
  return sentences.length > 1 ? sentences.filter((s) => s.includes('?')) : [];
}
