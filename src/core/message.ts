/** A button the user can press; `id` comes back as a `{ kind: 'action' }` turn. */
export interface Choice {
  id: string;
  label: string;
  style?: 'primary' | 'danger';
}

/** One field of a form. `value` prefills it; `error` is a validation message to show next to it. */
export interface FormField {
  id: string;
  label: string;
  type: 'text' | 'textarea' | 'email' | 'select' | 'checkbox';
  required: boolean;
  options?: { value: string; label: string }[];
  value?: string | boolean;
  placeholder?: string;
  hint?: string;
  error?: string;
  maxLength?: number;
}

/** A form the user fills in and submits as one `{ kind: 'form' }` turn. */
export interface FormSpec {
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

/** A link with a title (used for sources and related material). */
export interface Link {
  title: string;
  url: string;
}

/** A label/value pair (case number, urgency …). */
export interface Fact {
  label: string;
  value: string;
}

/**
 * One block of a message. `text.markdown` uses the content-style Markdown subset and is trusted content;
 * user-typed text must be escaped with `escapeMarkdown` before it is put into it.
 */
export type Block =
  | { type: 'text'; markdown: string }
  | { type: 'heading'; text: string }
  | { type: 'choices'; prompt?: string; choices: Choice[] }
  | { type: 'facts'; facts: Fact[] }
  | { type: 'links'; title?: string; links: Link[] }
  | { type: 'form'; form: FormSpec }
  | { type: 'divider' }
  | { type: 'context'; text: string };

/** A reply: a small tree of blocks plus a plain-text fallback for notifications and simple clients. */
export interface Message {
  blocks: Block[];
  fallback: string;
}

/**
 * A web address in typed text with the punctuation that may follow it ("….", "…)"): both are left as typed, as every
 * renderer's linker leaves such punctuation out of the link but would take an escaping backslash into it.
 */
const TYPED_URL = /https?:\/\/[^\s<>()[\]{}"'`]+?[.,;:!?)\]]*(?=\s|$)/g;

/**
 * Escapes Markdown syntax in user-typed text so it renders literally wherever it is echoed. A web address is left as
 * typed, so every renderer links it as it is (escaped, "https://www\\.kl\\.dk" became a link to "www/.kl/.dk").
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let at = 0;
  for (const url of text.matchAll(TYPED_URL)) {
    out += escapeSyntax(text.slice(at, url.index)) + url[0];
    at = url.index + url[0].length;
  }
  return out + escapeSyntax(text.slice(at));
}

function escapeSyntax(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);
}
