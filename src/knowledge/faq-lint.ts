import { words } from './danish-text.ts';
import type { FaqEntry } from './faq-schema.ts';
import type { LintError } from './lint-error.ts';
import { REVIEWED_MISSING } from './review-due.ts';
import { FRONT_PAGE_SOURCE, isFrontPage } from './source-url.ts';
import { readYamlFile } from './yaml-file.ts';

/** A problem in one entry: the path of the value it concerns and the message. */
interface EntryProblem {
  path: (string | number)[];
  message: string;
}

/** Runs `check` on every entry and turns its problems into `file:line` lint errors (the file is read only when needed). */
async function lintEach(entries: readonly FaqEntry[], fileOf: ReadonlyMap<string, string>, check: (entry: FaqEntry) => EntryProblem[]): Promise<LintError[]> {
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

/** Cross-entry checks: dangling `related` and `flow` references, self references. */
export async function lintFaqReferences(
  entries: readonly FaqEntry[],
  fileOf: ReadonlyMap<string, string>,
  flowIds: ReadonlySet<string>,
): Promise<LintError[]> {
  const ids = new Set(entries.map((e) => e.id));
  return lintEach(entries, fileOf, (entry) => {
    const problems: EntryProblem[] = [];
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

/** Content that stays true: every entry has a `reviewed` date, and no source points to a site's front page. */
export async function lintFaqContent(entries: readonly FaqEntry[], fileOf: ReadonlyMap<string, string>): Promise<LintError[]> {
  return lintEach(entries, fileOf, (entry) => [
    ...(entry.reviewed === undefined ? [{ path: ['reviewed'], message: REVIEWED_MISSING }] : []),
    ...entry.sources.flatMap((source, i) =>
      isFrontPage(source.url) ? [{ path: ['sources', i, 'url'], message: `sources.${i}.url: ${source.url} ${FRONT_PAGE_SOURCE}` }] : [],
    ),
  ]);
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
