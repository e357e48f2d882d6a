import { textActivity } from '../../adapters/teams/activities.ts';
import type { FakeBotConnector } from '../../support/fake-bot-connector.ts';

/** Posts a Teams text message to a running server's `/api/messages` (anonymous local mode) and returns the HTTP status. */
export async function postTeamsText(baseUrl: string, connector: FakeBotConnector, conversationId: string, text: string, locale = 'da-DK'): Promise<number> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(textActivity({ serviceUrl: connector.url, conversationId, locale }, text)),
    signal: AbortSignal.timeout(20_000),
  });
  await response.arrayBuffer();
  return response.status;
}
