import type { Locale } from '../shared/locale.ts';
import { conversationReferenceSchema } from '../escalation/case-payload.ts';
import { consultantStrings, type ConsultantStrings } from '../escalation/consultant-strings.ts';
import { EMAIL_KIND } from '../escalation/email-notifier.ts';
import { SLACK_INBOX_KIND, TEAMS_INBOX_KIND } from '../escalation/escalation-routes.ts';
import { CASE_EVENTS, requesterKind } from '../escalation/notifier.ts';

/** Each outbox kind a case records deliveries of: where it goes, in the consultant's language, and whether that is the requester. */
function places(s: ConsultantStrings): { kind: string; where: string; requester: boolean }[] {
  return [
    ...conversationReferenceSchema.shape.channel.options.map((channel) => ({ kind: requesterKind(channel), where: s.platforms[channel], requester: true })),
    { kind: EMAIL_KIND, where: s.emailPlace, requester: false },
    { kind: SLACK_INBOX_KIND, where: s.platforms.slack, requester: false },
    { kind: TEAMS_INBOX_KIND, where: s.platforms.teams, requester: false },
  ];
}

/**
 * A case notification's recorded name ("requester:console:reply:<message id>") as `cases show` tells it: what it told
 * whom, and where ("Svar til brugeren (terminalen)"); a name it does not know is shown as it is.
 */
export function notificationLabel(notification: string, locale: Locale): string {
  const s = consultantStrings(locale);
  const place = places(s).find((p) => notification.startsWith(`${p.kind}:`));
  if (!place) return notification;
  const [named] = notification.slice(place.kind.length + 1).split(':');
  const event = CASE_EVENTS.find((e) => e === named);
  const what = event === undefined ? undefined : (place.requester ? s.notificationToRequester : s.notificationToConsultants)[event];
  return what === undefined ? notification : `${what} (${place.where})`;
}
