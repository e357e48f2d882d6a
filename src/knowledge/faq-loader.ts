import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { faqEntrySchema, type FaqEntry } from './faq-schema.ts';
import type { LintError } from './lint-error.ts';
import { readYamlFile, validateYaml } from './yaml-file.ts';

/** FAQ entries loaded from `knowledge/faq/`, with the file each came from and every error found. */
export interface LoadedFaq {
  entries: FaqEntry[];
  fileOf: Map<string, string>;
  errors: LintError[];
}

/** Lists the YAML files in a directory (sorted); an absent directory is an error naming it. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(dir, n));
  } catch (error) {
    throw new Error(`Cannot read the knowledge folder ${dir}: ${(error as Error).message}. Check KNOWLEDGE_DIR.`);
  }
}

/** Reads and validates every `*.yaml` under `dir`: schema, file name = id, duplicate ids. */
export async function loadFaq(dir: string): Promise<LoadedFaq> {
  const entries: FaqEntry[] = [];
  const fileOf = new Map<string, string>();
  const errors: LintError[] = [];
  for (const file of await listYamlFiles(dir)) {
    const parsed = await readYamlFile(file);
    errors.push(...parsed.errors);
    if (!parsed.yaml) continue;
    const { value, errors: schemaErrors } = validateYaml(parsed.yaml, faqEntrySchema);
    errors.push(...schemaErrors);
    if (!value) continue;
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (value.id !== expectedId) {
      errors.push({ file, line: parsed.yaml.lineOf(['id']), message: `id: "${value.id}" must match the file name "${expectedId}"` });
    }
    const earlier = fileOf.get(value.id);
    if (earlier) {
      errors.push({ file, line: parsed.yaml.lineOf(['id']), message: `id: duplicate id "${value.id}" (also in ${earlier})` });
      continue;
    }
    fileOf.set(value.id, file);
    entries.push(value);
  }
  return { entries, fileOf, errors };
}
