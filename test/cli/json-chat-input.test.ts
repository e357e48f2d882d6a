import { describe, expect, it } from 'vitest';
import { parseJsonChatLine } from '../../src/cli/json-chat-input.ts';

describe('a line of the JSON chat protocol', () => {
  it('reads a JSON string as its text, so "stop" is the command and not a message in quotes', () => {
    expect(parseJsonChatLine('"stop"')).toEqual({ kind: 'text', text: 'stop' });
    expect(parseJsonChatLine(' "hvad betyder \\"skjul\\"?" ')).toEqual({ kind: 'text', text: 'hvad betyder "skjul"?' });
  });

  it('keeps a line that only looks quoted, or plain text, as it stands', () => {
    expect(parseJsonChatLine('"skjul" eller "slet"')).toEqual({ kind: 'text', text: '"skjul" eller "slet"' });
    expect(parseJsonChatLine('må vi slette kommentarer')).toEqual({ kind: 'text', text: 'må vi slette kommentarer' });
    expect(parseJsonChatLine('"')).toEqual({ kind: 'text', text: '"' });
  });

  it('reads the JSON objects of the protocol', () => {
    expect(parseJsonChatLine('{"action":"cmd:menu"}')).toEqual({ kind: 'action', actionId: 'cmd:menu' });
    expect(parseJsonChatLine('{"flow":"crisis"}')).toEqual({ kind: 'action', actionId: 'flow:crisis' });
    expect(parseJsonChatLine('{"text":"hej"}')).toEqual({ kind: 'text', text: 'hej' });
  });
});
