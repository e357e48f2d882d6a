import { escapeMarkdown } from '../core/message.ts';
import type { VariableValue } from './flow-schema.ts';

/** What a template can refer to: `{{reasons}}`, `{{checklist}}`, `{{answers.<node>}}` and `{{<variable>}}`. */
export interface TemplateData {
  vars: Record<string, VariableValue>;
  answers: Record<string, string>;
  reasons: string[];
  checklist: string[];
}

/** One `{{name}}` or `{{name|default}}` reference found in a template. */
export interface TemplateRef {
  name: string;
  fallback?: string;
}

const REF = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]*)\s*(?:\|([^{}]*))?\}\}/g;

/** Every reference in a template, in order. */
export function templateRefs(template: string): TemplateRef[] {
  return [...template.matchAll(REF)].map((m) => ({ name: m[1] as string, ...(m[2] !== undefined ? { fallback: m[2].trim() } : {}) }));
}

/** True when the template has a `{{` or `}}` that is not part of a well-formed reference. */
export function hasMalformedRef(template: string): boolean {
  const rest = template.replace(REF, '');
  return rest.includes('{{') || rest.includes('}}');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** User- or answer-derived text made safe for Markdown: one line, syntax escaped. */
function safeInline(text: string): string {
  return escapeMarkdown(oneLine(text));
}

/** Notes a draft adds to free-text answers to come back to (trusted interface text): none given, or one word only. */
export interface AnswerMarks {
  missing: string;
  thin: string;
}

function isAnswerRef(name: string): boolean {
  return name.startsWith('answers.');
}

function lookup(name: string, data: TemplateData, inline: (text: string) => string, marks?: AnswerMarks): string | undefined {
  if (name === 'reasons') return data.reasons.length > 0 ? data.reasons.map((r) => `- ${r}`).join('\n') : undefined;
  if (name === 'checklist') {
    return data.checklist.length > 0 ? data.checklist.map((c, i) => `${i + 1}. ${c}`).join('\n') : undefined;
  }
  if (isAnswerRef(name)) {
    const answer = data.answers[name.slice('answers.'.length)];
    if (answer === undefined || answer.trim() === '') return undefined;
    // The user's words are kept exactly; a one-word answer only gets a note after it.
    const oneWord = answer.trim().split(/\s+/).length === 1;
    return marks && oneWord ? `${inline(answer)} _${marks.thin}_` : inline(answer);
  }
  const value = data.vars[name];
  return value === undefined ? undefined : inline(String(value));
}

/**
 * Substitutes references in trusted Markdown content. Variables and answers are escaped (they may be typed by the
 * user); reasons and checklist items are content from the flow and become Markdown lists. A missing value becomes
 * the reference's default (`{{name|default}}`, trusted content) or nothing. With `marks` (a draft), a free-text answer
 * of one word gets `marks.thin` after it, and a missing one without a default becomes `marks.missing`.
 */
export function renderTemplate(template: string, data: TemplateData, marks?: AnswerMarks): string {
  return template.replace(REF, (_whole, name: string, fallback: string | undefined) => {
    const value = lookup(name, data, safeInline, marks) ?? fallback?.trim();
    return value ?? (marks && isAnswerRef(name) ? `_${marks.missing}_` : '');
  });
}

/** Substitutes references in plain text (a heading): values go in as one line, unescaped; lists as in Markdown. */
export function renderPlainTemplate(template: string, data: TemplateData): string {
  return template.replace(REF, (_whole, name: string, fallback: string | undefined) => lookup(name, data, oneLine) ?? fallback?.trim() ?? '');
}
