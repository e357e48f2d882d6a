import type { Locale } from '../../shared/locale.ts';

/** The few interface strings only the Teams adapter shows (card states after a submit, the consultant inbox command). */
const STRINGS = {
  da: {
    youChose: (label: string) => `✓ Du valgte: ${label}`,
    choiceRegistered: '✓ Dit valg er modtaget.',
    formReceived: '✓ Svarene er modtaget.',
    yes: 'Ja',
    no: 'Nej',
    requiredField: (label: string) => `Udfyld "${label}".`,
    inboxRegistered: 'Denne kanal er nu konsulentindbakke. Nye henvendelser til KL Kommunikation kommer her som kort med knapperne **Overtag** og **Afslut**.',
    inboxOnlyInChannel: 'Konsulentindbakken registreres i en kanal: skriv "@SoMe-rådgiveren konsulentindbakke" i den kanal, hvor konsulenterne skal modtage henvendelser.',
    inboxWrongTenant: 'Konsulentindbakken kan kun registreres i KL\'s egen Teams-organisation.',
    inboxNotHere: 'Knapperne virker kun i den kanal, der er registreret som konsulentindbakke.',
    inboxTeamNotAllowed: (team: string) =>
      `Denne kanal kan ikke blive konsulentindbakke: teamet er ikke godkendt. Bed driften tilføje team-id'et \`${team}\` til TEAMS_CONSULTANT_TEAM_IDS og genstarte.`,
    inboxTeamsUnconfigured: (team: string) =>
      `Konsulentindbakken kan ikke registreres endnu: driften skal sætte TEAMS_CONSULTANT_TEAM_IDS til de godkendte teams (dette teams id er \`${team}\`) og genstarte.`,
  },
  en: {
    youChose: (label: string) => `✓ You chose: ${label}`,
    choiceRegistered: '✓ Your choice was received.',
    formReceived: '✓ Your answers were received.',
    yes: 'Yes',
    no: 'No',
    requiredField: (label: string) => `Please fill in "${label}".`,
    inboxRegistered: 'This channel is now the consultant inbox. New requests to KL Kommunikation arrive here as cards with the buttons **Overtag** (claim) and **Afslut** (resolve).',
    inboxOnlyInChannel: 'The consultant inbox is registered in a channel: write "@SoMe-rådgiveren consultant inbox" in the channel where consultants should receive requests.',
    inboxWrongTenant: 'The consultant inbox can only be registered in KL\'s own Teams organisation.',
    inboxNotHere: 'These buttons only work in the channel registered as the consultant inbox.',
    inboxTeamNotAllowed: (team: string) =>
      `This channel cannot become the consultant inbox: its team is not approved. Ask the operators to add the team id \`${team}\` to TEAMS_CONSULTANT_TEAM_IDS and restart.`,
    inboxTeamsUnconfigured: (team: string) =>
      `The consultant inbox cannot be registered yet: the operators must set TEAMS_CONSULTANT_TEAM_IDS to the approved teams (this team's id is \`${team}\`) and restart.`,
  },
} as const;

/** The Teams adapter's strings for a locale. */
export function teamsStrings(locale: Locale): (typeof STRINGS)[Locale] {
  return STRINGS[locale];
}
