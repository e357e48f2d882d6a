import type { ReviewDue } from '../knowledge/review-due.ts';

/** A count under a label (a week, a platform, a topic). */
export interface LabelledCount {
  label: string;
  count: number;
}

/** How often one FAQ entry or flow was the confident answer to a typed question. */
export interface EntryCount {
  kind: 'faq' | 'flow';
  id: string;
  title: string;
  count: number;
}

/** Questions turned away because they belong to an area the assistant does not cover (`knowledge/outside.yaml`). */
export interface OutsideCount {
  id: string;
  title: string;
  count: number;
}

/** Unanswered questions that share their content terms (so one new entry could answer them all). */
export interface UnansweredGroup {
  count: number;
  /** The content terms the questions share (folded and stemmed). */
  terms: string[];
  /** The same terms as people wrote them (each term's most common form in the group's questions), in the order of `terms`. */
  labels: string[];
  /** Up to five distinct (redacted) questions. */
  examples: string[];
}

/** An FAQ entry or flow, with its title. */
export interface EntryRef {
  kind: 'faq' | 'flow';
  id: string;
  title: string;
}

/** A question that got "Mente du …?", and the suggestion the user picked (null when they picked none). */
export interface SuggestedQuestion {
  /** The question (redacted). */
  text: string;
  picked: EntryRef | null;
}

/** Questions that got "Mente du …?" and share their content terms: candidates for new questions on existing entries. */
export interface SuggestedGroup {
  count: number;
  /** The content terms the questions share (folded and stemmed). */
  terms: string[];
  /** The same terms as people wrote them, in the order of `terms`. */
  labels: string[];
  /** The suggestions picked from these questions' "Mente du …?", most first. */
  picked: EntryCount[];
  /** Up to five distinct questions, each with its pick. */
  examples: SuggestedQuestion[];
}

/** The votes and comments on one answer or flow outcome. */
export interface FeedbackScore {
  kind: 'faq' | 'flow';
  id: string;
  title: string;
  up: number;
  down: number;
  comments: string[];
}

/** One guided flow's funnel: how many runs reached each node, and where abandoned runs stopped. */
export interface FlowFunnel {
  flowId: string;
  title: string;
  started: number;
  completed: number;
  /** Stopped, started again, or no step for 30 minutes (a guide left for another keeps its place). */
  abandoned: number;
  inProgress: number;
  /** Runs that reached each node, most reached first. */
  reached: LabelledCount[];
  /** Abandoned runs by the node they stopped at, most first. */
  dropOffs: LabelledCount[];
  /** The node where most runs were abandoned, if any were. */
  dropOffNode: string | null;
  /** The question that node asks (Danish), when the report was given the guide's definition. */
  dropOffStep: string | null;
}

/** Escalation cases opened in the period. */
export interface EscalationStats {
  total: number;
  claimed: number;
  resolved: number;
  perTopic: LabelledCount[];
  /** Median minutes from opening to claim, over the claimed cases; null when none was claimed. */
  medianMinutesToClaim: number | null;
}

/** Everything `some-advisor report` shows (and the playground's "Indsigt" page draws). */
export interface Report {
  generatedAt: string;
  since: string | null;
  questions: {
    total: number;
    answered: number;
    suggested: number;
    /** Questions with no answer, those turned away by an out-of-scope area included. */
    unanswered: number;
    /** Of the unanswered questions, those an out-of-scope area turned away (`knowledge/outside.yaml`). */
    outside: number;
    perWeek: LabelledCount[];
    perPlatform: LabelledCount[];
  };
  didYouMean: { shown: number; picked: number };
  topEntries: EntryCount[];
  /** Unanswered questions no out-of-scope area took, grouped: candidates for new entries. */
  unansweredGroups: UnansweredGroup[];
  /** Questions that got "Mente du …?", grouped like `unansweredGroups`, with what was picked. */
  suggestedGroups: SuggestedGroup[];
  /** Questions turned away per out-of-scope area, most first (not in `unansweredGroups`). */
  outsideAreas: OutsideCount[];
  worstFeedback: FeedbackScore[];
  flows: FlowFunnel[];
  escalations: EscalationStats;
  /** Entries and flows whose claims were last checked more than 12 months ago (whatever the period), oldest first. */
  dueForReview: ReviewDue[];
}
