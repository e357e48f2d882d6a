import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, sanitiseTurn, storableText } from '../../src/core/sanitise-input.ts';
import type { Turn, TurnInput } from '../../src/core/turn.ts';

const turn = (input: TurnInput, name?: string): Turn => ({ channel: 'teams', conversationId: 'c\u0000', user: { id: 'u\uD800', locale: 'da', ...(name ? { name } : {}) }, input });

describe('making a turn safe to store', () => {
  it('turns control characters into spaces and unpaired surrogates into U+FFFD, keeping pairs, tabs and newlines', () => {
    expect(storableText('a\u0000b\u001Bc\uD800d\uDC00e😀\t\n')).toBe('a b c\uFFFDd\uFFFDe😀\t\n');
  });

  it('cuts over-long text without leaving half of a surrogate pair', () => {
    const safe = sanitiseTurn(turn({ kind: 'text', text: `${'a'.repeat(MAX_INPUT_CHARS - 1)}😀 og mere` }));
    expect(safe.turn.input).toEqual({ kind: 'text', text: `${'a'.repeat(MAX_INPUT_CHARS - 1)}\uFFFD` });
    expect(safe.warnings).toHaveLength(1);
  });

  it('cleans ids and redacts CPR numbers from form ids, field keys and values, and personal data from the display name', () => {
    const safe = sanitiseTurn(turn({ kind: 'form', formId: 'f\u0000 010190\u20131234', values: { 'k 010190-1234': 'v 0101901234', ok: true } }, 'Mette 010190 1234 mette@x.dk'));
    expect(safe.turn.conversationId).toBe('c ');
    expect(safe.turn.user).toEqual({ id: 'u\uFFFD', locale: 'da', name: 'Mette [CPR-nummer fjernet] [e-mail fjernet]' });
    expect(safe.turn.input).toEqual({ kind: 'form', formId: 'f  [CPR-nummer fjernet]', values: { 'k [CPR-nummer fjernet]': 'v [CPR-nummer fjernet]', ok: true } });
    expect(safe.warnings).toHaveLength(1);
  });

  it('keeps whole the UUIDs in button and form ids (a case id whose hex reads as a CPR number), and redacts CPR numbers around them', () => {
    const id = 'case-reply:ca240664-8062-4e95-a147-b8745239fee0';
    expect(sanitiseTurn(turn({ kind: 'action', actionId: id })).turn.input).toEqual({ kind: 'action', actionId: id });
    expect(sanitiseTurn(turn({ kind: 'form', formId: id, values: {} })).turn.input).toEqual({ kind: 'form', formId: id, values: {} });
    expect(sanitiseTurn(turn({ kind: 'action', actionId: `x 010190-1234 ${id.slice(11)}` })).turn.input).toEqual({ kind: 'action', actionId: `x [CPR-nummer fjernet] ${id.slice(11)}` });
  });
});
