/** Danish letters as an id writes them. */
const DANISH_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/**
 * What is wrong when a file's `id` differs from its name (`<id>.yaml`): a name with æ/ø/å, capitals or spaces cannot be
 * an id at all, so the advice is to rename the file (to the name spelled as an id); otherwise the two must match.
 */
export function fileIdMismatch(id: string, fileId: string): string {
  const spelled = fileId
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => DANISH_LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (spelled !== fileId) return `id: the file name "${fileId}" cannot be an id (a-z, 0-9 and - only; æ, ø, å are written ae, oe, aa): rename the file to "${spelled}.yaml" and write id: ${spelled}`;
  return `id: "${id}" must match the file name "${fileId}"`;
}
