import type { Activity } from '@microsoft/agents-activity';
import { collapseWhitespace, localeFrom, type Turn, type TurnInput } from '../../core/turn.ts';
import { readSubmit } from './submit-data.ts';

/** The neutral conversation id for a Teams conversation (a channel thread is its own conversation). */
export function teamsConversationId(activity: Activity): string {
  return `teams:${activity.conversation?.id ?? ''}`;
}

/** Removes every @mention of the bot from the text (Teams puts `<at>Name</at>` in the text for each one). */
export function stripBotMentions(activity: Activity): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type.toLowerCase() !== 'mention') continue;
    const mentioned = entity.mentioned as { id?: unknown } | undefined;
    const mentionText = entity.text;
    if (mentioned?.id === botId && typeof mentionText === 'string' && mentionText !== '') text = text.split(mentionText).join(' ');
  }
  return collapseWhitespace(text);
}

/**
 * What a message activity asks of the bot. A card submit that is neither a choice nor a form (forged or from an old
 * card) becomes an unknown action, answered with "no longer active" and the menu; an empty message is answered too.
 */
export function inputFrom(activity: Activity): TurnInput {
  const submit = readSubmit(activity.value);
  if (submit?.kind === 'choice') return { kind: 'action', actionId: submit.choiceId };
  if (submit?.kind === 'form') return { kind: 'form', formId: submit.formId, values: submit.values };
  const text = typeof activity.text === 'string' ? stripBotMentions(activity) : '';
  if (text === '' && activity.value !== undefined && activity.value !== null) return { kind: 'action', actionId: '' };
  return { kind: 'text', text };
}

/** Maps a Teams message activity (personal chat, or an @mention in a channel or group chat) to a neutral Turn. */
export function activityToTurn(activity: Activity, input: TurnInput): Turn {
  return {
    channel: 'teams',
    conversationId: teamsConversationId(activity),
    user: {
      id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
      ...(activity.from?.name ? { name: activity.from.name } : {}),
      locale: localeFrom(activity.locale),
    },
    input,
  };
}
