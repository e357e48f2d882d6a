import type { Activity } from '@microsoft/agents-activity';

/** Which teams' channels may be registered as the consultant inbox. */
export interface InboxAllowList {
  /** TEAMS_CONSULTANT_TEAM_IDS; undefined when it is not set. */
  teamIds?: readonly string[];
  /** Anonymous local development (loopback only): without a list, a channel of any team may be registered. */
  localDevelopment: boolean;
}

/** Why a registration is refused: the team is not in the list, or there is no list (outside local development). */
export type InboxRefusal = 'not-listed' | 'unconfigured';

/** The Teams team an activity came from (channelData.team.id), or undefined when Teams sent none. */
export function teamOf(activity: Activity): string | undefined {
  const data = activity.channelData as { team?: { id?: unknown } } | undefined;
  return typeof data?.team?.id === 'string' && data.team.id !== '' ? data.team.id : undefined;
}

/** Why registering a channel of `team` as the consultant inbox is refused, or undefined when it is allowed. */
export function inboxRefusal(team: string | undefined, allow: InboxAllowList): InboxRefusal | undefined {
  if (allow.teamIds) return team !== undefined && allow.teamIds.includes(team) ? undefined : 'not-listed';
  return allow.localDevelopment ? undefined : 'unconfigured';
}
