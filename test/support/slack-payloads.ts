/** The button a `block_actions` payload says was clicked. */
export interface ClickedButton {
  action_id: string;
  block_id: string | undefined;
  value: unknown;
  text: object;
}

/** Who clicked a button where, on which message (team T1, app A1). */
export interface Click {
  user: string;
  channel: string;
  /** `directmessage` for a DM, else the channel's name. */
  channelName: string;
  ts: string;
  triggerId: string;
  responseUrl: string;
  messageText: string;
  blocks: unknown[];
  button: ClickedButton;
}

/** A `block_actions` interaction payload as Slack posts it for a click on a message's button. */
export function blockActionsPayload(click: Click): Record<string, unknown> {
  const { user, channel, ts, button } = click;
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 't' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'unused',
    trigger_id: click.triggerId,
    response_url: click.responseUrl,
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: click.channelName },
    message: { type: 'message', ts, text: click.messageText, blocks: click.blocks },
    actions: [{ type: 'button', action_id: button.action_id, block_id: button.block_id, value: button.value, text: button.text, action_ts: ts }],
  };
}

/** A click in a direct message: the message's `ts` is made up, and `responseUrl` is given that `ts`. */
export interface DirectMessageClick extends Omit<Click, 'channelName' | 'ts' | 'triggerId' | 'responseUrl'> {
  responseUrl: (ts: string) => string;
}

/** A `block_actions` payload for a click on a button of a bot message in a DM, with a fresh message ts and trigger id. */
export function directMessageClickPayload(click: DirectMessageClick): Record<string, unknown> {
  const ts = `1700${Math.floor(Math.random() * 1e9)}.0001`;
  return blockActionsPayload({ ...click, channelName: 'directmessage', ts, triggerId: `trigger-${ts}`, responseUrl: click.responseUrl(ts) });
}
