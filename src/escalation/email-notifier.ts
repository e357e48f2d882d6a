import type { Transporter } from 'nodemailer';
import type { CaseService } from './case-service.ts';
import { caseText } from './case-summary.ts';
import { consultantStrings } from './consultant-strings.ts';
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

/** E-mails new cases and the requester's answers to the consultants' address (nodemailer over SMTP, loaded on the first e-mail); the Message-ID is the idempotency key. */
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
      const s = consultantStrings('da');
      const answer = notification.event === 'answer' ? view.messages.find((m) => m.id === notification.messageId) : undefined;
      if (notification.event === 'answer' && !answer) throw new Error(`Case ${view.case.number} has no message ${notification.messageId ?? '(none)'}; the answer cannot be e-mailed.`);
      // A requester's answer is sent as a reply to the case's first e-mail, so mail clients keep the exchange together.
      const thread = `<${view.case.id}:${EMAIL_KIND}:new@some-advisor>`;
      await (await connect()).sendMail({
        from: options.from,
        to: options.to,
        subject: answer ? s.answerSubject(view.case.number) : `[${view.case.number}] ${s.urgencyLabels[view.payload.urgency]}: ${view.payload.topic} (${view.payload.municipality})`,
        text: answer ? `${s.answerInThread(view.case.number)}\n\n${answer.text}\n\n---\n${caseText(view, 'da')}` : caseText(view, 'da'),
        messageId: `<${notification.idempotencyKey}@some-advisor>`,
        headers: { 'X-Idempotency-Key': notification.idempotencyKey },
        ...(answer ? { inReplyTo: thread, references: [thread] } : {}),
      });
    },
    close() {
      transport?.close();
    },
  };
}
