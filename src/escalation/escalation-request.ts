import type { Urgency } from './office-hours.ts';

/** The form id of the consultant request (the JSON chat sends `{"form":"escalation","values":{…}}`). */
export const ESCALATION_FORM_ID = 'escalation';

/** The field ids of the request form, in the order they are asked. */
export const FIELD_IDS = ['topic', 'description', 'urgency', 'municipality', 'name', 'contact', 'consent'] as const;

/** One field id of the request form. */
export type FieldId = (typeof FIELD_IDS)[number];

/** The urgency choices, most urgent first. */
export const URGENCIES: readonly Urgency[] = ['urgent', 'days', 'none'];

/** Longest accepted value per text field. */
export const MAX_LENGTH: Record<Exclude<FieldId, 'urgency' | 'consent'>, number> = {
  topic: 150,
  description: 2000,
  municipality: 80,
  name: 120,
  contact: 150,
};

/** A valid, complete consultant request. */
export interface EscalationRequest {
  topic: string;
  description: string;
  urgency: Urgency;
  municipality: string;
  name: string;
  /** How to reach the requester: exactly one of them is set. */
  email?: string;
  phone?: string;
  consent: boolean;
}
