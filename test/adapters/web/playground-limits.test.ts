import { afterEach, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from './playground-harness.ts';

const STALE = 'Det valg er ikke længere aktivt';
const RATE_LIMITED = 'Du sender mange beskeder på kort tid';

const validValues = {
  topic: 'Shitstorm på Facebook',
  description: 'Mange vrede kommentarer under et opslag.',
  urgency: 'urgent',
  municipality: 'Aarhus Kommune',
  name: 'Mette Jensen',
  contact: 'mette@aarhus.dk',
  consent: true,
};

interface TurnReply {
  status: number;
  html: string;
}

async function turn(p: RunningPlayground, conversationId: string, input: object): Promise<TurnReply> {
  const response = await fetch(`${p.url}/playground/api/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, locale: 'da', input }),
  });
  const body = (await response.json()) as { html?: string[] };
  return { status: response.status, html: (body.html ?? []).join('\n') };
}

describe('the playground API', () => {
  let p: RunningPlayground | undefined;
  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  it('limits a client, not a conversation id: a new id per request is answered only RATE_LIMIT_PER_MINUTE times a minute from one address', async () => {
    p = await startPlayground({ RATE_LIMIT_PER_MINUTE: '5' });
    const replies: TurnReply[] = [];
    for (let i = 0; i < 8; i++) replies.push(await turn(p, `fresh-id-${i}-abcdef`, { kind: 'text', text: 'hjælp' }));
    expect(replies.slice(0, 5).every((r) => r.status === 200 && !r.html.includes(RATE_LIMITED))).toBe(true);
    for (const refused of replies.slice(5)) {
      expect(refused.status).toBe(429);
      expect(refused.html).toContain(RATE_LIMITED);
    }
    expect(await p.runtime.store.loadConversation('web:fresh-id-7-abcdef')).toBeNull();
  });

  it('accepts only forms it offered: a consultant form that was never shown with "no longer active" and opens no case', async () => {
    p = await startPlayground();
    const forged = await turn(p, 'never-shown-form', { kind: 'form', formId: 'escalation', values: validValues });
    expect(forged.html).toContain(STALE);
    expect(forged.html).not.toMatch(/KL-\d{4}-\d{4}/);
    expect(await p.runtime.store.listCases()).toEqual([]);

    const offered = await turn(p, 'shown-form-1234', { kind: 'text', text: 'tal med en konsulent' });
    expect(offered.html).toContain('<form');
    const submitted = await turn(p, 'shown-form-1234', { kind: 'form', formId: 'escalation', values: validValues });
    expect(submitted.html).toMatch(/KL-\d{4}-\d{4}/);
    expect(await p.runtime.store.listCases()).toHaveLength(1);
  });

  it('accepts only feedback it offered: 👍/👎 on an answer the conversation was not shown with "no longer active", and thanks for one it was', async () => {
    p = await startPlayground();
    const forged = await turn(p, 'never-shown-answer', { kind: 'action', actionId: 'fb:down:faq:slette-kommentarer' });
    expect(forged.html).toContain(STALE);

    const answer = await turn(p, 'shown-answer-1234', { kind: 'action', actionId: 'faq:slette-kommentarer' });
    expect(answer.html).toContain('fb:up:faq:slette-kommentarer');
    const thanked = await turn(p, 'shown-answer-1234', { kind: 'action', actionId: 'fb:up:faq:slette-kommentarer' });
    expect(thanked.html).toContain('Tak for din feedback');
  });
});
