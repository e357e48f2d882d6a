import type { FormField, FormSpec } from '../../core/message.ts';
import { escapeHtml } from './escape-html.ts';
import type { WebStrings } from './web-strings.ts';

/** Makes a string safe to use inside an HTML id (letters, digits, `-` and `_` only). */
export function domId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
}

function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

function control(field: FormField, id: string, describedBy: string): string {
  const common = `id="${id}" name="${escapeHtml(field.id)}"${field.required ? ' required aria-required="true"' : ''}${
    field.error ? ' aria-invalid="true"' : ''
  }${describedBy ? ` aria-describedby="${describedBy}"` : ''}`;
  const text = typeof field.value === 'string' ? field.value : '';
  switch (field.type) {
    case 'textarea':
      return `<textarea ${common} rows="4"${attr('maxlength', field.maxLength)}${attr('placeholder', field.placeholder)}>${escapeHtml(text)}</textarea>`;
    case 'select': {
      const options = (field.options ?? [])
        .map((o) => `<option value="${escapeHtml(o.value)}"${o.value === text ? ' selected' : ''}>${escapeHtml(o.label)}</option>`)
        .join('');
      return `<select ${common}>${field.required && text === '' ? '<option value=""></option>' : ''}${options}</select>`;
    }
    case 'checkbox':
      return `<input type="checkbox" ${common} value="true"${field.value === true ? ' checked' : ''}>`;
    case 'text':
    case 'email':
      return `<input type="${field.type}" ${common} value="${escapeHtml(text)}"${attr('maxlength', field.maxLength)}${attr('placeholder', field.placeholder)}${
        field.type === 'email' ? ' autocomplete="email"' : ''
      }>`;
  }
}

function fieldHtml(field: FormField, formDomId: string, s: WebStrings): string {
  const id = domId(formDomId, field.id);
  const hintId = field.hint ? `${id}-hint` : '';
  const errorId = field.error ? `${id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const marker = field.required
    ? ` <span class="required" aria-hidden="true">*</span><span class="visually-hidden"> (${escapeHtml(s.required)})</span>`
    : '';
  const label = `<label for="${id}">${escapeHtml(field.label)}${marker}</label>`;
  const hint = field.hint ? `<p class="hint" id="${hintId}">${escapeHtml(field.hint)}</p>` : '';
  const error = field.error ? `<p class="error" id="${errorId}">${escapeHtml(field.error)}</p>` : '';
  const input = control(field, id, describedBy);
  const body = field.type === 'checkbox' ? `${input} ${label}${hint}${error}` : `${label}${hint}${error}${input}`;
  return `<div class="field field-${field.type}${field.error ? ' has-error' : ''}">${body}</div>`;
}

/** Renders a form as a real <form> with labels, required markers, hints and error texts; the page script posts it. */
export function renderFormHtml(form: FormSpec, idPrefix: string, s: WebStrings): string {
  const formDomId = domId(idPrefix, 'form', form.id);
  const titleId = `${formDomId}-title`;
  const note = form.fields.some((f) => f.required) ? `<p class="hint">${escapeHtml(s.requiredNote)}</p>` : '';
  return (
    `<form class="bot-form" data-form-id="${escapeHtml(form.id)}" aria-labelledby="${titleId}">` +
    `<h3 id="${titleId}">${escapeHtml(form.title)}</h3>${note}` +
    form.fields.map((f) => fieldHtml(f, formDomId, s)).join('') +
    `<button type="submit" class="primary">${escapeHtml(form.submitLabel)}</button></form>`
  );
}
