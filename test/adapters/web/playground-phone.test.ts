import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { askInPage, sendConsultantRequest, shippedPlaygroundInChromium } from './playground-harness.ts';

const ARTIFACTS = 'test-artifacts';
const PHONE = { width: 390, height: 844 };

const running = shippedPlaygroundInChromium(ARTIFACTS);

async function phonePage(): Promise<Page> {
  const page = await (await running.browser().newContext({ viewport: PHONE, locale: 'da-DK', isMobile: true, hasTouch: true })).newPage();
  await page.goto(`${running.playground().url}/`);
  await page.locator('.entry-bot').first().waitFor();
  return page;
}

/** Whether an element's top edge is on the screen. */
async function topOnScreen(page: Page, selector: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await selector.boundingBox();
  return box !== null && box.y >= 0 && box.y < PHONE.height;
}

describe('the playground on a phone-sized screen (Chromium, shipped knowledge)', () => {
  it('shows a long answer opened by a button from its heading, and keeps the message box on screen', async () => {
    const page = await phonePage();
    await askInPage(page, 'må vi slette kommentarer på vores facebookside');
    const related = page.locator('.entry-bot').last().locator('button[data-choice-id^="faq:"]').first();
    const before = await page.locator('.entry-bot').count();
    await related.click();
    const opened = page.locator('.entry-bot').nth(before);
    await opened.waitFor();
    expect((await opened.boundingBox())?.height ?? 0).toBeGreaterThan(PHONE.height);
    expect(await topOnScreen(page, opened.locator('h3').first())).toBe(true);
    expect(await topOnScreen(page, page.getByLabel('Dit spørgsmål'))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/playground-phone-long-answer.png` });
  });

  it('masks a CPR number and an e-mail address in the user\'s own message once the reply is in', async () => {
    const page = await phonePage();
    await askInPage(page, 'en borger skrev sit cpr nr 010101-1234 og mail jens@eksempel.dk i en kommentar');
    const mine = (await page.locator('.entry-user .user-text').last().textContent()) ?? '';
    expect(mine).toContain('en borger skrev sit cpr nr');
    expect(mine).not.toContain('010101-1234');
    expect(mine).not.toContain('jens@eksempel.dk');
  });

  it('keeps only the newest reply\'s buttons usable after a reload', async () => {
    const page = await phonePage();
    await askInPage(page, 'må vi slette kommentarer på vores facebookside');
    await askInPage(page, 'hvor hurtigt skal vi svare');
    await page.reload();
    const replies = page.locator('.entry-bot:not(.entry-notification)');
    await replies.nth(2).waitFor();
    const count = await replies.count();
    expect(await replies.nth(count - 2).locator('button[data-choice-id]:not([disabled])').count()).toBe(0);
    expect(await replies.nth(count - 1).locator('button[data-choice-id]:not([disabled])').count()).toBeGreaterThan(0);
  });

  it('moves the focus to the first field the server found wrong in a consultant request', async () => {
    const page = await phonePage();
    const again = await sendConsultantRequest(page, 'Shitstorm', 'ring bare');
    expect(await again.textContent()).toContain('Noget i formularen skal rettes');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('ring bare');
  });

  it('keeps text typed while a reply is on its way, says the bot is replying, and gives back a message that could not be sent', async () => {
    const page = await phonePage();
    await page.route('**/playground/api/turn', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const box = page.getByLabel('Dit spørgsmål');
    const before = await page.locator('.entry-bot').count();
    await box.fill('hvad gør vi ved en shitstorm');
    await page.keyboard.press('Enter');
    await box.fill('og hvad med trusler');
    await page.keyboard.press('Enter');
    await expect(box.inputValue()).resolves.toBe('og hvad med trusler');
    await page.getByText('SoMe-rådgiveren svarer …').waitFor();
    await page.locator('.entry-bot').nth(before).waitFor();
    expect(await page.locator('#chat-status').textContent()).toBe('');
    expect(await page.locator('.entry-user').count()).toBe(1);

    await page.unroute('**/playground/api/turn');
    await page.route('**/playground/api/turn', (route) => route.abort());
    await box.fill('må vi blokere en borger');
    await page.keyboard.press('Enter');
    await page.getByText('Din tekst står stadig i feltet').waitFor();
    await expect(box.inputValue()).resolves.toBe('må vi blokere en borger');
  });
});
