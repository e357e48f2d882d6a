import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { FormField, FormSpec } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import { escapeClipped } from './escape-text.ts';
import { SLACK_LIMITS as L } from './slack-limits.ts';
import { slackStrings } from './slack-strings.ts';

/** The callback id of every form modal this app opens. */
export const FORM_CALLBACK_ID = 'some-form';
const ACTION_ID = 'value';
const CHECKED = 'checked';

const fieldSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(['text', 'textarea', 'email', 'select', 'checkbox']),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  value: z.union([z.string(), z.boolean()]).optional(),
  placeholder: z.string().optional(),
  hint: z.string().optional(),
  error: z.string().optional(),
  maxLength: z.number().optional(),
});
const formSchema = z.object({ id: z.string(), title: z.string(), submitLabel: z.string(), fields: z.array(fieldSchema) });

/** Serialises a form spec into a button value (≤ 2,000 characters; hints and placeholders go first when it is too long). */
export function encodeFormSpec(form: FormSpec): string {
  const full = JSON.stringify(form);
  if (full.length <= L.buttonValue) return full;
  return JSON.stringify({ ...form, fields: form.fields.map(({ hint: _h, placeholder: _p, ...rest }) => rest) });
}

/** Reads a form spec back from a button value; undefined when it is not one. */
export function decodeFormSpec(value: string): FormSpec | undefined {
  try {
    const parsed = formSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the modal for a form; `privateMetadata` says where the answer goes (≤ 3,000 characters). */
export function formModal(form: FormSpec, locale: Locale, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    private_metadata: privateMetadata.slice(0, L.privateMetadata),
    title: { type: 'plain_text', text: escapeClipped(form.title, L.modalTitle) },
    submit: { type: 'plain_text', text: escapeClipped(form.submitLabel, L.modalTitle) },
    close: { type: 'plain_text', text: escapeClipped(slackStrings(locale).cancel, L.modalTitle) },
    blocks: form.fields.map(inputBlock),
  };
}

/** The block id a field's input lives in (errors are keyed by it). */
export function fieldBlockId(fieldId: string): string {
  return `field:${fieldId}`;
}

function inputBlock(field: FormField): types.InputBlock {
  const block: types.InputBlock = {
    type: 'input',
    block_id: fieldBlockId(field.id),
    optional: !field.required,
    label: { type: 'plain_text', text: escapeClipped(field.label, L.inputLabel) },
    element: inputElement(field),
  };
  if (field.hint) block.hint = { type: 'plain_text', text: escapeClipped(field.hint, L.inputLabel) };
  return block;
}

function inputElement(field: FormField): types.InputBlock['element'] {
  const placeholder = field.placeholder ? { type: 'plain_text' as const, text: escapeClipped(field.placeholder, L.placeholder) } : undefined;
  const text = typeof field.value === 'string' && field.value !== '' ? field.value : undefined;
  switch (field.type) {
    case 'select': {
      const options = (field.options ?? []).map((o) => ({ text: { type: 'plain_text' as const, text: escapeClipped(o.label, L.optionText) }, value: o.value }));
      const initial = options.find((o) => o.value === text);
      return { type: 'static_select', action_id: ACTION_ID, options, ...(initial ? { initial_option: initial } : {}), ...(placeholder ? { placeholder } : {}) };
    }
    case 'checkbox': {
      const option = { text: { type: 'mrkdwn' as const, text: escapeClipped(field.label, L.inputLabel) }, value: CHECKED };
      return { type: 'checkboxes', action_id: ACTION_ID, options: [option], ...(field.value === true ? { initial_options: [option] } : {}) };
    }
    case 'email':
      return { type: 'email_text_input', action_id: ACTION_ID, ...(text ? { initial_value: text } : {}), ...(placeholder ? { placeholder } : {}) };
    case 'text':
    case 'textarea':
      return {
        type: 'plain_text_input',
        action_id: ACTION_ID,
        multiline: field.type === 'textarea',
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(text ? { initial_value: text } : {}),
        ...(placeholder ? { placeholder } : {}),
      };
  }
}

/** One submitted input as Slack sends it in `view.state.values`. */
export interface SubmittedInput {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}

/** Reads the submitted values of a form modal back into `{ fieldId: value }` (checkboxes become booleans). */
export function readSubmission(values: Record<string, Record<string, SubmittedInput>>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    if (!blockId.startsWith('field:')) continue;
    const input = actions[ACTION_ID];
    if (!input) continue;
    const id = blockId.slice('field:'.length);
    if (input.type === 'checkboxes') out[id] = (input.selected_options ?? []).some((o) => o.value === CHECKED);
    else if (input.type === 'static_select') out[id] = input.selected_option?.value ?? '';
    else out[id] = input.value ?? '';
  }
  return out;
}

/** The field errors of a form, keyed by block id, for `response_action: "errors"`; empty when there are none. */
export function formErrors(form: FormSpec): Record<string, string> {
  return Object.fromEntries(form.fields.filter((f) => f.error).map((f) => [fieldBlockId(f.id), f.error ?? '']));
}
