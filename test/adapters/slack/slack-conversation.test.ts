import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlackCall } from '../../support/fake-slack-api.ts';
import { buttons, clickButton, postsTo, type Button, type SlackBlock } from './slack-clicks.ts';
import { dmEvent, eventEnvelope, startSlackHarness, type SlackHarness } from './slack-harness.ts';

const USER = 'U40';
const CHANNEL = 'D40';
/** How long one turn may take on a loaded machine. */
const TURN_MS = 15_000;

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h.close();
});

const posts = (): FakeSlackCall[] => postsTo(h, CHANNEL);
const text = (calls: FakeSlackCall[]): string => JSON.stringify(calls.map((c) => c.args.blocks));
const values = (calls: FakeSlackCall[]): string[] => calls.flatMap((c) => buttons(c).map(({ button }) => button.value));

/** Sends a DM and returns the messages posted in reply (waits for `count` of them). */
async function say(message: string, count = 1): Promise<FakeSlackCall[]> {
  const before = posts().length;
  await h.postEvent(eventEnvelope(dmEvent(message, USER, CHANNEL)));
  await h.fake.waitFor(() => posts().length >= before + count, TURN_MS);
  return posts().slice(before);
}

/** Clicks a button of a posted message and returns the messages posted in reply, and the update of the clicked one. */
async function click(call: FakeSlackCall | undefined, pick: (b: Button) => boolean, count = 1): Promise<{ replies: FakeSlackCall[]; updated: SlackBlock[] }> {
  const before = posts().length;
  const updates = h.fake.delivered('chat.update').length;
  await clickButton(h, call, pick, USER, CHANNEL);
  await h.fake.waitFor(() => posts().length >= before + count && h.fake.delivered('chat.update').length > updates, TURN_MS);
  return { replies: posts().slice(before), updated: (h.fake.delivered('chat.update').at(-1)?.args.blocks as SlackBlock[]) ?? [] };
}

describe('the conversation in Slack (signed events and clicks to the real receiver, fake Web API)', () => {
  it('answers small talk briefly and a shitstorm with the entry and a "Start guiden" button', async () => {
    expect(text(await say('hej'))).toContain('Hvad kan jeg hjælpe med?');
    const thanks = await say('tak for hjælpen');
    expect(thanks).toHaveLength(1);
    expect(text(thanks)).toContain('Selv tak!');
    const answer = await say('hvad gør vi ved en shitstorm');
    expect(text(answer)).toContain('Sæt alle planlagte opslag på pause på alle kanaler.');
    expect(buttons(answer[0]).map(({ button }) => [button.value, button.text.text])).toContainEqual(['flow:crisis', 'Start guiden']);
  });

  it('replaces the clicked buttons with the choice, and takes an earlier step\'s button back to that step', async () => {
    const answer = posts().at(-1);
    const started = await click(answer, (b) => b.value === 'flow:crisis');
    expect(started.updated.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(started.updated)).toContain('Du valgte: Start guiden');
    const firstStep = started.replies[0];
    expect(text(started.replies)).toContain('Trin 1 af højst 6');
    await say('2');
    expect(text(await say('2'))).toContain('Hvor stor er sagen lige nu?');
    // The first question's buttons were never clicked (the answers were typed), so they are still there.
    const changed = await click(firstStep, (b) => b.text.text.startsWith('Upopulær beslutning'));
    expect(text(changed.replies)).toContain('Du har ændret dit svar i trin 1. Guiden fortsætter derfra.');
    expect(text(changed.replies)).toContain('Trin 2 af højst 5');
    expect(JSON.stringify(changed.updated)).toContain('Du valgte: Upopulær beslutning');
    const state = await h.store.loadConversation('slack:T1:D40');
    expect(state?.value.flow).toMatchObject({ flowId: 'crisis', nodeId: 'scale', vars: { cause: 'decision' } });
  });

  it('shows "Fortsæt guiden (trin N)" under the menu while a guide is paused', async () => {
    const menu = await say('menu', 2);
    expect(text(menu)).toContain('Du er midt i guiden');
    expect(buttons(menu.at(-1)).map(({ button }) => [button.value, button.text.text])).toContainEqual(['cmd:continue:crisis', 'Fortsæt guiden (trin 2)']);
    const resumed = await click(menu.at(-1), (b) => b.value === 'cmd:continue:crisis');
    expect(text(resumed.replies)).toContain('Hvor stor er sagen lige nu?');
  });

  it('asks before taking a question typed in a free-text step as the answer, and returns to the step after answering it', async () => {
    await say('stop');
    const offer = (await say('lav en strategi for sociale medier')).at(-1);
    const started = await click(offer, (b) => b.value === 'flow:strategy');
    expect(text(started.replies)).toContain('Hvad skal I flytte?');
    const held = await say('hvad er en debatpolitik?');
    expect(values(held)).toEqual(['held:answer', 'held:ask']);
    const answered = await click(held[0], (b) => b.value === 'held:ask', 2);
    expect(text(answered.replies)).toContain('Debatpolitik og husregler');
    expect(text(answered.replies.slice(-1))).toContain('Hvad skal I flytte?');
    expect(JSON.stringify(answered.updated)).toContain('Du valgte: Svar på spørgsmålet');
  });

  it('offers to correct an obvious typing slip in a free-text answer, and goes on with the corrected answer', async () => {
    const slip = await say('Flere ansøgere til ledige job i kommuen');
    expect(text(slip)).toContain('«kommuen» → «kommune»');
    expect(values(slip)).toEqual(['held:corrected', 'held:answer']);
    const corrected = await click(slip[0], (b) => b.value === 'held:corrected');
    expect(text(corrected.replies)).toContain('Hvem skal I nå?');
    expect(JSON.stringify(corrected.updated)).toContain('Du valgte: Ret det');
  });
});
