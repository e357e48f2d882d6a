/** A field name at the start of a line with no colon after it: `title Livestream …`, `- url https://…`. */
const FIELD_WITHOUT_COLON = /^\s*(?:-\s+)?([a-z_]+)\s+\S/;

/**
 * Plain advice, for someone who is not a programmer, on a YAML syntax error: what the usual cause is and how to fix
 * it. `lineText` is the line the error is on; undefined when the parser's own message is all there is to say.
 */
export function yamlSyntaxHint(code: string, message: string, lineText: string): string | undefined {
  if (lineText.includes('\t')) return 'the line has a tab: indent with spaces only';
  switch (code) {
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR': {
      if (message.includes('quote')) return 'a text that starts with a quote must end with the same straight quote (") on the same line; a Word-style quote (” or “) does not close it';
      const field = FIELD_WITHOUT_COLON.exec(lineText)?.[1];
      if (field) return `a colon is probably missing after "${field}": write "${field}: …"`;
      return 'a colon is probably missing after a field name, or the line is indented differently from the lines around it';
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return message.includes('sequence')
        ? 'a list item ("- …") is indented differently from the items above it: start every "-" of a list at the same place'
        : 'the text has ": " in it, which YAML reads as a new field: put the whole text in quotes, e.g. title: "Live: hvad gør vi"';
    case 'BAD_INDENT':
      return message.includes('Block scalar')
        ? 'a line of the text is indented less than its first line: indent every line under "|" by the same spaces'
        : 'a list written in [ ] must end with ] on the same line';
    case 'DUPLICATE_KEY':
      return 'this field is written twice in the same place: keep one';
    default:
      return undefined;
  }
}
