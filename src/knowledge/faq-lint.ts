import type { FaqEntry } from './faq-schema.ts';
import type { LintError } from './lint-error.ts';
import { readYamlFile } from './yaml-file.ts';

/** Cross-entry checks: dangling `related` and `flow` references, self references. */
export async function lintFaqReferences(
  entries: readonly FaqEntry[],
  fileOf: ReadonlyMap<string, string>,
  flowIds: ReadonlySet<string>,
): Promise<LintError[]> {
  const ids = new Set(entries.map((e) => e.id));
  const errors: LintError[] = [];
  for (const entry of entries) {
    const file = fileOf.get(entry.id) ?? entry.id;
    const problems: { path: (string | number)[]; message: string }[] = [];
    entry.related.forEach((ref, i) => {
      if (ref === entry.id) problems.push({ path: ['related', i], message: `related.${i}: an entry cannot be related to itself` });
      else if (!ids.has(ref)) problems.push({ path: ['related', i], message: `related.${i}: no FAQ entry has the id "${ref}"` });
    });
    if (entry.flow && !flowIds.has(entry.flow)) {
      problems.push({ path: ['flow'], message: `flow: no guided flow has the id "${entry.flow}"` });
    }
    if (problems.length === 0) continue;
    const { yaml } = await readYamlFile(file);
    for (const p of problems) errors.push({ file, line: yaml?.lineOf(p.path) ?? 1, message: p.message });
  }
  return errors;
}
