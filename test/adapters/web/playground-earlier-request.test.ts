import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';
import { askInPage, launchChromium, sendConsultantRequest, startPlayground, watchPage, type RunningPlayground } from './playground-harness.ts';

let playground: RunningPlayground;
let browser: Browser;
const problems: string[] = [];
const ARTIFACTS = 'test-artifacts';

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  playground = await startPlayground();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

const CONVERSATION_KEY = 'some-advisor:conversation';
const EARLIER_KEY = 'some-advisor:earlier-conversations';

/** Opens the chat in a fresh browser context; `conversationId` is the one its localStorage starts with, if any. */
async function openChat(locale: 'da-DK' | 'en-GB', conversationId?: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  if (conversationId) await context.addInitScript(([key, id]) => localStorage.getItem(key) ?? localStorage.setItem(key, id), [CONVERSATION_KEY, conversationId] as const);
  const page = await context.newPage();
  watchPage(page, playground.url, problems, problems);
  await page.goto(playground.url);
  await page.locator('.entry-bot').first().waitFor();
  return page;
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const speakers = (page: Page) => page.locator('#chat-log .speaker').allTextContents();

/** Presses "Ny samtale" / "New conversation" and waits for the new conversation's greeting. */
async function newConversation(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await expect.poll(() => page.locator('#chat-log .entry').count()).toBe(1);
  await page.locator('.entry-bot').first().waitFor();
}

/** The kinds of the entries in a conversation's history, as the playground API gives them (and the case numbers of its notifications). */
async function historyOf(conversationId: string): Promise<string[]> {
  const response = await fetch(`${playground.url}/playground/api/history?conversationId=${conversationId}`);
  const { entries } = (await response.json()) as { entries: { kind: string; caseNumber?: string }[] };
  return entries.map((e) => (e.caseNumber ? `${e.kind} ${e.caseNumber}` : e.kind));
}

describe('"Ny samtale" with a consultant request still open (Chromium)', () => {
  it("shows the consultant's reply, sent with the CLI, marked as the earlier request's; it is answered there, and the new conversation goes on untouched", async () => {
    const page = await openChat('da-DK');
    const receipt = await sendConsultantRequest(page, 'Vrede kommentarer');
    const number = (await receipt.locator('dd').first().textContent()) ?? '';
    expect(number).toMatch(/^KL-\d{4}-\d{4}$/);
    const first = (await stored(page, CONVERSATION_KEY)) ?? '';

    const asked: string[] = [];
    page.on('dialog', (dialog) => void (asked.push(dialog.message()), dialog.dismiss()));
    await newConversation(page, 'Ny samtale');
    expect(asked).toEqual([]);
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe(
      `Ny samtale startet. Svar på din henvendelse ${number} vises stadig her, markeret som din tidligere henvendelse.`,
    );
    const second = (await stored(page, CONVERSATION_KEY)) ?? '';
    expect(second).not.toBe(first);
    await askInPage(page, 'må vi slette kommentarer');

    const sent = await runCli(['cases', 'reply', number, 'Hej Test. Jeg ringer dig op i eftermiddag.', '--by', 'Lars Konsulent'], '', playground.env);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const label = `Besked om din tidligere henvendelse (sag ${number})`;
    const reply = page.locator('.entry-earlier.entry-notification').filter({ hasText: 'Jeg ringer dig op i eftermiddag.' });
    await reply.waitFor({ timeout: 20_000 });
    await expect(reply.textContent()).resolves.toContain(`Konsulenten skriver (Lars Konsulent, sag ${number}):`);
    // a reply to a new case takes it first: both notices come, each marked
    await expect(page.locator('.entry-earlier.entry-notification').first().textContent()).resolves.toContain(`Lars Konsulent fra KL Kommunikation har overtaget din henvendelse ${number}`);
    expect(await speakers(page)).toEqual(['SoMe-rådgiveren', 'Dig', 'SoMe-rådgiveren', label, label]);

    // "Svar konsulenten" opens the answer form in the earlier conversation; meanwhile the new one answers as before
    await reply.getByRole('button', { name: 'Svar konsulenten' }).click();
    const answerForm = page.locator('.entry-earlier form.bot-form');
    await answerForm.waitFor();
    await askInPage(page, 'må vi slette kommentarer');
    const newest = page.locator('#chat-log .entry').last();
    await expect(newest.getAttribute('class')).resolves.toBe('entry entry-bot');
    await expect(newest.locator('h3').first().textContent()).resolves.toBe('Må vi slette kommentarer?');
    await answerForm.getByLabel('Dit svar').fill('Tak, det passer fint.');
    await answerForm.getByRole('button', { name: 'Send svaret' }).click();
    const receipted = page.locator('.entry-earlier.entry-bot').filter({ hasText: `Sendt til konsulenten i sag ${number}.` });
    await receipted.waitFor();
    await expect(receipted.locator('.speaker').textContent()).resolves.toBe(label);
    const view = await playground.runtime.escalation.cases.get(number);
    expect(view?.messages.map((m) => [m.from, m.text])).toEqual([
      ['consultant', 'Hej Test. Jeg ringer dig op i eftermiddag.'],
      ['requester', 'Tak, det passer fint.'],
    ]);

    // each conversation keeps its own: the reply and the answer in the earlier one, nothing of them in the new one
    expect(await historyOf(second)).toEqual(['bot', 'user', 'bot', 'user', 'bot']);
    expect((await historyOf(first)).slice(-6)).toEqual([`notification ${number}`, `notification ${number}`, 'user', 'bot', 'user', 'bot']);
    const shown = ['SoMe-rådgiveren', 'Dig', 'SoMe-rådgiveren', label, label, 'Dig', label, 'Dig', 'SoMe-rådgiveren', 'Dig', label];
    expect(await speakers(page)).toEqual(shown);

    // a reload reads both back in the order they were written, the earlier request's still marked
    await page.reload();
    await expect.poll(() => speakers(page)).toEqual(shown);
    await expect(page.locator('.entry-earlier.entry-notification').getByRole('button', { name: 'Svar konsulenten' }).isDisabled()).resolves.toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/playground-earlier-request.png`, fullPage: true });

    // the case closed is told the same way; the next "Ny samtale" leaves that conversation behind for good
    await playground.runtime.escalation.cases.move(number, 'resolve', 'Lars Konsulent');
    const closed = page.locator('.entry-earlier.entry-notification').filter({ hasText: `Din henvendelse ${number} er afsluttet` });
    await closed.waitFor({ timeout: 20_000 });
    await expect(closed.locator('.speaker').textContent()).resolves.toBe(label);
    await newConversation(page, 'Ny samtale');
    await expect(page.locator('#chat-status').textContent()).resolves.toBe('');
    expect(JSON.parse((await stored(page, EARLIER_KEY)) ?? 'null')).toEqual([]);
    await page.reload();
    await page.locator('.entry-bot').first().waitFor();
    expect(await speakers(page)).toEqual(['SoMe-rådgiveren']);
    expect(problems).toEqual([]);
  }, 120_000);

  it('says it in English on an English page', async () => {
    const conversationId = 'pg-earlier-english-1';
    const turn = (input: unknown) =>
      fetch(`${playground.url}/playground/api/turn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversationId, locale: 'en', input }),
      });
    await turn({ kind: 'text', text: 'talk to a human' });
    const values = { topic: 'Angry comments', description: 'We need help with a reply.', urgency: 'days', municipality: 'Testrup', name: 'Test Testesen', contact: 'test@testrup.dk' };
    expect((await turn({ kind: 'form', formId: 'escalation', values })).status).toBe(200);
    const opened = (await playground.runtime.escalation.cases.list('new')).find((v) => v.payload.requester.conversationId === `web:${conversationId}`);
    const number = opened?.case.number ?? '';
    expect(number).toMatch(/^KL-\d{4}-\d{4}$/);

    const page = await openChat('en-GB', conversationId);
    await newConversation(page, 'New conversation');
    await expect.poll(() => page.locator('#chat-status').textContent()).toBe(
      `New conversation started. Answers to your request ${number} still show here, marked as your earlier request.`,
    );
    await playground.runtime.escalation.cases.move(number, 'claim', 'Lars Consultant');
    const taken = page.locator('.entry-earlier.entry-notification').filter({ hasText: `has taken your request ${number}` });
    await taken.waitFor({ timeout: 20_000 });
    await expect(taken.locator('.speaker').textContent()).resolves.toBe(`About your earlier request (case ${number})`);
    expect(await speakers(page)).toEqual(['SoMe Advisor', `About your earlier request (case ${number})`]);
    expect(problems).toEqual([]);
  }, 60_000);
});
