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
    ['tal med en konsulent', 'escalate'],
    ['kontakt KL', 'escalate'],
    ['I want to talk to a human', 'escalate'],
    ['jeg vil gerne snakke med et menneske!', 'escalate'],
  ])('"%s" is %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
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
