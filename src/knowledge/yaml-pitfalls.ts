import { isSeq, visit, type Document, type LineCounter, type Scalar } from 'yaml';

/** A valid YAML text that does not say what its writer meant: where, and what to do about it. */
export interface YamlPitfall {
  line: number;
  message: string;
}

/** Quotation marks that word processors put in, which YAML does not treat as quotes. */
const CURLY_QUOTE = /^[“”„‟«»‘’‚]/;

/**
 * Finds what YAML accepts silently but almost never means in a knowledge file: a text cut short at " #" (the rest
 * read as a comment), a text running over several lines without `|` (its line breaks lost, or a list item indented
 * too far glued onto the one above), and a text in Word-style quotes (kept as part of the text, not quoting it).
 */
export function findYamlPitfalls(doc: Document, text: string, lines: LineCounter): YamlPitfall[] {
  const found: YamlPitfall[] = [];
  visit(doc, {
    Scalar(_key, node: Scalar, path) {
      const [start, end] = node.range ?? [0, 0];
      const source = text.slice(start, end);
      const line = lines.linePos(start).line;
      const comment = node.comment;
      if (typeof comment === 'string' && node.value !== null && !/^\s/.test(comment)) {
        found.push({ line, message: `the text after "#${comment}" was dropped: YAML reads " #" as the start of a comment. Put the whole text in quotes: "… #${comment}"` });
      }
      if (node.type === 'PLAIN' && source.includes('\n')) {
        const inList = isSeq(path.at(-1));
        found.push({
          line,
          message: inList
            ? `this list item runs on over the next line ("${shorten(String(node.value))}"): a line indented further than the item above is read as part of it. Start every "-" of the list at the same place`
            : `this text runs over several lines without "|", so its line breaks (lists, paragraphs) are lost: write "|" after the colon (answer: |) and the text on the lines under it`,
        });
      }
      if (CURLY_QUOTE.test(source)) {
        found.push({ line, message: `the text starts with a Word-style quote (${source.charAt(0)}), which becomes part of the text: use straight quotes (") or none` });
      }
    },
  });
  return found;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
