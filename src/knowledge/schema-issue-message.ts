/** What zod calls a value's type, as a consultant would say it. */
const TYPE_NAMES: Record<string, string> = { string: 'a text', boolean: 'true or false', array: 'a list ("- " lines)', object: 'fields', number: 'a number' };

/**
 * A schema issue's message in plain words: a missing field says it is missing, an empty file says so, a text that YAML
 * read as "name: value" says to put it in quotes, and a wrong kind of value names the kind wanted.
 */
export function plainIssueMessage(message: string, atRoot: boolean): string {
  const typed = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (!typed) return message;
  const [, expected = '', received = ''] = typed;
  if (atRoot && (received === 'null' || received === 'undefined')) return 'the file is empty (or holds only comments)';
  if (received === 'undefined') return 'missing';
  if (expected === 'string' && received === 'object') return 'YAML read this text as "name: value" because of the ": " in it: put the whole text in quotes';
  if (expected === 'boolean') return 'write true or false';
  return `must be ${TYPE_NAMES[expected] ?? expected}, not ${TYPE_NAMES[received] ?? received}`;
}
