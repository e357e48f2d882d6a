import type { Transporter } from 'nodemailer';
import type { CaseService } from './case-service.ts';
import { caseText } from './case-summary.ts';
import { escalationStrings } from './escalation-strings.ts';
import type { Notification, Notifier } from './notifier.ts';

/** The outbox kind of consultant e-mails. */
export const EMAIL_KIND = 'email';

/** Where consultant e-mails go and how they are sent. */
export interface EmailNotifierOptions {
  smtpUrl: string;
  to: string;
  from: string;
  cases: CaseService;
}

/** E-mails new cases to the consultants' address (nodemailer over SMTP, loaded on the first e-mail); the Message-ID is the idempotency key. */
export function emailNotifier(options: EmailNotifierOptions): Notifier & { close(): void } {
  let transport: Transporter | undefined;
  let connecting: Promise<Transporter> | undefined;
  const connect = (): Promise<Transporter> =>
    (connecting ??= import('nodemailer').then((nodemailer) => (transport = nodemailer.default.createTransport(options.smtpUrl))));
  return {
    kind: EMAIL_KIND,
    async deliver(notification: Notification) {
      const view = await options.cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; the e-mail cannot be written.`);
      const s = escalationStrings('da');
      await (await connect()).sendMail({
        from: options.from,
        to: options.to,
        subject: `[${view.case.number}] ${s.urgencyLabels[view.payload.urgency]}: ${view.payload.topic} (${view.payload.municipality})`,
        text: caseText(view, 'da'),
        messageId: `<${notification.idempotencyKey}@some-advisor>`,
        headers: { 'X-Idempotency-Key': notification.idempotencyKey },
      });
    },
    close() {
      transport?.close();
    },
  };
}
