import { matchLabel } from '../dialogs/answer-match.ts';
import type { FormField, FormSpec } from '../core/message.ts';
import type { Locale } from '../shared/locale.ts';
import { chatStrings, type ChatStrings } from './chat-strings.ts';

/** What prompting a form gave: the values to submit, "cancel" when the user typed stop, or "ended" when input ran out. */
export type PromptResult = { kind: 'values'; values: Record<string, string | boolean> } | { kind: 'cancel' } | { kind: 'ended' };

const CANCEL = /^\s*(stop|afbryd|annuller|cancel)\s*$/i;

/**
 * Asks for each field of a form in turn in the terminal, in the user's language (Enter keeps a prefilled value); the
 * answers go back as one form turn.
 */
export async function promptForm(form: FormSpec, readLine: () => Promise<string | undefined>, output: NodeJS.WritableStream, locale: Locale): Promise<PromptResult> {
  const s = chatStrings(locale);
  const values: Record<string, string | boolean> = {};
  output.write(`${s.formHint}\n`);
  for (const field of form.fields) {
    // a choice field is asked again, with the choices named, until it gets one of them (or nothing)
    for (let problem: string | undefined; ; problem = notAnOption(field, s)) {
      output.write(`${question(field, s, problem)}\n> `);
      const line = await readLine();
      if (line === undefined) return { kind: 'ended' };
      if (CANCEL.test(line)) return { kind: 'cancel' };
      const value = fieldValue(field, line.trim());
      if (value === undefined) continue;
      values[field.id] = value;
      break;
    }
  }
  return { kind: 'values', values };
}

/** The value an answer gives a field; undefined when a choice field gets text that is none of its choices. */
function fieldValue(field: FormField, answer: string): string | boolean | undefined {
  if (answer === '' && field.value !== undefined) return field.value;
  if (field.type === 'checkbox') return /^(j|ja|y|yes|1|true)$/i.test(answer);
  if (field.type === 'select' && answer !== '') return pickOption(field, answer);
  return answer;
}

function notAnOption(field: FormField, s: ChatStrings): string {
  return s.notAnOption((field.options ?? []).map((o) => o.label));
}

function question(field: FormField, s: ChatStrings, problem: string | undefined): string {
  const parts = [`${field.label}${field.required ? ' *' : ''}`];
  const error = problem ?? field.error;
  if (error) parts.push(`  ! ${error}`);
  if (field.hint) parts.push(`  ${field.hint}`);
  if (field.type === 'select') parts.push(...(field.options ?? []).map((o, i) => `  [${i + 1}] ${o.label}`));
  if (field.type === 'checkbox') parts.push(`  ${s.yesNoHint}`);
  if (field.value !== undefined && field.value !== '') parts.push(`  [${displayValue(field, s)}]`);
  return parts.join('\n');
}

function displayValue(field: FormField, s: ChatStrings): string {
  if (field.type === 'checkbox') return field.value === true ? s.yes : s.no;
  if (field.type === 'select') return field.options?.find((o) => o.value === field.value)?.label ?? String(field.value);
  return String(field.value);
}

/**
 * The option an answer names: by its number, its value, or its label as a guide's buttons are matched (any case and
 * punctuation, the key word before " – " alone: "akut"; a close misspelling); undefined for anything else.
 */
function pickOption(field: FormField, answer: string): string | undefined {
  const options = field.options ?? [];
  const byNumber = /^\d+$/.test(answer) ? options[Number(answer) - 1] : undefined;
  const byValue = options.find((o) => o.value === answer);
  const labelIndex = matchLabel(answer, options.map((o) => [o.label]), true);
  return (byNumber ?? byValue ?? (labelIndex === undefined ? undefined : options[labelIndex]))?.value;
}
