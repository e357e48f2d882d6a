/** The Socket Mode client's connection states (as @slack/socket-mode names its events), plus `closed` when the socket drops. */
type SocketState = 'connecting' | 'authenticated' | 'connected' | 'reconnecting' | 'disconnecting' | 'disconnected' | 'closed';

const STATES: readonly SocketState[] = ['connecting', 'authenticated', 'connected', 'reconnecting', 'disconnecting', 'disconnected'];

/** What is needed of the Socket Mode client: its events. */
interface StateEvents {
  on(event: string, listener: () => void): unknown;
}

/** Follows a Socket Mode client's connection events so `/readyz` can tell whether Slack events can arrive. */
export class SocketHealth {
  private state: SocketState = 'disconnected';

  /** Listens to the client's state events; `close` is the raw socket dropping (the client then reconnects by itself). */
  watch(client: StateEvents): void {
    for (const state of STATES) client.on(state, () => (this.state = state));
    client.on('close', () => (this.state = 'closed'));
  }

  /** A readiness check: throws unless the WebSocket to Slack is connected. */
  async check(): Promise<void> {
    if (this.state !== 'connected') {
      const message = `Slack Socket Mode is ${this.state}; the client reconnects by itself — check SLACK_APP_TOKEN and the network if this lasts`;
      throw Object.assign(new Error(message), { publicMessage: message });
    }
  }
}
