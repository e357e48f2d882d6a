import { z } from 'zod';
import { storableText } from '../core/sanitise-input.ts';
import { redactPersonalData, type PersonalDataKind } from '../core/redact.ts';

/** Longest message accepted in a case's exchange, either way (longer ones are refused, not cut). */
export const MAX_CASE_MESSAGE_CHARS = 2000;

/** Most messages one case holds; further ones are refused (the case should be handled by phone or e-mail by then). */
export const MAX_CASE_MESSAGES = 100;

/** The payload key prefix of a case's messages: one key per message, so concurrent writers never overwrite each other. */
export const MESSAGE_PREFIX = 'message:';

/** Where a case message was written: a consultant in the terminal, the Slack or Teams inbox, or the requester. */
export const messageSourceSchema = z.enum(['cli', 'slack-inbox', 'teams-inbox', 'requester']);

/** One message in the exchange between the consultant and the requester (text redacted, at most MAX_CASE_MESSAGE_CHARS). */
export const caseMessageSchema = z.object({
  id: z.string(),
  from: z.enum(['consultant', 'requester']),
  /** The consultant's display name (absent for the requester). */
  by: z.string().optional(),
  text: z.string(),
  at: z.string(),
  /** Its place in the exchange (1, 2, …), for two messages written in the same millisecond (absent in older cases). */
  seq: z.number().int().positive().optional(),
  source: messageSourceSchema,
});

/** A message of a case's exchange. */
export type CaseMessage = z.infer<typeof caseMessageSchema>;

/** Where a case message came from. */
export type MessageSource = z.infer<typeof messageSourceSchema>;

/** Why a message could not be added to a case. */
export type MessageRefusal = 'not-found' | 'resolved' | 'empty' | 'too-long' | 'not-requester' | 'full';

/** Reads the messages stored in a case payload, oldest first. */
export function messagesOf(payload: Record<string, unknown>): CaseMessage[] {
  return Object.entries(payload)
    .flatMap(([key, value]) => {
      const parsed = key.startsWith(MESSAGE_PREFIX) ? caseMessageSchema.safeParse(value) : undefined;
      return parsed?.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.at.localeCompare(b.at) || (a.seq ?? 0) - (b.seq ?? 0) || a.id.localeCompare(b.id));
}

/** A message as it will be stored, with the kinds of personal data taken out of it; or why it is refused. */
export type CleanedMessage = { text: string; removed: PersonalDataKind[] } | { refused: 'empty' | 'too-long' };

/** Cleans a message before it is stored: control characters out, whitespace trimmed, personal data redacted; or why it is refused. */
export function cleanMessage(raw: string): CleanedMessage {
  const text = storableText(raw).trim();
  if (text === '') return { refused: 'empty' };
  if (text.length > MAX_CASE_MESSAGE_CHARS) return { refused: 'too-long' };
  const redacted = redactPersonalData(text);
  return { text: redacted.text, removed: redacted.found };
}
