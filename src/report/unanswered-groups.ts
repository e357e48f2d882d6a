import { groupQuestions } from './question-groups.ts';
import type { UnansweredGroup } from './report-types.ts';

const MAX_EXAMPLES = 5;

/** Groups unanswered questions that share their content terms (see `groupQuestions`), with up to five distinct examples each. */
export function groupUnanswered(questions: readonly string[]): UnansweredGroup[] {
  return groupQuestions(questions, (question) => question).map(({ items, terms, labels }) => ({
    count: items.length,
    terms,
    labels,
    examples: [...new Set(items)].slice(0, MAX_EXAMPLES),
  }));
}
