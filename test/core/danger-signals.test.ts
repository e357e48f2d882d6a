import { describe, expect, it } from 'vitest';
import { dangerIn, threatMentioned } from '../../src/core/danger-signals.ts';

const VIOLENCE = [
  'en borger har skrevet i en kommentar på vores side at han vil komme ned på rådhuset og "gøre det af med" sagsbehandleren. hvad gør vi',
  'han skriver at han ved hvor hun bor og hendes børn går i skole',
  'Someone posted that they will shoot the mayor',
  'nogen skriver at de vil skyde vores sagsbehandler',
  'en mand skriver at han vil slå hende ihjel',
  'han har skrevet at han kommer med en kniv i morgen',
  'vi ved hvor I bor, står der i kommentaren',
  'en anonym profil vil brænde rådhuset ned',
  'we got a death threat against the mayor on instagram',
  'he says he knows where she lives',
  'der er kommet en dødstrussel mod borgmesteren',
  'en far vil banke pædagogen',
  'borgeren skriver at han vil dræbe medarbejderen',
  'en forælder skriver at han vil komme op på skolen og "ordne" læreren',
  'en far skriver på skolens side at han vil slå læreren ned',
  'han vil gøre pædagogen fortræd',
  'vi har 200 vrede kommentarer og nogen truer borgmesteren',
  'en mand truede pædagogen i kommentarerne',
  'someone threatens our caseworker',
];
const SELF_HARM = [
  'en mand skriver i messenger at han vil tage sit eget liv i nat',
  'en ung pige skriver at hun ikke vil leve mere',
  'a citizen wrote that he wants to end his life',
  'kommentar om selvmord under vores opslag',
  'han vil slå sig selv ihjel',
  'someone says they will kill themselves tonight',
  'en borger skriver i messenger at han vil skyde sig selv',
  'he wrote that he will hang himself',
];
const NOT_DANGER = [
  'vi vil skyde kampagnen i gang i næste uge',
  'we want to shoot a video at the library',
  'må vi slette kommentarer på facebook',
  'en borger truer med at sagsøge os fordi vi skjulte hans kommentar',
  'vi kan ikke leve op til vores svartider',
  'vi laver en kampagne om selvmordsforebyggelse',
  'hvordan slår vi tiden ihjel mellem opslagene',
  'skal vi slå kommentarer fra på opslag om flygtningeboliger',
  'vores opslag bliver banket ned af vrede kommentarer',
  'we are killing it on tiktok',
  'vi skal ordne debatpolitikken inden jul',
  'han har meldt sig ind i debatten',
  'vi vil skyde os ind på de unge med en ny kampagne',
  'borgeren truer os med en klage til ombudsmanden',
  'he threatened us with a lawsuit',
];

describe('dangerIn', () => {
  it('finds threats of violence against a person, in Danish and English, also without æøå', () => {
    for (const text of VIOLENCE) expect(dangerIn(text), text).toBe('violence');
    expect(dangerIn('han ved hvor hun bor og vil draebe hende')).toBe('violence');
  });

  it('finds messages that someone may take their own life', () => {
    for (const text of SELF_HARM) expect(dangerIn(text), text).toBe('self-harm');
  });

  it('leaves idioms and everyday moderation questions alone', () => {
    for (const text of NOT_DANGER) expect(dangerIn(text), text).toBeUndefined();
  });

  it('tells a message that names a threat apart from one that says what the threat is', () => {
    for (const text of [
      'hjemmeplejen har fået en trussel på mail fra en pårørende',
      'we received a threatening message about our staff',
      'truslen er slettet nu',
      'borgmesteren er blevet truet',
    ]) {
      expect(dangerIn(text), text).toBeUndefined();
      expect(threatMentioned(text), text).toBe(true);
    }
    expect(threatMentioned('en borger truer med at sagsøge os')).toBe(false);
    expect(threatMentioned('han truede med at gå til pressen')).toBe(false);
  });
});
