import { requestedTopic } from './requested-topic.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { FormField, FormSpec, Message } from '../core/message.ts';
import type { Turn } from '../core/turn.ts';
import { escalationStrings } from './escalation-strings.ts';
import { ESCALATION_FORM_ID, MAX_LENGTH, URGENCIES, type FieldId } from './escalation-request.ts';

/** Values entered so far, keyed by field id. */
export type FormValues = Record<string, string | boolean>;

/** The starting values: topic from the flow outcome or last answer, urgency from the crisis flow, contact from the profile. */
export function prefillValues(turn: Turn, state: ConversationState): FormValues {
  const values: FormValues = {};
  // the user's own words for what it is about come before a guess from the answers shown
  const topic = requestedTopic(turn.input) ?? state.escalationHint?.topic ?? state.lastTopic?.title;
  if (topic) values.topic = topic;
  if (state.escalationHint?.urgent) values.urgency = 'urgent';
  if (turn.user.name) values.name = turn.user.name;
  if (turn.user.email) values.contact = turn.user.email;
  return values;
}

/** The request form with `values` filled in and an `error` on each field named in `errors`. */
export function escalationForm(turn: Turn, values: FormValues, errors: Partial<Record<FieldId, string>> = {}): FormSpec {
  const s = escalationStrings(turn.user.locale);
  const field = (id: FieldId, label: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => {
    const f: FormField = { id, label, type, required: type !== 'checkbox', ...extra };
    const value = values[id];
    if (value !== undefined && value !== '') f.value = value;
    const error = errors[id];
    if (error) f.error = error;
    return f;
  };
  return {
    id: ESCALATION_FORM_ID,
    title: s.formTitle,
    submitLabel: s.formSubmit,
    fields: [
      field('topic', s.topic, 'text', { maxLength: MAX_LENGTH.topic }),
      field('description', s.description, 'textarea', { maxLength: MAX_LENGTH.description, hint: s.descriptionHint }),
      field('urgency', s.urgency, 'select', { options: URGENCIES.map((u) => ({ value: u, label: s.urgencyLabels[u] })) }),
      field('municipality', s.municipality, 'text', { maxLength: MAX_LENGTH.municipality }),
      field('name', s.contactName, 'text', { maxLength: MAX_LENGTH.name }),
      field('contact', s.contact, 'text', { maxLength: MAX_LENGTH.contact, hint: s.contactHint }),
      field('consent', s.consent, 'checkbox'),
    ],
  };
}

/** A message holding the form, with a lead line (the intro, or what to fix). */
export function formMessage(form: FormSpec, lead: string): Message {
  const fieldErrors = form.fields.filter((f) => f.error).map((f) => `${f.label}: ${f.error}`);
  return {
    blocks: [
      { type: 'text', markdown: lead },
      { type: 'form', form },
    ],
    fallback: [lead, ...fieldErrors].join('\n'),
  };
}
