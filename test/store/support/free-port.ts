import { createServer, type AddressInfo } from 'node:net';

/** A loopback port that nothing listens on right now (for a server to start on, or to point a client at a closed port). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
