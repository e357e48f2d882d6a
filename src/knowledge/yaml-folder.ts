import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LintError } from './lint-error.ts';

/** The YAML files of a knowledge folder (sorted), or the error that says why the folder cannot be read. */
export type YamlFolder = { files: string[]; error?: undefined } | { files: []; error: LintError };

/**
 * Lists the `*.yaml` files in `dir`. A folder that is missing or unreadable is a lint error naming it, with its full
 * path when `dir` is relative (the default KNOWLEDGE_DIR is relative to the folder the command runs from).
 */
export async function listYamlFolder(dir: string, what: string): Promise<YamlFolder> {
  try {
    const names = await readdir(dir);
    return { files: names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(dir, n)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = resolve(dir) === dir ? dir : `${dir} (${resolve(dir)})`;
    const reason = code === 'ENOENT' ? `there is no ${what} folder at ${where}` : `cannot read the ${what} folder ${where}: ${(error as Error).message}`;
    return { files: [], error: { file: dir, line: 1, message: `${reason}; set KNOWLEDGE_DIR to the folder that holds faq/ and flows/, or run from the folder that holds knowledge/` } };
  }
}
