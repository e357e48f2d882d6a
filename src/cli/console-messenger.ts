import type { Message } from '../core/message.ts';
import type { ConversationReference } from '../escalation/case-payload.ts';
import { ConversationNotOpenError, type ConversationMessenger } from '../escalation/conversation-messenger.ts';

/**
 * Delivers messages for the conversation open in this terminal: with `--json` as an extra line
 * `{"notification":{"messages":[…]}}`, otherwise as readable text written by `show`.
 */
export function consoleMessenger(conversationId: string, json: boolean, output: NodeJS.WritableStream, show: (messages: Message[]) => string): ConversationMessenger {
  return {
    channel: 'console',
    async post(reference: ConversationReference, messages: Message[]) {
      if (reference.conversationId !== conversationId) {
        throw new ConversationNotOpenError(`Conversation ${reference.conversationId} is not open in this terminal; it is delivered when that chat runs.`);
      }
      output.write(json ? `${JSON.stringify({ notification: { messages } })}\n` : `\n${show(messages)}\n\n> `);
    },
  };
}
