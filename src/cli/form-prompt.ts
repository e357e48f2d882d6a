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
    output.write(`${question(field, s)}\n> `);
    const line = await readLine();
    if (line === undefined) return { kind: 'ended' };
    if (CANCEL.test(line)) return { kind: 'cancel' };
    const answer = line.trim();
    if (answer === '' && field.value !== undefined) values[field.id] = field.value;
    else if (field.type === 'checkbox') values[field.id] = /^(j|ja|y|yes|1|true)$/i.test(answer);
    else if (field.type === 'select') values[field.id] = pickOption(field, answer);
    else values[field.id] = answer;
  }
  return { kind: 'values', values };
}

function question(field: FormField, s: ChatStrings): string {
  const parts = [`${field.label}${field.required ? ' *' : ''}`];
  if (field.error) parts.push(`  ! ${field.error}`);
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

function pickOption(field: FormField, answer: string): string {
  const options = field.options ?? [];
  const byNumber = /^\d+$/.test(answer) ? options[Number(answer) - 1] : undefined;
  const byText = options.find((o) => o.value === answer || o.label.toLowerCase() === answer.toLowerCase());
  return (byNumber ?? byText)?.value ?? answer;
}
