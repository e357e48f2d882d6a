import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * A fake of Slack's Socket Mode WebSocket endpoint on loopback: a minimal RFC 6455 server (text, ping/pong, close)
 * that says `hello` on connect, delivers envelopes, records acks, and can drop every connection.
 */
export class FakeSocketMode {
  /** Envelope ids the client acknowledged. */
  readonly acks: string[] = [];
  /** How many WebSocket connections were opened so far. */
  connections = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  /** Starts on an ephemeral loopback port. */
  async start(): Promise<void> {
    this.server = createServer((_req, res) => res.writeHead(426).end());
    this.server.on('upgrade', (req, socket: Socket) => {
      const key = req.headers['sec-websocket-key'];
      if (typeof key !== 'string') return void socket.destroy();
      const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      let buffered = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        for (let frame = readFrame(buffered); frame; frame = readFrame(buffered)) {
          buffered = buffered.subarray(frame.size);
          this.onFrame(socket, frame.opcode, frame.payload);
        }
      });
      socket.write(frame(1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1 }))));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** The ws:// URL that `apps.connections.open` hands out. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server?.address() as AddressInfo).port}/link`;
  }

  /** Open connections. */
  get open(): number {
    return this.sockets.size;
  }

  /** Sends a JSON message to every open connection. */
  send(message: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.write(frame(1, Buffer.from(JSON.stringify(message))));
  }

  /** Cuts every connection without a close handshake (a network drop). */
  drop(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private onFrame(socket: Socket, opcode: number, payload: Buffer): void {
    if (opcode === 0x9) socket.write(frame(0xa, payload));
    else if (opcode === 0x8) socket.end(frame(0x8, payload.subarray(0, 2)));
    else if (opcode === 0x1) {
      const message = JSON.parse(payload.toString('utf8')) as { envelope_id?: unknown };
      if (typeof message.envelope_id === 'string') this.acks.push(message.envelope_id);
    }
  }
}

/** An unmasked server frame. */
function frame(opcode: number, payload: Buffer): Buffer {
  const head =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65_536
        ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(payload.length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(length));
  return out;
}

/** Reads one complete (masked, client) frame from the start of `data`, or undefined when more bytes are needed. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (data.length < 2) return undefined;
  const opcode = (data[0] ?? 0) & 0x0f;
  const masked = ((data[1] ?? 0) & 0x80) !== 0;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + length) return undefined;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (data[maskOffset + (i % 4)] ?? 0);
  return { opcode, payload, size: offset + length };
}
