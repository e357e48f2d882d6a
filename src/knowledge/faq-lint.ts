import { words } from './danish-text.ts';
import type { FaqEntry } from './faq-schema.ts';
import type { LintError } from './lint-error.ts';
import { readYamlFile } from './yaml-file.ts';

/** A problem in one entry, at a value path of its file. */
interface Problem {
  path: (string | number)[];
  message: string;
}

/** Cross-entry checks: dangling `related` and `flow` references, self references. */
export async function lintFaqReferences(
  entries: readonly FaqEntry[],
  fileOf: ReadonlyMap<string, string>,
  flowIds: ReadonlySet<string>,
): Promise<LintError[]> {
  const ids = new Set(entries.map((e) => e.id));
  return lintEach(entries, fileOf, (entry) => {
    const problems: Problem[] = [];
    entry.related.forEach((ref, i) => {
      if (ref === entry.id) problems.push({ path: ['related', i], message: `related.${i}: an entry cannot be related to itself` });
      else if (!ids.has(ref)) problems.push({ path: ['related', i], message: `related.${i}: no FAQ entry has the id "${ref}"` });
    });
    if (entry.flow && !flowIds.has(entry.flow)) {
      problems.push({ path: ['flow'], message: `flow: no guided flow has the id "${entry.flow}"` });
    }
    return problems;
  });
}

/**
 * A situation must say something the entries do not already say: it may not repeat a question or another situation
 * of any entry (case, æ/ø/å spelling, punctuation and spacing folded).
 */
export async function lintSituations(entries: readonly FaqEntry[], fileOf: ReadonlyMap<string, string>): Promise<LintError[]> {
  const normalised = (text: string) => words(text).join(' ');
  const firstOwner = new Map<string, string>();
  for (const entry of entries) for (const q of entry.questions) if (!firstOwner.has(normalised(q))) firstOwner.set(normalised(q), `a question of "${entry.id}"`);
  return lintEach(entries, fileOf, (entry) =>
    entry.situations.flatMap((situation, i) => {
      const key = normalised(situation);
      const owner = firstOwner.get(key);
      if (!owner) firstOwner.set(key, `situations.${i} of "${entry.id}"`);
      return owner ? [{ path: ['situations', i], message: `situations.${i}: repeats ${owner}` }] : [];
    }),
  );
}

/** Runs `check` on every entry and gives each problem its file and line. */
async function lintEach(entries: readonly FaqEntry[], fileOf: ReadonlyMap<string, string>, check: (entry: FaqEntry) => Problem[]): Promise<LintError[]> {
  const errors: LintError[] = [];
  for (const entry of entries) {
    const problems = check(entry);
    if (problems.length === 0) continue;
    const file = fileOf.get(entry.id) ?? entry.id;
    const { yaml } = await readYamlFile(file);
    for (const p of problems) errors.push({ file, line: yaml?.lineOf(p.path) ?? 1, message: p.message });
  }
  return errors;
}
