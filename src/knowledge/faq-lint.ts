import { foldedPhrase } from './danish-text.ts';
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

/**
 * Cross-entry checks: dangling `related` and `flow` references, self references. A reference to a file that exists
 * but did not load (`unloadable`: ids whose own file has an error, reported there) is not reported again here.
 */
export async function lintFaqReferences(
  entries: readonly FaqEntry[],
  fileOf: ReadonlyMap<string, string>,
  flowIds: ReadonlySet<string>,
  unloadable: ReadonlySet<string> = new Set(),
): Promise<LintError[]> {
  const ids = new Set(entries.map((e) => e.id));
  return lintEach(entries, fileOf, (entry) => {
    const problems: EntryProblem[] = [];
    entry.related.forEach((ref, i) => {
      if (ref === entry.id) problems.push({ path: ['related', i], message: `related.${i}: an entry cannot be related to itself` });
      else if (!ids.has(ref) && !unloadable.has(ref)) problems.push({ path: ['related', i], message: `related.${i}: no FAQ entry has the id "${ref}"${closest(ref, ids)}` });
    });
    if (entry.flow && !flowIds.has(entry.flow) && !unloadable.has(entry.flow)) {
      problems.push({ path: ['flow'], message: `flow: no guided flow has the id "${entry.flow}"${closest(entry.flow, flowIds)}` });
    }
    return problems;
  });
}

/** ` (did you mean "x"?)` for the id nearest to a mistyped one, when one is close; else nothing. */
function closest(typed: string, ids: ReadonlySet<string>): string {
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const distance = editDistance(typed, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 4)) ? ` (did you mean "${best.id}"?)` : '';
}

/** Levenshtein distance between two short ids. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
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

/** What content-style.md asks of an answer's length: it must fit one Slack section. */
export const MAX_ANSWER_CHARACTERS = 3000;

/** Words content-style.md retired, with the word to use instead. */
export const RETIRED_WORDS: readonly { word: RegExp; instead: string }[] = [
  { word: /holdbesked/i, instead: '"foreløbig melding" or "ventebesked"' },
  { word: /vanity metrics?/i, instead: '"pyntetal"' },
];

/**
 * Warnings for what content-style.md asks of an answer and lint can see: under 3,000 characters, no headings (a bold
 * line instead), no exclamation marks in advice, none of the retired words. They never stop the knowledge loading.
 */
export async function lintFaqStyle(entries: readonly FaqEntry[], fileOf: ReadonlyMap<string, string>): Promise<LintError[]> {
  return lintEach(entries, fileOf, (entry) => {
    const problems: EntryProblem[] = [];
    const answer = ['answer'];
    if (entry.answer.length > MAX_ANSWER_CHARACTERS) problems.push({ path: answer, message: `answer: ${entry.answer.length} characters; keep it under ${MAX_ANSWER_CHARACTERS} so it fits one Slack message (content-style.md)` });
    if (/^#{1,6}\s/m.test(entry.answer)) problems.push({ path: answer, message: 'answer: a "#" heading does not show in Slack and Teams; use a bold line (**Sådan gør I**) instead' });
    if (entry.answer.includes('!')) problems.push({ path: answer, message: 'answer: no exclamation marks in advice (content-style.md)' });
    for (const { word, instead } of RETIRED_WORDS) {
      const found = word.exec(`${entry.title}\n${entry.answer}`)?.[0];
      if (found) problems.push({ path: answer, message: `"${found}" is retired (content-style.md); write ${instead}` });
    }
    return problems;
  });
}

/**
 * A question or situation must say something the entries do not already say: it may not repeat a question or a
 * situation of any entry, its own included (case, æ/ø/å spelling, punctuation and spacing folded). A repeated one
 * weighs twice and can pull another entry's questions to the wrong answer.
 */
export async function lintRepeats(entries: readonly FaqEntry[], fileOf: ReadonlyMap<string, string>): Promise<LintError[]> {
  const firstOwner = new Map<string, { entry: string; field: string }>();
  return lintEach(entries, fileOf, (entry) =>
    (['questions', 'situations'] as const).flatMap((field) =>
      entry[field].flatMap((text, i) => {
        const key = foldedPhrase(text);
        const owner = firstOwner.get(key);
        if (!owner) {
          firstOwner.set(key, { entry: entry.id, field: `${field}.${i}` });
          return [];
        }
        const where = owner.entry === entry.id ? `${owner.field} of this entry` : owner.field.startsWith('questions') ? `a question of "${owner.entry}"` : `${owner.field} of "${owner.entry}"`;
        return [{ path: [field, i], message: `${field}.${i}: repeats ${where}` }];
      }),
    ),
  );
}
