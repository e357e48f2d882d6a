import type { Config } from '../config/config.ts';
import type { Finding } from './credential-checks.ts';

/** How long the check waits for the SMTP server to connect, greet and answer. */
const SMTP_TIMEOUT_MS = 5_000;

/** The SMTP server's address as `host:port`, without the user name or password the URL may hold. */
function smtpAddress(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
}

/**
 * Whether the SMTP server in SMTP_URL answers: connects, greets and takes the URL's login (nodemailer's verify). Not
 * answering is a warning, not an error: consultant e-mails wait in the outbox and are sent once it answers.
 */
export async function checkSmtp(config: Pick<Config, 'SMTP_URL' | 'CONSULTANT_EMAIL'>): Promise<Finding[]> {
  if (!config.SMTP_URL || !config.CONSULTANT_EMAIL) return [];
  const where = smtpAddress(config.SMTP_URL);
  const nodemailer = (await import('nodemailer')).default;
  const transport = nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
  try {
    await transport.verify();
    return [{ level: 'ok', subject: 'e-mail', message: `the SMTP server at ${where} answers` }];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ level: 'warning', subject: 'e-mail', message: `the SMTP server at ${where} does not answer (${reason}); e-mails to consultants wait in the outbox until it does. Check SMTP_URL.` }];
  } finally {
    transport.close();
  }
}
