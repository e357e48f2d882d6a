import { z } from 'zod';
import type { Block, Message } from '../../core/message.ts';
import { redact } from '../../core/redact.ts';
import type { Locale } from '../../shared/locale.ts';
import type { LogKind } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { renderHtml } from './render-html.ts';

/** Entries kept per playground conversation (older ones are dropped as new ones come); they expire after STATE_TTL_DAYS. */
export const HISTORY_KEEP = 200;

/** The playground's conversation id as the core and the store know it. */
export function webConversationId(browserId: string): string {
  return `web:${browserId}`;
}

/**
 * One history entry for the page, with when it was written (ISO 8601): the user's words, or a reply or notification as
 * server-rendered (escaped) HTML; a notification names the case it is about when that was known as it was written.
 */
export type HistoryEntry =
  | { seq: number; at: string; kind: 'user'; text: string }
  | { seq: number; at: string; kind: Exclude<LogKind, 'user'>; html: string[]; caseNumber?: string };

const messagesSchema = z.object({
  messages: z.array(z.custom<Message>((v) => typeof v === 'object' && v !== null && 'blocks' in v && 'fallback' in v)),
  caseNumber: z.string().optional(),
});
const textSchema = z.object({ text: z.string() });

/** Writes one turn to the history: what the user said (as the transcript tells it) and the replies, both redacted. */
export async function recordTurn(store: Store, conversationId: string, said: string | undefined, messages: Message[]): Promise<void> {
  await store.appendConversationLog(
    conversationId,
    [...(said ? [{ kind: 'user' as const, payload: { text: redact(said) } }] : []), { kind: 'bot' as const, payload: { messages: messages.map(redactMessage) } }],
    HISTORY_KEEP,
  );
}

/** Writes a notification (a consultant's reply, a claimed or closed case) and the number of its case to the history, once per idempotency key. */
export async function recordNotification(store: Store, conversationId: string, messages: Message[], key: string, caseNumber?: string): Promise<void> {
  const payload = { messages: messages.map(redactMessage), ...(caseNumber ? { caseNumber } : {}) };
  await store.appendConversationLog(conversationId, [{ kind: 'notification', key, payload }], HISTORY_KEEP);
}

/** The history after `afterSeq` (all of it from 0), rendered for the page in `locale`. */
export async function readHistory(store: Store, conversationId: string, afterSeq: number, locale: Locale, idPrefix: string): Promise<HistoryEntry[]> {
  const entries = await store.readConversationLog(conversationId, afterSeq, HISTORY_KEEP);
  return entries.flatMap((entry): HistoryEntry[] => {
    const at = entry.at.toISOString();
    if (entry.kind === 'user') {
      const said = textSchema.safeParse(entry.payload);
      return said.success ? [{ seq: entry.seq, at, kind: 'user', text: said.data.text }] : [];
    }
    const replies = messagesSchema.safeParse(entry.payload);
    if (!replies.success) return [];
    const html = replies.data.messages.map((m, i) => renderHtml(m, { locale, idPrefix: `${idPrefix}-${entry.seq}-${i}` }));
    const caseNumber = entry.kind === 'notification' && replies.data.caseNumber ? { caseNumber: replies.data.caseNumber } : {};
    return [{ seq: entry.seq, at, kind: entry.kind, html, ...caseNumber }];
  });
}

/**
 * A message with the personal data it may carry removed: the values of its form fields (a prefilled or re-shown form
 * holds the user's own e-mail or phone). Its other text is the bot's content or the user's words, which the bot redacts
 * before it echoes them, so an operator's on-call number in URGENT_CONTACT_TEXT survives a reload.
 */
export function redactMessage(message: Message): Message {
  return { blocks: message.blocks.map(redactFormValues), fallback: message.fallback };
}

function redactFormValues(block: Block): Block {
  if (block.type !== 'form') return block;
  return { ...block, form: { ...block.form, fields: block.form.fields.map((f) => (typeof f.value === 'string' ? { ...f, value: redact(f.value) } : f)) } };
}
