import type { FormField, FormSpec } from '../core/message.ts';

/** What prompting a form gave: the values to submit, "cancel" when the user typed stop, or "ended" when input ran out. */
export type PromptResult = { kind: 'values'; values: Record<string, string | boolean> } | { kind: 'cancel' } | { kind: 'ended' };

const CANCEL = /^\s*(stop|afbryd|annuller|cancel)\s*$/i;

/** Asks for each field of a form in turn in the terminal (Enter keeps a prefilled value); the answers go back as one form turn. */
export async function promptForm(form: FormSpec, readLine: () => Promise<string | undefined>, output: NodeJS.WritableStream): Promise<PromptResult> {
  const values: Record<string, string | boolean> = {};
  output.write('(Skriv "stop" for at afbryde. Tryk Enter for at beholde en forudfyldt værdi.)\n');
  for (const field of form.fields) {
    output.write(`${question(field)}\n> `);
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

function question(field: FormField): string {
  const parts = [`${field.label}${field.required ? ' *' : ''}`];
  if (field.error) parts.push(`  ! ${field.error}`);
  if (field.hint) parts.push(`  ${field.hint}`);
  if (field.type === 'select') parts.push(...(field.options ?? []).map((o, i) => `  [${i + 1}] ${o.label}`));
  if (field.type === 'checkbox') parts.push('  (j/n)');
  if (field.value !== undefined && field.value !== '') parts.push(`  [${displayValue(field)}]`);
  return parts.join('\n');
}

function displayValue(field: FormField): string {
  if (field.type === 'checkbox') return field.value === true ? 'j' : 'n';
  if (field.type === 'select') return field.options?.find((o) => o.value === field.value)?.label ?? String(field.value);
  return String(field.value);
}

function pickOption(field: FormField, answer: string): string {
  const options = field.options ?? [];
  const byNumber = /^\d+$/.test(answer) ? options[Number(answer) - 1] : undefined;
  const byText = options.find((o) => o.value === answer || o.label.toLowerCase() === answer.toLowerCase());
  return (byNumber ?? byText)?.value ?? answer;
}
