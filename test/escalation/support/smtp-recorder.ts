import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One e-mail the recorder accepted. */
export interface RecordedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server that records accepted messages and can reject the next N with a temporary error. */
export interface SmtpRecorder {
  url: string;
  mails: RecordedMail[];
  /** How many DATA commands were answered with an error. */
  rejected: number;
  /** Rejects the next `count` messages with "451 try again later". */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** Starts the recorder on a free port on 127.0.0.1 (or `port`, to come up where a client already points). */
export async function startSmtpRecorder(port = 0): Promise<SmtpRecorder> {
  let failing = 0;
  const recorder: SmtpRecorder = {
    url: '',
    mails: [],
    rejected: 0,
    failNext(count) {
      failing = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failing > 0) {
          failing--;
          recorder.rejected++;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        recorder.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  // a client killed mid-session at a test's end (the chat process still retrying a rejected mail) resets its
  // connection; that is the test ending, not a fault of the code under test, so only other errors stay uncaught
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.server.address() as AddressInfo;
  recorder.url = `smtp://127.0.0.1:${address.port}`;
  return recorder;
}

/** A recorded mail's text with quoted-printable soft breaks and =XX escapes decoded (headers and body alike), for assertions. */
export function readableMail(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded[i] === '=' ? /^[0-9A-F]{2}$/.exec(unfolded.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
