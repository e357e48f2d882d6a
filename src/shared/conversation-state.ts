import type { Locale } from './locale.ts';

/** Where a user is inside a guided flow. */
export interface FlowPosition {
  flowId: string;
  nodeId: string;
  /** Variables set by the answers so far. */
  vars: Record<string, string | number | boolean>;
  /** Node ids visited before the current one (for `tilbage`), each with the state as it was before answering it. */
  history: {
    nodeId: string;
    vars: Record<string, string | number | boolean>;
    /** Notes before answering (optional, so positions stored without it still load). */
    notes?: { reasons: string[]; checklist: string[] };
    /** Free-text answers before answering (optional, as `notes`). */
    answers?: Record<string, string>;
  }[];
  /** Free-text answers, keyed by node id. */
  answers: Record<string, string>;
  /** Reasons and checklist items collected from the answers. */
  notes: { reasons: string[]; checklist: string[] };
  /** Version stamp of the flow definition this position belongs to. */
  flowVersion: string;
  /** Tells this run of the flow from earlier ones, so a button from a finished run is not taken as an answer (optional: older positions have none). */
  run?: string;
}

/** Everything the bot remembers about one conversation between turns (JSON-serialisable). */
export interface ConversationState {
  locale?: Locale;
  flow?: FlowPosition;
  /** True when `flow` stands at an outcome (the flow has given its advice). */
  flowOutcome?: boolean;
  /** Guides left in the middle for another guide, by flow id: opening one again goes on where the user was. */
  pausedFlows?: Record<string, FlowPosition>;
  /** Set by a flow outcome that offers a consultant (topic and urgency prefill the request). */
  escalationHint?: { topic: string; urgent: boolean };
  /** Choice ids offered in the last reply; a button not among them is stale. */
  activeChoices: string[];
  /** The last FAQ entry or flow the user was shown (prefills escalation topics). */
  lastTopic?: { kind: 'faq' | 'flow'; id: string; title: string };
  /** A form in progress (e.g. the escalation request), with the values entered so far. */
  form?: { formId: string; values: Record<string, string | boolean>; pendingField?: string; reminded?: boolean };
  /** Set after a 👎: the next free-text message is taken as the "what was missing?" comment on this answer. */
  feedbackComment?: { kind: 'faq' | 'flow'; id: string };
  /**
   * A free-text answer held for one choice (next turn only): a question ("use it as the answer" or "answer it first"),
   * or an answer with obvious typing slips (`corrected`: "correct it" or "keep it as typed").
   */
  heldAnswer?: { flowId: string; nodeId: string; text: string; corrected?: string };
  /**
   * A consultant's message in an open case, delivered into this conversation and not answered yet: a message typed now
   * is offered to the consultant first. `replyFormId` is the case's answer form (its "Svar konsulenten" button).
   */
  consultantMessage?: { caseNumber: string; replyFormId: string };
  /** The answer forms (their "Svar konsulenten" buttons) of cases closed since their messages came here, newest last. */
  closedCaseForms?: string[];
  /** A message typed after a consultant's message, held for one choice (next turn only): send it to them, or ask the advisor. */
  heldForConsultant?: string;
  /** Recent turns (redacted), newest last, for escalation transcripts. */
  transcript: TranscriptEntry[];
  /**
   * Recently offered buttons (with labels) and forms: a later press or submission reads as words in the transcript, and
   * a form submission or 👍/👎 that was never offered here is refused as stale or forged.
   */
  offered?: Offered;
}

/** One line of the transcript; `kind` says how a user turn was made (absent: typed text, or a bot reply). */
export interface TranscriptEntry {
  at: string;
  from: 'user' | 'bot';
  text: string;
  kind?: 'button' | 'form';
}

/** A form as offered: its title and its fields' labels (option labels for choices), without any values. */
export interface OfferedForm {
  title: string;
  fields: { id: string; label: string; type: string; options?: Record<string, string> }[];
}

/** Button labels by choice id and forms by form id, from the most recent replies (bounded). */
export interface Offered {
  choices: Record<string, string>;
  forms: Record<string, OfferedForm>;
}

/** A fresh, empty state. */
export function emptyState(): ConversationState {
  return { activeChoices: [], transcript: [] };
}
