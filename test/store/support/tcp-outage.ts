import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A loopback TCP proxy to a real server that a test can take down (cutting live connections) and bring back on the same port. */
export class TcpOutage {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** The proxy's port (fixed after the first `up`). */
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** A started proxy in front of the server of a database URL (port 5432 when the URL names none). */
  static async inFrontOf(url: string): Promise<TcpOutage> {
    const target = new URL(url);
    const outage = new TcpOutage(target.hostname, Number(target.port || 5432));
    await outage.up();
    return outage;
  }

  /** Starts forwarding. */
  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops forwarding: live connections are cut and new ones refused. */
  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** `url` with its host and port replaced by this proxy's. */
  rewrite(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }
}
