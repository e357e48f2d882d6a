/** The bot's account as Teams addresses it. */
export const BOT = { id: '28:bot-app-id', name: 'SoMe-rådgiveren' };
const USER = { id: '29:user-1', name: 'Mette Kommunikation', aadObjectId: 'aad-user-1' };

let counter = 0;

/** A fresh activity id. */
export function nextId(): string {
  counter += 1;
  return `incoming-${counter}`;
}

interface Where {
  serviceUrl: string;
  conversationId: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  locale?: string;
}

function base(where: Where, type: string, id = nextId()): Record<string, unknown> {
  return {
    type,
    id,
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: where.conversationId, conversationType: where.conversationType ?? 'personal', ...(where.conversationType === 'channel' ? { isGroup: true } : {}) },
    locale: where.locale ?? 'da-DK',
    timestamp: new Date().toISOString(),
  };
}

/** A text message. */
export function textActivity(where: Where, text: string, id?: string): Record<string, unknown> {
  return { ...base(where, 'message', id), text, textFormat: 'plain' };
}

/** A channel message that @mentions the bot. */
export function mentionActivity(where: Where, text: string): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return { ...textActivity(where, `${mention} ${text}`), entities: [{ type: 'mention', text: mention, mentioned: BOT }] };
}

/** An Action.Submit from the card sent as `cardId`, carrying `value` (data merged with input values). */
export function submitActivity(where: Where, cardId: string, value: Record<string, unknown>): Record<string, unknown> {
  return { ...base(where, 'message'), replyToId: cardId, value };
}

/** The bot (or, with `memberId`, someone else) added to a conversation. */
export function membersAdded(where: Where, memberId = BOT.id): Record<string, unknown> {
  return { ...base(where, 'conversationUpdate'), membersAdded: [{ id: memberId }] };
}

/** The app installed in a conversation. */
export function installation(where: Where): Record<string, unknown> {
  return { ...base(where, 'installationUpdate'), action: 'add' };
}
