import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../../src/core/bot.ts';
import { cardErrors, cardsIn } from '../adapters/teams/card-schema.ts';
import { slackClick, slackDm, slackSentTo, startHardeningServer, teamsMessage, waitUntil, type HardeningServer } from './support/hardening-server.ts';

/** Hostile or unusual texts a user can send; each must get a polite reply. */
const TEXTS: Record<string, string> = {
  'a 40,000-character message': 'hvordan svarer vi på kritik på sociale medier '.repeat(900).slice(0, 40_000),
  'an empty message': '',
  'only whitespace': ' \n\t  ',
  'only emoji': '😀🎉👍🏽🇩🇰👨‍👩‍👧‍👦',
  'control characters': 'facebook\u0000\u0001\u0007\u001b[31m\u007f\u009b sletning',
  'mixed scripts and RTL marks': 'مرحبا Привет 你好 \u200f\u202eFacebook\u202c\u200e かな 한국어',
  'Slack mrkdwn and mentions': '<!channel> <@U999> *fed* `kode` <https://evil.example|klik>',
  'lone surrogates': 'tiktok \ud800 \udfff slut',
};

const POLITE = /menu|spørgsmål|Skriv|begyndelsen|forstod|fandt|svar|Mente du/i;

let s: HardeningServer;
beforeAll(async () => {
  s = await startHardeningServer({ logLevel: 'trace' });
});
afterAll(async () => {
  await s.close();
});

describe('unusual input through the real Slack HTTP path', () => {
  let n = 0;
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`answers ${name} politely`, async () => {
      n += 1;
      const channel = `DIN${n}`;
      const response = await s.slackPost(slackDm(text, `UIN${n}`, channel));
      expect(response.status).toBe(200);
      await waitUntil(() => slackSentTo(s.slack, channel).length > 0, 10_000, `a Slack reply to ${name}`);
      const replies = slackSentTo(s.slack, channel).join('\n');
      expect(replies).toMatch(POLITE);
      expect(replies).not.toMatch(/gik noget galt|went wrong/i);
      if (text.length > MAX_INPUT_CHARS) expect(replies).toContain('meget lang');
    });
  }

  const forged: Record<string, unknown> = {
    'an unknown choice id (old message after a knowledge update)': 'faq:findes-ikke-mere',
    'a flow step not active in this conversation': 'flow-step:platform-choice:q1:ja',
    'a number instead of a string': 12345,
    'an object': { choice: 'faq:x' },
    'a huge value (100 KB)': 'faq:'.padEnd(100_000, 'x'),
    'a value carrying a CPR number': 'faq:010190-1234',
  };
  for (const [name, value] of Object.entries(forged)) {
    it(`answers a button with ${name} with "no longer active" and the menu`, async () => {
      n += 1;
      const channel = `DBT${n}`;
      const response = await s.slackPost(slackClick(value, `UBT${n}`, channel));
      expect(response.status).toBe(200);
      await waitUntil(() => slackSentTo(s.slack, channel).length > 0, 10_000, `a Slack reply to ${name}`);
      const reply = slackSentTo(s.slack, channel).join('\n');
      expect(reply).toContain('ikke længere aktivt');
      expect(reply).toContain('choice-');
    });
  }
});

describe('unusual input through the real Teams HTTP path', () => {
  let n = 0;
  const conversation = () => {
    n += 1;
    return `a:hardening-input-${n}`;
  };
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`answers ${name} politely with valid cards`, async () => {
      const id = conversation();
      expect(await s.teamsPost(teamsMessage(s.connector.url, id, { text }))).toBe(200);
      const sent = s.connector.messages(id);
      expect(sent.length).toBeGreaterThan(0);
      const cards = cardsIn(sent);
      expect(cards.flatMap((c) => cardErrors(c))).toEqual([]);
      const all = JSON.stringify(cards);
      expect(all).toMatch(POLITE);
      expect(all).not.toMatch(/gik noget galt/);
    });
  }

  const submits: Record<string, unknown> = {
    'an unknown choice id': { choice: 'faq:findes-ikke-mere' },
    'a choice of the wrong type': { choice: 42 },
    'an empty object': {},
    'an array': [1, 2, 3],
    'a string': 'choice',
    'an unknown form id': { form: 'forged-form', description: 'x' },
    'a huge choice': { choice: 'x'.repeat(200_000) },
    'nested junk': { choice: { deep: [{ deeper: null }] }, msteams: 7 },
  };
  for (const [name, value] of Object.entries(submits)) {
    it(`answers a card submit with ${name} with "no longer active" and the menu`, async () => {
      const id = conversation();
      const status = await s.teamsPost(teamsMessage(s.connector.url, id, { value, replyToId: 'old-card-1' }));
      expect(status).toBe(200);
      const cards = cardsIn(s.connector.messages(id));
      expect(cards.flatMap((c) => cardErrors(c))).toEqual([]);
      const all = JSON.stringify(cards);
      expect(all).toContain('ikke længere aktivt');
      expect(all).toContain('Action.Submit');
    });
  }

  it('rejects a payload that is not an activity with 400, not 500', async () => {
    for (const body of [[], 'x', { type: 7 }, { type: 'message', conversation: 'nope', serviceUrl: 3 }]) {
      const response = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await response.arrayBuffer();
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
    }
  });
});
