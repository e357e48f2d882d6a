import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { submitActivity, textActivity } from './activities.ts';
import { checkAndReportCards } from './card-schema.ts';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

const CONVERSATION = 'a:conversation';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  expect(checkAndReportCards('teams conversation', h.connector.calls)).toEqual([]);
  await h.close();
});

const where = { serviceUrl: '', conversationId: CONVERSATION };
const sent = (): ConnectorCall[] => h.connector.messages(CONVERSATION);
const cardText = (calls: ConnectorCall[]): string => JSON.stringify(calls.map((c) => c.body.attachments));

/** Every Action.Submit in a card, wherever it sits (a button in an ActionSet, or a panel's selectAction). */
function submits(call: ConnectorCall | undefined): { title: string; choice: string }[] {
  const found: { title: string; choice: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const data = record.data as { choice?: unknown } | undefined;
      if (record.type === 'Action.Submit' && typeof data?.choice === 'string') found.push({ title: String(record.title), choice: data.choice });
      Object.values(record).forEach(visit);
    }
  };
  visit(call?.body.attachments);
  return found;
}

async function say(text: string): Promise<ConnectorCall[]> {
  const before = sent().length;
  expect(await h.post(textActivity({ ...where, serviceUrl: h.connector.url }, text))).toBe(200);
  return sent().slice(before);
}

/** Submits the choice whose title matches on the card `call`; returns the cards sent in reply and the update of that card. */
async function press(call: ConnectorCall | undefined, title: RegExp | string): Promise<{ replies: ConnectorCall[]; updated: ConnectorCall | undefined }> {
  const choice = submits(call).find((s) => (typeof title === 'string' ? s.title === title : title.test(s.title)));
  if (!call || !choice) throw new Error(`no choice ${String(title)} in ${JSON.stringify(submits(call))}`);
  const before = sent().length;
  expect(await h.post(submitActivity({ ...where, serviceUrl: h.connector.url }, call.id, { choice: choice.choice }))).toBe(200);
  return { replies: sent().slice(before), updated: h.connector.updates().filter((u) => u.id === call.id).at(-1) };
}

describe('the conversation in Teams (activities to /api/messages, replies at a local connector)', () => {
  it('greets with the menu, where a long guide title is a panel whose text wraps instead of a cut-off button', async () => {
    const menu = await say('hej');
    const body = JSON.stringify(menu[0]?.body.attachments);
    expect(body).toContain('Hvad kan jeg hjælpe med?');
    expect(body).toContain('{"type":"Container","style":"emphasis","spacing":"Small","selectAction":{"type":"Action.Submit","title":"Lav et udkast til en strategi for sociale medier","data":{"choice":"flow:strategy"}},"items":[{"type":"TextBlock","text":"Lav et udkast til en strategi for sociale medier","wrap":true');
    expect(body).not.toContain('"type":"ActionSet"');
    expect(body).not.toContain('Start guiden:');
  });

  it('answers with the entry and a short "Start guiden", updates the pressed card, and lays out the long answers so they wrap', async () => {
    const [answer] = await say('må vi slette kritiske kommentarer på vores facebookside?');
    expect(cardText([answer!])).toContain('Må vi slette eller skjule kommentarer?');
    expect(submits(answer)).toContainEqual({ title: 'Start guiden', choice: 'flow:critical-citizen' });
    const started = await press(answer, 'Start guiden');
    expect(JSON.stringify(started.updated?.body)).toContain('Du valgte: Start guiden');
    expect(JSON.stringify(started.updated?.body)).not.toContain('Action.Submit');
    const question = cardText(started.replies);
    expect(question).toContain('Trin 1 af højst 4');
    expect(question).toContain('"text":"Borgerens egen sag – med personlige oplysninger","wrap":true');
  });

  it('takes a button of an earlier step back to that step, and says a replaced guide\'s button is no longer active', async () => {
    const firstStep = sent().at(-1);
    await say('3');
    expect(cardText(await say('1'))).toContain('Kan I dokumentere, hvad der er rigtigt?');
    const changed = await press(firstStep, /^Kritik af kommunen/);
    expect(cardText(changed.replies)).toContain('Du har ændret dit svar i trin 1. Guiden fortsætter derfra.');
    expect(JSON.stringify(changed.updated?.body)).toContain('Du valgte: Kritik af kommunen');
    const current = changed.replies.at(-1);
    const crisis = (await say('hvad gør vi ved en shitstorm')).at(0);
    const guide = await press(crisis, 'Start guiden');
    const stale = await press(current, submits(current)[0]?.title ?? '');
    expect(cardText(stale.replies)).toContain('Det valg er ikke længere aktivt.');
    expect(submits(stale.replies.at(-1))).toContainEqual({ title: 'Fortsæt guiden (trin 1)', choice: 'cmd:continue:crisis' });
    const next = await press(guide.replies.at(-1), /^Egen fejl/);
    expect(cardText(next.replies)).toContain('Trin 2 af højst 6');
  });

  it('asks about a question typed in a free-text step, answers it and shows the step again', async () => {
    // The crisis guide is paused here, so the reply ends with "Fortsæt guiden"; the strategy guide is offered before it.
    const offer = (await say('lav en strategi for sociale medier')).find((c) => submits(c).some((s) => s.title === 'Start guiden'));
    await press(offer, 'Start guiden');
    const [held] = await say('hvad skal en debatpolitik indeholde?');
    expect(submits(held)).toEqual([
      { title: 'Brug det som svar', choice: 'held:answer' },
      { title: 'Svar på spørgsmålet', choice: 'held:ask' },
    ]);
    const answered = await press(held, 'Svar på spørgsmålet');
    expect(cardText(answered.replies)).toContain('Debatpolitik og husregler');
    expect(cardText(answered.replies.slice(-1))).toContain('Hvad skal I flytte?');
    const menu = await say('menu');
    expect(submits(menu.at(-1))).toContainEqual({ title: 'Fortsæt guiden (trin 1)', choice: 'cmd:continue:strategy' });
  });

  it('offers to correct an obvious typing slip in a free-text answer, and keeps it as typed when asked to', async () => {
    await press((await say('menu')).at(-1), 'Fortsæt guiden (trin 1)');
    const replies = await say('Flere ansøgere til ledige job i kommuen');
    const slip = replies[0];
    expect(cardText(replies)).toContain('«kommuen» → «kommune»');
    expect(submits(slip)).toEqual([
      { title: 'Ret det', choice: 'held:corrected' },
      { title: 'Behold som skrevet', choice: 'held:answer' },
    ]);
    const kept = await press(slip, 'Behold som skrevet');
    expect(cardText(kept.replies)).toContain('Hvem skal I nå?');
  });
});
