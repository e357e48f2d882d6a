/**
 * Packs mrkdwn paragraphs into chunks of at most `max` characters, breaking between paragraphs where possible,
 * then between lines, sentences and words; a link or escape sequence is never cut in half.
 */
export function splitParagraphs(paragraphs: string[], max: number): string[] {
  const pieces = paragraphs.flatMap((p) => splitLong(p, max));
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}\n\n${piece}`;
    if (joined.length <= max) {
      current = joined;
    } else {
      if (current !== '') chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

const SEPARATORS = ['\n', '. ', ' '];

function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const separator of SEPARATORS) {
    const cut = text.lastIndexOf(separator, max - separator.length);
    if (cut > max / 3 && safeCut(text, cut + separator.length)) {
      const head = text.slice(0, cut + (separator === '. ' ? 1 : 0)).trimEnd();
      return [head, ...splitLong(text.slice(cut + separator.length).trimStart(), max)];
    }
  }
  let cut = max;
  while (cut > 1 && !safeCut(text, cut)) cut -= 1;
  if (cut <= 1) cut = max;
  return [text.slice(0, cut), ...splitLong(text.slice(cut), max)];
}

/** False when cutting at `index` would split a `<…>` link or an `&…;` escape. */
function safeCut(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const open = before.lastIndexOf('<');
  if (open > before.lastIndexOf('>')) return false;
  const amp = before.lastIndexOf('&');
  return amp < 0 || before.length - amp > 5 || before.slice(amp).includes(';');
}
