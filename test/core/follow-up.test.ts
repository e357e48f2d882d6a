import { describe, expect, it } from 'vitest';
import { isFollowUp } from '../../src/core/follow-up.ts';

describe('isFollowUp', () => {
  it('reads short messages that start as a follow-up does, in Danish and English', () => {
    for (const text of ['og på instagram?', 'Hvad hvis det er en byrådspolitiker?', 'men hvad med weekenden', 'hvad så med tiktok', 'gælder det også for linkedin', 'and on instagram?', 'what about the weekend', 'skal jeg svare hende', 'må vi blokere ham']) {
      expect(isFollowUp(text), text).toBe(true);
    }
  });

  it("counts an English contraction as one word (she's, it's, don't)", () => {
    expect(isFollowUp("what about the deputy mayor, she's running too")).toBe(true);
    expect(isFollowUp("and what if it's the deputy mayor, she's running too")).toBe(false);
  });

  it('leaves questions that stand on their own, and long messages, alone', () => {
    for (const text of ['må vi blokere en borger', 'og', 'hvad gør vi ved en shitstorm', 'og så skrev han at han ville komme forbi rådhuset i morgen med sine venner', 'må vi slette kommentarer når de handler om fodbold']) {
      expect(isFollowUp(text), text).toBe(false);
    }
  });
});
