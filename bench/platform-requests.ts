import { createHmac } from 'node:crypto';

/** The signing secret both Slack servers verify with. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret';

/** Posts one message to a server and resolves when the HTTP response is complete (the ack). */
export type SendMessage = (key: string, user: string, text: string) => Promise<number>;

let sequence = 0;

/** Sends a signed Slack Events API `message.im` event, as Slack does, to `${base}/slack/events`. */
export function slackSender(base: string): SendMessage {
  return async (channel, user, text) => {
    sequence += 1;
    const now = Date.now();
    const raw = JSON.stringify({
      token: 'unused',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `EvBench${process.pid}x${sequence}`,
      event_time: Math.floor(now / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'message', channel_type: 'im', channel, user, text, ts: `${now / 1000}` },
    });
    const ts = Math.floor(now / 1000);
    const signature = `v0=${createHmac('sha256', BENCH_SIGNING_SECRET).update(`v0:${ts}:${raw}`).digest('hex')}`;
    const response = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
      body: raw,
    });
    await response.arrayBuffer();
    return response.status;
  };
}

/** Sends a Bot Framework message activity (anonymous loopback mode) to `${base}/api/messages`; replies go to `serviceUrl`. */
export function teamsSender(base: string, serviceUrl: string): SendMessage {
  return async (conversationId, user, text) => {
    sequence += 1;
    const activity = {
      type: 'message',
      id: `bench-${process.pid}-${sequence}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:${user}`, name: 'Bench Bruger', aadObjectId: `aad-${user}` },
      recipient: { id: '28:bot-app-id', name: 'SoMe-rådgiveren' },
      conversation: { id: conversationId, conversationType: 'personal' },
      locale: 'da-DK',
      timestamp: new Date().toISOString(),
      text,
      textFormat: 'plain',
    };
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.arrayBuffer();
    return response.status;
  };
}
