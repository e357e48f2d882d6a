import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ConversationState } from '../shared/conversation-state.ts';
import { redact } from '../core/redact.ts';
import type { Turn } from '../core/turn.ts';
import type { EscalationCase } from '../store/records.ts';
import { messagesOf, type CaseMessage } from './case-messages.ts';
import type { EscalationRequest } from './escalation-request.ts';
import { expectedAnswerBy } from './office-hours.ts';

const channelSchema = z.enum(['slack', 'teams', 'console', 'web']);

/** Where to post back into the requester's conversation (adapters may pack what they need into conversationId). */
export const conversationReferenceSchema = z.object({
  channel: channelSchema,
  conversationId: z.string(),
  userId: z.string(),
  locale: z.enum(['da', 'en']),
  /** What the platform itself needs to write into the conversation later (e.g. Teams' serviceUrl), opaque to the core. */
  platform: z.record(z.string(), z.unknown()).optional(),
});

/** A reference to the requester's original conversation, for later replies. */
export type ConversationReference = z.infer<typeof conversationReferenceSchema>;

const historySchema = z.object({ status: z.enum(['new', 'claimed', 'resolved']), at: z.string(), by: z.string().optional() });

/** The shape of an escalation case's stored payload. */
export const casePayloadSchema = z.object({
  submissionKey: z.string(),
  topic: z.string(),
  description: z.string(),
  urgency: z.enum(['urgent', 'days', 'none']),
  municipality: z.string(),
  contact: z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }),
  consent: z.boolean(),
  transcript: z.array(z.object({ at: z.string(), from: z.enum(['user', 'bot']), text: z.string(), kind: z.enum(['button', 'form']).optional() })),
  requester: z.object({ platform: channelSchema, userId: z.string(), name: z.string().optional(), conversationId: z.string(), reference: conversationReferenceSchema }),
  expectedBy: z.string(),
  history: z.array(historySchema),
  claimedBy: z.string().optional(),
  resolvedBy: z.string().optional(),
  /** The consultant channels (outbox kinds) the case was sent to; empty when there was none (absent in older cases). */
  routes: z.array(z.string()).optional(),
  /** True for a case registered with no consultant channel and sent on later: its requester was promised no time. */
  forwardedLater: z.boolean().optional(),
});

/** What a case holds: the request, the requester, the redacted transcript (with consent) and its history. */
export type CasePayload = z.infer<typeof casePayloadSchema>;

/** How one notification of a case fared (kept in the case under `delivery:<kind>:<event>` so `cases show` sees it). */
export const deliveryRecordSchema = z.object({
  status: z.enum(['sent', 'retrying', 'failed']),
  attempts: z.number(),
  at: z.string(),
  lastError: z.string().optional(),
});

/** One notification's delivery status. */
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

/** The payload key prefix of delivery records. */
export const DELIVERY_PREFIX = 'delivery:';

/** An escalation case with its payload read and checked, how its notifications fared, and its exchange of messages. */
export interface CaseView {
  case: EscalationCase;
  payload: CasePayload;
  deliveries: (DeliveryRecord & { notification: string })[];
  messages: CaseMessage[];
}

/** Reads a stored case's payload; throws naming the case when it does not have the expected shape. */
export function readCase(stored: EscalationCase): CaseView {
  const parsed = casePayloadSchema.safeParse(stored.payload);
  if (!parsed.success) throw new Error(`Case ${stored.number} has an unreadable payload (${parsed.error.issues[0]?.message ?? 'invalid'}); inspect it in the database.`);
  const deliveries = Object.entries(stored.payload).flatMap(([key, value]) => {
    const record = key.startsWith(DELIVERY_PREFIX) ? deliveryRecordSchema.safeParse(value) : undefined;
    return record?.success ? [{ notification: key.slice(DELIVERY_PREFIX.length), ...record.data }] : [];
  });
  return { case: stored, payload: parsed.data, deliveries, messages: messagesOf(stored.payload) };
}

/** The requester's conversation of a stored case, when its payload names one (an erasure deletes it with the case). */
export function requesterConversationOf(stored: EscalationCase): string | undefined {
  const parsed = casePayloadSchema.safeParse(stored.payload);
  return parsed.success ? parsed.data.requester.conversationId : undefined;
}

/** The same key for the same submission in the same conversation (a retried turn or a double click opens one case). */
export function submissionKey(conversationId: string, request: EscalationRequest): string {
  const canonical = JSON.stringify([conversationId, request.topic, request.description, request.urgency, request.municipality, request.name, request.email ?? '', request.phone ?? '', request.consent]);
  return `esc-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

/**
 * Builds a case's payload from a valid request; free text, the name and municipality typed and the transcript are
 * redacted (the contact's own e-mail kept; their phone is kept in its own field).
 */
export function buildCasePayload(turn: Turn, state: ConversationState, request: EscalationRequest, now: Date): CasePayload {
  const keepEmails = request.email ? [request.email] : [];
  const clean = (text: string) => redact(text, { keepEmails });
  const reference: ConversationReference = { channel: turn.channel, conversationId: turn.conversationId, userId: turn.user.id, locale: turn.user.locale };
  const contact: CasePayload['contact'] = { name: clean(request.name) };
  if (request.email) contact.email = request.email;
  if (request.phone) contact.phone = request.phone;
  const requester: CasePayload['requester'] = { platform: turn.channel, userId: turn.user.id, conversationId: turn.conversationId, reference };
  if (turn.user.name) requester.name = turn.user.name;
  return {
    submissionKey: submissionKey(turn.conversationId, request),
    topic: clean(request.topic),
    description: clean(request.description),
    urgency: request.urgency,
    municipality: clean(request.municipality),
    contact,
    consent: request.consent,
    transcript: request.consent ? state.transcript.map((t) => ({ at: t.at, from: t.from, text: clean(t.text), ...(t.kind ? { kind: t.kind } : {}) })) : [],
    requester,
    expectedBy: expectedAnswerBy(now, request.urgency).toISOString(),
    history: [{ status: 'new', at: now.toISOString() }],
  };
}
