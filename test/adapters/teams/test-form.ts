import type { FormSpec } from '../../../src/core/message.ts';

/** A form with one field of each kind, standing in for the escalation request until that issue lands. */
export function testForm(error?: string): FormSpec {
  return {
    id: 'test-form',
    title: 'Testformular',
    submitLabel: 'Send',
    fields: [
      { id: 'topic', label: 'Emne', type: 'text', required: true, maxLength: 200, ...(error ? { error } : {}) },
      { id: 'details', label: 'Detaljer', type: 'textarea', required: false, hint: 'Skriv ikke personoplysninger.' },
      { id: 'email', label: 'E-mail', type: 'email', required: false },
      { id: 'area', label: 'Område', type: 'select', required: true, options: [{ value: 'crisis', label: 'Krise' }, { value: 'other', label: 'Andet' }] },
      { id: 'urgent', label: 'Haster', type: 'checkbox', required: false },
    ],
  };
}
