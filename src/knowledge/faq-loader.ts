import { basename } from 'node:path';
import { faqEntrySchema, type FaqEntry } from './faq-schema.ts';
import { fileIdMismatch } from './file-id.ts';
import type { LintError } from './lint-error.ts';
import { readYamlFile, validateYaml } from './yaml-file.ts';
import { listYamlFolder } from './yaml-folder.ts';

/** FAQ entries loaded from `knowledge/faq/`, with the file each came from and every error found. */
export interface LoadedFaq {
  entries: FaqEntry[];
  fileOf: Map<string, string>;
  errors: LintError[];
}

/** Reads and validates every `*.yaml` under `dir`: schema, file name = id, duplicate ids. */
export async function loadFaq(dir: string): Promise<LoadedFaq> {
  const entries: FaqEntry[] = [];
  const fileOf = new Map<string, string>();
  const folder = await listYamlFolder(dir, 'FAQ');
  const errors: LintError[] = folder.error ? [folder.error] : [...folder.strays];
  for (const file of folder.files) {
    const parsed = await readYamlFile(file);
    errors.push(...parsed.errors);
    if (!parsed.yaml) continue;
    const { value, errors: schemaErrors } = validateYaml(parsed.yaml, faqEntrySchema);
    errors.push(...schemaErrors);
    if (!value) continue;
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (value.id !== expectedId) {
      errors.push({ file, line: parsed.yaml.lineOf(['id']), message: fileIdMismatch(value.id, expectedId) });
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
