import { describe, expect, it } from 'vitest';
import { commandFromAction, parseCommand } from '../../src/core/commands.ts';

describe('global commands', () => {
  it.each([
    ['hjælp', 'menu'],
    ['Menu', 'menu'],
    ['help', 'menu'],
    ['start forfra', 'restart'],
    ['restart', 'restart'],
    ['stop', 'stop'],
    ['Cancel', 'stop'],
    ['tilbage', 'back'],
    ['Fortsæt guiden', 'continue'],
    ['fortsaet', 'continue'],
    ['continue the guide', 'continue'],
    ['ok videre', 'continue'],
    ['Fint, tilbage', 'back'],
    ['ok stop', 'stop'],
    ['tal med en konsulent', 'escalate'],
    ['kontakt KL', 'escalate'],
    ['I want to talk to a human', 'escalate'],
    ['jeg vil gerne snakke med et menneske!', 'escalate'],
  ])('"%s" is %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each([
    'kan jeg tale med en konsulent, det her er for meget',
    'kan en konsulent ringe mig paa 41 22 33 44?',
    'kan en konsulent ringe til mig i morgen formiddag, vi har en sag der vokser',
    'jeg vil gerne snakke med et menneske om det her svar, det passer ikke på vores sag',
    'hvordan får jeg fat i en konsulent',
    'kan vi faa fat i en konsulent i dag',
    'kan jeg få hjælp fra en konsulent til vores strategi, vi er helt nye på det',
    'er der et menneske jeg kan tale med, det her er for svært for mig',
    'kan jeg få en konsulent til at kigge på vores udkast til en strategi',
    'can I talk to a consultant about this, it is too much for me right now',
    'could a consultant call me tomorrow about the draft we made',
  ])('"%s" asks for a consultant', (text) => {
    expect(parseCommand(text)).toBe('escalate');
  });

  it.each([
    'hvad koster en konsulent',
    "hvad laver KL's konsulenter",
    'borgeren vil have at en konsulent fra kommunen ringer til ham om hans sag, hvad svarer vi',
    'hvad siger vi til en borger der gerne vil tale med en rigtig sagsbehandler og ikke med os',
  ])('"%s" is a question about consultants, not a request', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it.each(['må vi slette kommentarer', 'hvad kan KL hjælpe os med i forhold til workshops om strategi og sociale medier', 'stop spam'])(
    '"%s" is an ordinary message',
    (text) => {
      expect(parseCommand(text)).toBeUndefined();
    },
  );

  it('reads command actions', () => {
    expect(commandFromAction('cmd:escalate')).toBe('escalate');
    expect(commandFromAction('cmd:explode')).toBeUndefined();
  });
});
