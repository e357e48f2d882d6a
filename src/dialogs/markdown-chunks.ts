/** Slack's limit for one section of text, with a margin; other platforms allow more. */
export const MAX_TEXT_BLOCK = 2900;

function hardSplit(text: string, max: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += max) parts.push(text.slice(i, i + max));
  return parts;
}

/** Splits Markdown into pieces of at most `max` characters, at blank lines where possible, then at line breaks. */
export function splitMarkdown(text: string, max = MAX_TEXT_BLOCK): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = (part: string, separator: string): void => {
    if (current === '') current = part;
    else if (current.length + separator.length + part.length <= max) current += separator + part;
    else {
      pieces.push(current);
      current = part;
    }
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.length <= max) push(paragraph, '\n\n');
    else for (const line of paragraph.split('\n').flatMap((l) => hardSplit(l, max))) push(line, '\n');
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces;
}
