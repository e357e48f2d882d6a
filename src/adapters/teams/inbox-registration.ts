import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import { z } from 'zod';
import { TEAMS_INBOX_SETTING } from '../../escalation/escalation-module.ts';
import type { Store } from '../../store/store.ts';
import { storedReferenceSchema } from './stored-reference.ts';

const registrationSchema = z.object({
  reference: storedReferenceSchema,
  /** The channel's own id (without a thread's `;messageid=`), to recognise clicks from the inbox. */
  channel: z.string(),
  registeredBy: z.string(),
  registeredAt: z.string(),
});

/** The Teams channel registered as consultant inbox. */
export type InboxRegistration = z.infer<typeof registrationSchema>;

/** The Teams channel an activity came from (a thread's `;messageid=…` removed), or undefined outside a channel. */
export function channelOf(activity: Activity): string | undefined {
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const data = activity.channelData as { channel?: { id?: unknown } } | undefined;
  const id = typeof data?.channel?.id === 'string' ? data.channel.id : activity.conversation.id.split(';messageid=')[0];
  return id || undefined;
}

/** Saves the channel of `activity` as the consultant inbox (new cards are posted there as new threads). */
export async function registerInbox(store: Store, activity: Activity, channel: string, now: Date): Promise<InboxRegistration> {
  const full = activity.getConversationReference();
  const reference: ConversationReference = { ...full, conversation: { ...full.conversation, id: channel } };
  delete reference.activityId;
  const registration: InboxRegistration = {
    reference: storedReferenceSchema.parse(JSON.parse(JSON.stringify(reference))),
    channel,
    registeredBy: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    registeredAt: now.toISOString(),
  };
  await store.putSetting(TEAMS_INBOX_SETTING, registration);
  return registration;
}

/** The registered inbox, or undefined when no channel has been registered (or the stored value is unreadable). */
export async function loadInbox(store: Store): Promise<InboxRegistration | undefined> {
  const parsed = registrationSchema.safeParse(await store.getSetting(TEAMS_INBOX_SETTING));
  return parsed.success ? parsed.data : undefined;
}
