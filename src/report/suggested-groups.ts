import type { AnalyticsEvent } from '../store/records.ts';
import { countLabels, field } from './counting.ts';
import { groupQuestions } from './question-groups.ts';
import type { EntryRef, SuggestedGroup } from './report-types.ts';

const MAX_EXAMPLES = 5;

interface AskedBack {
  text: string;
  picked: { kind: 'faq' | 'flow'; id: string } | null;
}

/**
 * The questions answered with "Mente du …?" (oldest first), each with the suggestion picked from it. A pick belongs to
 * the latest "Mente du" of its conversation, as long as no question was typed in between (a new question replaces the
 * buttons); only the first pick counts.
 */
function askedBack(events: readonly AnalyticsEvent[]): AskedBack[] {
  const asked: AskedBack[] = [];
  const open = new Map<string, AskedBack>();
  for (const event of events) {
    const conversation = field(event.payload, 'conversation') ?? '';
    if (event.type === 'question_asked') {
      open.delete(conversation);
    } else if (event.type === 'did_you_mean_shown') {
      const text = field(event.payload, 'text');
      if (text === undefined) continue;
      const shown: AskedBack = { text, picked: null };
      asked.push(shown);
      open.set(conversation, shown);
    } else if (event.type === 'did_you_mean_picked') {
      const shown = open.get(conversation);
      const kind = field(event.payload, 'kind');
      const id = field(event.payload, 'id');
      if (shown && shown.picked === null && (kind === 'faq' || kind === 'flow') && id) shown.picked = { kind, id };
    }
  }
  return asked;
}

/**
 * The questions that got "Mente du …?", grouped like the unanswered ones, with what was picked from the suggestions:
 * per group the suggestions picked (most first) and up to five distinct examples with their pick.
 */
export function groupSuggested(events: readonly AnalyticsEvent[], titleOf: (kind: 'faq' | 'flow', id: string) => string): SuggestedGroup[] {
  const ref = (picked: AskedBack['picked']): EntryRef | null => (picked ? { ...picked, title: titleOf(picked.kind, picked.id) } : null);
  return groupQuestions(askedBack(events), (asked) => asked.text).map(({ items, terms, labels }) => {
    const distinct = new Map(items.map((asked) => [`${asked.picked?.kind ?? ''}:${asked.picked?.id ?? ''}\u0000${asked.text}`, asked]));
    const picked = countLabels(items.flatMap((asked) => (asked.picked ? [`${asked.picked.kind}:${asked.picked.id}`] : [])));
    return {
      count: items.length,
      terms,
      labels,
      picked: picked.map(({ label, count }) => {
        const [kind, id] = label.split(/:(.*)/s) as ['faq' | 'flow', string];
        return { kind, id, title: titleOf(kind, id), count };
      }),
      examples: [...distinct.values()].slice(0, MAX_EXAMPLES).map((asked) => ({ text: asked.text, picked: ref(asked.picked) })),
    };
  });
}
