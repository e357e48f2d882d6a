import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LintError } from './lint-error.ts';

/**
 * The YAML files of a knowledge folder (sorted) and an error for each other file in it that looks like one meant to be
 * read (`x.yaml.txt`, `x.txt`), or the error that says why the folder cannot be read.
 */
export type YamlFolder = { files: string[]; strays: LintError[]; error?: undefined } | { files: []; strays: []; error: LintError };

/** Hidden files (the `.example.yaml.txt` template, an editor's `.x.swp`) and editor backups (`x.yaml~`, `#x.yaml#`). */
const NOT_CONTENT = /^[.#]|~$/;

/**
 * Lists the `*.yaml` files in `dir`. A folder that is missing or unreadable is a lint error naming it, with its full
 * path when `dir` is relative (the default KNOWLEDGE_DIR is relative to the folder the command runs from).
 */
export async function listYamlFolder(dir: string, what: string): Promise<YamlFolder> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const names = entries.map((e) => e.name).sort();
    const strays = entries
      .filter((e) => e.isFile() && !/\.ya?ml$/.test(e.name) && !NOT_CONTENT.test(e.name))
      .map((e) => e.name)
      .sort()
      .map((n) => ({ file: join(dir, n), line: 1, message: `only files whose names end in .yaml are read, so this one is not: rename it to "${yamlName(n)}", or move it out of the folder` }));
    return { files: names.filter((n) => /\.ya?ml$/.test(n)).map((n) => join(dir, n)), strays };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = resolve(dir) === dir ? dir : `${dir} (${resolve(dir)})`;
    const reason = code === 'ENOENT' ? `there is no ${what} folder at ${where}` : `cannot read the ${what} folder ${where}: ${(error as Error).message}`;
    return { files: [], strays: [], error: { file: dir, line: 1, message: `${reason}; set KNOWLEDGE_DIR to the folder that holds faq/ and flows/, or run from the folder that holds knowledge/` } };
  }
}

/** The name a stray file should have: `x.yaml.txt` → `x.yaml`, `x.txt` → `x.yaml`. */
function yamlName(name: string): string {
  const stem = name.replace(/\.ya?ml\..*$/, '').replace(/\.[^.]*$/, '');
  return `${stem}.yaml`;
}
