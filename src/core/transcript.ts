import { stringsFor } from '../i18n/strings.ts';
import type { Offered, OfferedForm, TranscriptEntry } from '../shared/conversation-state.ts';
import type { FormSpec, Message } from './message.ts';
import { redactPersonalData } from './redact.ts';
import type { TurnInput } from './turn.ts';
import type { Locale } from '../shared/locale.ts';

/** Most button labels and forms remembered (the newest win), so the state stays small. */
const MAX_OFFERED_CHOICES = 40;
const MAX_OFFERED_FORMS = 4;
/** A form is summarised on one line: each value clipped, the whole line clipped. */
const MAX_FORM_VALUE_CHARS = 60;
const MAX_SUMMARY_CHARS = 300;

/** Adds the buttons and forms of `messages` to what was offered before (the oldest dropped past the bounds). */
export function rememberOffered(previous: Offered | undefined, messages: Message[]): Offered {
  const choices = { ...previous?.choices };
  const forms = { ...previous?.forms };
  for (const block of messages.flatMap((m) => m.blocks)) {
    if (block.type === 'choices') {
      for (const choice of block.choices) {
        delete choices[choice.id];
        choices[choice.id] = choice.label;
      }
    } else if (block.type === 'form') {
      delete forms[block.form.id];
      forms[block.form.id] = offeredForm(block.form);
    }
  }
  return { choices: newest(choices, MAX_OFFERED_CHOICES), forms: newest(forms, MAX_OFFERED_FORMS) };
}

/**
 * How a user's turn reads in a transcript: typed text as typed, a button as its label (from the offered buttons, else
 * from `labelOf`, e.g. a guide's title), a form as a one-line summary (redacted).
 */
export function describeInput(input: TurnInput, offered: Offered | undefined, locale: Locale, labelOf?: (actionId: string) => string | undefined): Pick<TranscriptEntry, 'text' | 'kind'> {
  const s = stringsFor(locale);
  if (input.kind === 'text') return { text: input.text };
  if (input.kind === 'action') return { text: offered?.choices[input.actionId] ?? labelOf?.(input.actionId) ?? s.unknownButton, kind: 'button' };
  const form = offered?.forms[input.formId];
  if (!form) return { text: s.formSent(s.unknownForm), kind: 'form' };
  const parts = form.fields.flatMap((field) => {
    const raw = input.values[field.id];
    if (raw === undefined || raw === '') return [];
    // redacted before it is clipped: a clip first leaves the start of a phone number or an e-mail address ("tlf 41 22 33 …")
    // that redaction no longer recognises
    const value = typeof raw === 'boolean' ? (raw ? s.yes : s.no) : (field.options?.[raw] ?? clip(redactPersonalData(raw.replace(/\s+/g, ' ').trim()).text, MAX_FORM_VALUE_CHARS));
    return [`${field.label}: ${value}`];
  });
  const summary = [s.formSent(form.title), ...parts].join(' · ');
  return { text: clip(redactPersonalData(summary).text, MAX_SUMMARY_CHARS), kind: 'form' };
}

function offeredForm(form: FormSpec): OfferedForm {
  return {
    title: form.title,
    fields: form.fields.map((f) => ({
      id: f.id,
      label: f.label,
      type: f.type,
      ...(f.options ? { options: Object.fromEntries(f.options.map((o) => [o.value, o.label])) } : {}),
    })),
  };
}

/** Keeps the last `max` entries of a record in insertion order. */
function newest<T>(record: Record<string, T>, max: number): Record<string, T> {
  const entries = Object.entries(record);
  return entries.length <= max ? record : Object.fromEntries(entries.slice(-max));
}

/** Cuts text to `max` characters, ending with "…" when it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
