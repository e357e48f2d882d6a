import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInPage, launchChromium, sendConsultantRequest, startPlayground, watchPage, type RunningPlayground } from './playground-harness.ts';

let playground: RunningPlayground;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  playground = await startPlayground();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

async function openChat(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  watchPage(page, playground.url, problems, problems);
  await page.goto(playground.url);
  await page.locator('.entry-bot').first().waitFor();
  return page;
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.entry-bot').first().waitFor();
}

const speakers = (page: Page) => page.locator('#chat-log .speaker').allTextContents();

describe('the playground keeps the conversation (Chromium)', () => {
  it('reads the history back after a reload, shows a consultant reply as it comes, and lets the requester answer it', async () => {
    const page = await openChat();
    await askInPage(page, 'må vi slette kommentarer');
    await reload(page);
    expect(await speakers(page)).toEqual(['SoMe-rådgiveren', 'Dig', 'SoMe-rådgiveren']);
    await expect(page.locator('.entry-user .user-text').first().textContent()).resolves.toBe('må vi slette kommentarer');
    await expect(page.locator('.entry-bot').nth(1).locator('h3').first().textContent()).resolves.toBe('Må vi slette kommentarer?');

    const receipt = await sendConsultantRequest(page, 'Vrede kommentarer');
    const number = (await receipt.locator('dd').first().textContent()) ?? '';
    expect(number).toMatch(/^KL-\d{4}-\d{4}$/);

    const outcome = await playground.runtime.escalation.cases.reply(number, 'Hej Test. Jeg ringer dig op i eftermiddag.', 'Lars Konsulent', 'cli');
    expect(outcome.ok).toBe(true);
    const notice = page.locator('.entry-notification').filter({ hasText: 'Jeg ringer dig op i eftermiddag.' });
    await notice.waitFor({ timeout: 15_000 });
    await expect(notice.textContent()).resolves.toContain(`Konsulenten skriver (Lars Konsulent, sag ${number}):`);
    await expect(notice.locator('.speaker').textContent()).resolves.toBe('Besked om din henvendelse');

    await reload(page);
    // the request form sent before the reload is not a live form again
    const sentForm = page.locator('.entry-bot:not(.entry-notification) form.bot-form').first();
    await expect(sentForm.getByRole('button', { name: 'Send' }).isDisabled()).resolves.toBe(true);
    await expect(sentForm.locator('input, textarea, select').first().isDisabled()).resolves.toBe(true);
    const kept = page.locator('.entry-notification').filter({ hasText: 'Jeg ringer dig op i eftermiddag.' });
    expect(await kept.count()).toBe(1);
    expect((await speakers(page)).at(-1)).toBe('Besked om din henvendelse');
    expect(await page.locator('.entry-user .user-text').allTextContents()).toContain('kontakt en konsulent');

    const replies = await page.locator('.entry-bot').count();
    await kept.getByRole('button', { name: 'Svar konsulenten' }).click();
    await page.locator('.entry-bot').nth(replies).waitFor();
    const answerForm = page.locator('form.bot-form').last();
    await answerForm.getByLabel('Dit svar').fill('Tak, det passer fint.');
    const beforeAnswer = await page.locator('.entry-bot').count();
    await answerForm.getByRole('button', { name: 'Send svaret' }).click();
    await page.locator('.entry-bot').nth(beforeAnswer).waitFor();
    await expect(page.locator('.entry-bot').last().textContent()).resolves.toContain(`Sendt til konsulenten i sag ${number}.`);
    const view = await playground.runtime.escalation.cases.get(number);
    expect(view?.messages.map((m) => [m.from, m.text])).toEqual([
      ['consultant', 'Hej Test. Jeg ringer dig op i eftermiddag.'],
      ['requester', 'Tak, det passer fint.'],
    ]);

    await reload(page);
    // the button under the consultant's message is told by its label, not as "(en knap)"
    expect(await page.locator('.entry-user .user-text').allTextContents()).toContain('Svar konsulenten');
    // the case is open: "Ny samtale" asks nothing and says its answers still show (test/adapters/web/playground-earlier-request.test.ts)
    const asked: string[] = [];
    page.on('dialog', (dialog) => void (asked.push(dialog.message()), dialog.dismiss()));
    await page.getByRole('button', { name: 'Ny samtale' }).click();
    await expect.poll(() => page.locator('#chat-status').textContent()).toContain(`Svar på din henvendelse ${number} vises stadig her`);
    expect(asked).toEqual([]);
    // what the conversation left behind showed before is not shown again after a reload
    await reload(page);
    expect(await speakers(page)).toEqual(['SoMe-rådgiveren']);
    expect(problems).toEqual([]);
  }, 90_000);
});
