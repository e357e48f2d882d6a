/** The data an Action.Submit carries back: a choice id, or a form id (Teams merges the input values into it). */
export const submitData = {
  /** Data for a button: `{choice: id}`. */
  choice: (id: string): Record<string, unknown> => ({ choice: id }),
  /** Data for a form's submit button; `checkboxes` lists the Input.Toggle ids so their "true"/"false" become booleans. */
  form: (formId: string, checkboxes: string[]): Record<string, unknown> =>
    checkboxes.length > 0 ? { form: formId, checkboxes } : { form: formId },
};

/** A submitted card, read back from an activity's `value`. */
export type CardSubmit =
  | { kind: 'choice'; choiceId: string }
  | { kind: 'form'; formId: string; values: Record<string, string | boolean> };

const RESERVED = new Set(['form', 'checkboxes', 'choice', 'msteams']);

/** Reads an Action.Submit payload back into a choice or a form submission; undefined when it is neither. */
export function readSubmit(value: unknown): CardSubmit | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  if (typeof data.choice === 'string' && data.choice !== '') return { kind: 'choice', choiceId: data.choice };
  if (typeof data.form !== 'string' || data.form === '') return undefined;
  const checkboxes = new Set(Array.isArray(data.checkboxes) ? data.checkboxes.filter((c): c is string => typeof c === 'string') : []);
  const values: Record<string, string | boolean> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (RESERVED.has(key)) continue;
    if (checkboxes.has(key)) values[key] = raw === true || raw === 'true';
    else if (typeof raw === 'string') values[key] = raw;
    else if (typeof raw === 'boolean' || typeof raw === 'number') values[key] = String(raw);
  }
  for (const id of checkboxes) values[id] ??= false;
  return { kind: 'form', formId: data.form, values };
}
