import { z } from 'zod';

const account = z.looseObject({ id: z.string(), name: z.string().optional() });

/** A Teams conversation reference as stored in JSON (what continueConversation needs). */
export const storedReferenceSchema = z.object({
  serviceUrl: z.string(),
  channelId: z.string(),
  conversation: z.looseObject({ id: z.string(), isGroup: z.boolean().optional(), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  agent: account.optional(),
  user: account.optional(),
  locale: z.string().optional(),
});
