import { z } from 'zod';
import { MAX_INPUT_CHARS } from '../../core/bot.ts';
import type { TurnInput } from '../../core/turn.ts';
import type { Locale } from '../../shared/locale.ts';

const MAX_FORM_VALUE_CHARS = 10_000;

/** A conversation id chosen by the browser (kept in its localStorage). */
export const browserConversationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, - or _');

const inputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().max(MAX_INPUT_CHARS * 4) }),
  z.strictObject({ kind: z.literal('action'), actionId: z.string().min(1).max(200) }),
  z.strictObject({
    kind: z.literal('form'),
    formId: z.string().min(1).max(200),
    values: z.record(z.string().max(100), z.union([z.string().max(MAX_FORM_VALUE_CHARS), z.boolean()])),
  }),
]);

/** The body of `POST /playground/api/turn`: a browser-chosen conversation id, the page language and one input. */
export const turnRequestSchema = z.strictObject({
  conversationId: browserConversationId,
  locale: z.enum(['da', 'en']).optional(),
  input: inputSchema,
  /** The page's own greeting ("menu" on a new conversation): its reply is kept in the history, the input is not. */
  silent: z.boolean().optional(),
});

/** A validated turn request. */
export interface TurnRequest {
  conversationId: string;
  locale?: Locale;
  input: TurnInput;
  silent?: boolean;
}

/** Validates a turn request body; returns the request or a message saying what is wrong. */
export function parseTurnRequest(body: unknown): { request: TurnRequest } | { error: string } {
  const result = turnRequestSchema.safeParse(body);
  if (result.success) return { request: result.data };
  return { error: result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
}
